// A person and a session as one joined-up view in real Chromium: find a person by e-mail, read
// their standing and sessions, and refund one of their sessions from the session page.
import { describe, expect, it } from "vitest";
import { PASSWORD, type TestApp } from "../helpers/app.js";
import { logIn, screenshot, type BrowserHandle } from "../helpers/browser.js";
import { useConsoleApp } from "../helpers/console-fixture.js";
import { OPEN_DISPUTE, newKey } from "../helpers/money.js";
import { ISSUE } from "../helpers/safety.js";
import { at, book, mentorWithHours } from "../helpers/sessions.js";

/** A start on the booking grid (slots are whole steps from the hour), `minutes` or more from `from`. */
const onTheHour = (from: Date, minutes: number) => {
  const d = at(from, minutes + 59);
  d.setUTCMinutes(0, 0, 0);
  return d;
};

describe("console: person and session", { timeout: 180_000 }, () => {
  let t: TestApp;
  let browser: BrowserHandle;
  useConsoleApp({}, (env) => {
    ({ t, browser } = env);
  });

  it("find a person by e-mail (search box, press /) and refund one of their sessions from the session page with confirmation", async () => {
    const admin = await t.user("ADMIN");
    const mentor = await mentorWithHours(t);
    const mentee = await t.user("MENTEE", { email: "rita.refundme@example.test", displayName: "Rita Refundme" });
    // Booked after the strike's suspension would end, so the strike leaves it standing.
    const s = await book(t, mentee, mentor, onTheHour(t.clock.now(), 40 * 24 * 60), 60);
    const { currency } = await t.db.session.update({ where: { id: s.id }, data: { topic: "Portfolio review" } });
    await t.ok(ISSUE, { i: { userId: mentee.id, kind: "STRIKE", category: "RUDENESS", reason: "Insulted the mentor", idempotencyKey: newKey() } }, admin.token);

    const page = await browser.page();
    await logIn(page, t.url, admin.email, PASSWORD);
    await page.locator("main h1").first().waitFor();
    await page.keyboard.press("/");
    await page.keyboard.type("rita.refundme");
    await page.getByTestId("search-results").getByRole("link", { name: "Rita Refundme" }).click();
    await page.waitForURL(`**/users/${mentee.id}`);
    // An account with an active strike does not read as plainly "active".
    await page.getByRole("heading", { name: "Rita Refundme" }).waitFor();
    const standing = page.getByTestId("person-standing");
    await standing.filter({ hasText: /^suspended with 1 active enforcement/ }).waitFor();
    expect(await page.getByTestId("person-enforcements").textContent()).toMatch(/^strike Insulted the mentor · until .*\d{4}/);
    await screenshot(page, "person-page");

    await page.getByTestId("person-sessions").getByRole("link", { name: "Portfolio review" }).click();
    await page.waitForURL(`**/sessions/${s.id}`);
    const charge = page.getByTestId("session-charge");
    const price = (s.priceMinor / 100).toFixed(2);
    expect(await charge.getByTestId("charge-refundable").textContent()).toBe(`${price} ${currency}`);
    await charge.getByRole("button", { name: "Refund…" }).click();
    const form = page.getByRole("dialog", { name: "Issue a refund" });
    await form.getByLabel(/Amount/).fill("10.00");
    await form.getByLabel(/Reason/).fill("Goodwill: the mentor changed the agenda");
    await form.getByRole("button", { name: "Review refund…" }).click();
    const confirm = page.getByRole("dialog", { name: "Confirm the refund" });
    expect(await confirm.getByTestId("refund-summary-amount").textContent()).toMatch(new RegExp(`10\\.00 ${currency} of ${price} ${currency} refundable`));
    await screenshot(page, "session-refund-confirm");
    // Nothing is issued before the confirmation.
    expect(await t.db.refund.count({ where: { sessionId: s.id } })).toBe(0);
    await confirm.getByRole("button", { name: /Confirm refund of 10\.00/ }).dblclick();
    await confirm.waitFor({ state: "detached" });
    await charge.getByTestId("refund-row").filter({ hasText: "Goodwill: the mentor changed the agenda" }).waitFor();
    await charge.getByTestId("charge-refunded").filter({ hasText: `10.00 ${currency}` }).waitFor();
    await screenshot(page, "session-page-refunded");
    const refunds = await t.db.refund.findMany({ where: { sessionId: s.id } });
    expect(refunds.map((r) => r.amountMinor)).toEqual([1000]);
    await page.close();
  });

  it("two browsers on one dispute see each other", async () => {
    const mentor = await mentorWithHours(t);
    const mentee = await t.user("MENTEE");
    const s = await book(t, mentee, mentor, onTheHour(t.clock.now(), 180), 60);
    const endedAt = at(new Date(s.startsAt), 60);
    await t.db.session.update({ where: { id: s.id }, data: { state: "ENDED", endedAt } });
    t.clock.set(at(endedAt, 10));
    const d = (await t.ok(OPEN_DISPUTE, { i: { scope: "SESSION", sessionId: s.id, reason: "The call kept dropping", evidence: "screenshots" } }, mentee.token)).openDispute;
    const ann = await t.user("SUPPORT", { displayName: "Ann Agent" });
    const bob = await t.user("ADMIN", { displayName: "Bob Boss" });

    const pa = await browser.page();
    await logIn(pa, t.url, ann.email, PASSWORD, `/disputes/${d.id}`);
    await pa.getByRole("heading", { name: "The call kept dropping" }).waitFor();
    expect(await pa.getByTestId("also-viewing").count()).toBe(0);
    const pb = await browser.page();
    await logIn(pb, t.url, bob.email, PASSWORD, `/disputes/${d.id}`);
    await pb.getByTestId("also-viewing").filter({ hasText: "Also viewing: Ann Agent" }).waitFor();
    await pa.getByTestId("also-viewing").filter({ hasText: "Also viewing: Bob Boss" }).waitFor();
    await screenshot(pa, "dispute-also-viewing");
    // Bob leaves the dispute: Ann's page stops naming him.
    await pb.goto(`${t.url}/disputes`);
    await pa.getByTestId("also-viewing").waitFor({ state: "detached" });
    await pa.close();
    await pb.close();
  });

  it("the audit log lists entries newest first with readable actions, merges live entries in order and shows changes as key/value lists", async () => {
    const admin = await t.user("ADMIN");
    const target = await t.user("MENTEE", { displayName: "Abel Audited" });
    await t.ok(ISSUE, { i: { userId: target.id, kind: "WARNING", category: "SPAM", reason: "Posted ads", idempotencyKey: newKey() } }, admin.token);
    const page = await browser.page();
    await logIn(page, t.url, admin.email, PASSWORD, `/audit?actorId=${admin.id}`);
    const actions = page.getByTestId("audit-table").getByTestId("audit-action");
    await actions.first().waitFor();
    expect(await actions.first().textContent()).toBe("Enforcement issuedsafety.enforce");

    // A later entry, written while the page is open, is merged on top (newest first).
    t.clock.set(at(t.clock.now(), 5));
    await t.ok(`mutation($u: ID!, $r: Role!, $why: String!) { setUserRole(userId: $u, role: $r, reason: $why) { id } }`, { u: target.id, r: "MENTOR", why: "Approved elsewhere" }, admin.token);
    await actions.filter({ hasText: "Role changed" }).waitFor();
    const labels = await actions.allTextContents();
    expect(labels.indexOf("Role changeduser.setRole")).toBeLessThan(labels.indexOf("Enforcement issuedsafety.enforce"));

    // The role change's before/after reads as a key/value list, not JSON.
    const row = page.getByTestId("audit-table").locator("tbody tr").filter({ hasText: "Role changed" });
    await row.getByText("details").click();
    const change = row.getByTestId("audit-change");
    expect(await change.locator("dt").allTextContents()).toEqual(["before", "role", "after", "role"]);
    expect(await change.textContent()).not.toContain("{");
    expect(await change.locator("dd dd").allTextContents()).toEqual(["MENTEE", "MENTOR"]);
    await screenshot(page, "audit-readable");
    await page.close();
  });
});
