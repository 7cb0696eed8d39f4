// Consequences before acting, in real Chromium: the uphold dialog shows what the decision will do
// (the strike, the mentee's booking it cancels, the refund) before the confirm button; confirming
// does exactly that and says so.
import { describe, expect, it } from "vitest";
import { PASSWORD, type TestApp } from "../helpers/app.js";
import { logIn, screenshot, type BrowserHandle } from "../helpers/browser.js";
import { useConsoleApp } from "../helpers/console-fixture.js";
import { ISSUE, report } from "../helpers/safety.js";
import { at, book, mentorWithHours } from "../helpers/sessions.js";

/** A start on the booking grid (whole hours), `minutes` or more from `from`. */
const onTheHour = (from: Date, minutes: number) => {
  const d = at(from, minutes + 59);
  d.setUTCMinutes(0, 0, 0);
  return d;
};

describe("console: upholding a report shows its consequence first", { timeout: 180_000 }, () => {
  let t: TestApp;
  let browser: BrowserHandle;
  useConsoleApp({}, (env) => {
    ({ t, browser } = env);
  });

  it("uphold a report after reading the consequence and see the mentee's cancelled booking and refund", async () => {
    const support = await t.user("SUPPORT");
    const mentor = await mentorWithHours(t, { rate: 7000 });
    await t.db.user.update({ where: { id: mentor.id }, data: { displayName: "Morris Rude" } });
    const mentee = await t.user("MENTEE", { displayName: "Mia Booked" });
    const reporter = await t.user("MENTEE");
    // Booked three days ahead: inside the 30-day suspension a strike brings.
    const s = await book(t, mentee, mentor, onTheHour(t.clock.now(), 3 * 24 * 60), 60);
    const { currency } = await t.db.session.findUniqueOrThrow({ where: { id: s.id } });
    const price = `${(s.priceMinor / 100).toFixed(2)} ${currency}`;
    // An earlier warning: the next step on the ladder is a strike.
    await t.ok(ISSUE, { i: { userId: mentor.id, kind: "WARNING", reason: "Rude in a group session" } }, support.token);
    const r = await report(t, reporter, mentor.id, "HARASSMENT", { description: "Shouted at me during the call" });

    const page = await browser.page();
    await logIn(page, t.url, support.email, PASSWORD, "/safety");
    const card = page.locator(`[data-testid="report"][data-report-id="${r.id}"]`);
    await card.getByText("Shouted at me during the call").waitFor();
    await card.getByRole("button", { name: "Uphold…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(/Next step on the ladder/).check();
    await dialog.getByLabel(/Reason/).fill("Confirmed by two witnesses");

    // The consequence, before confirming: a strike with its end (and time zone), the booking, the refund.
    const preview = dialog.getByTestId("decision-preview");
    const session = preview.getByTestId("preview-session").filter({ hasText: "Mia Booked" });
    await session.waitFor();
    expect(await session.getAttribute("data-session-id")).toBe(s.id);
    expect(await session.textContent()).toContain(price);
    expect(await preview.getByTestId("preview-refund-total").textContent()).toBe(price);
    const enforcement = await preview.getByTestId("preview-enforcement").textContent();
    expect(enforcement).toMatch(/^strike suspends the whole account until .*\d{4}.* [A-Z][A-Za-z0-9+:-]+/);
    expect(enforcement).toContain("Harassment: Confirmed by two witnesses");
    await screenshot(page, "safety-uphold-preview");
    // Reading the preview changed nothing.
    expect((await t.db.report.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("OPEN");
    expect((await t.db.session.findUniqueOrThrow({ where: { id: s.id } })).state).toBe("SCHEDULED");

    await dialog.getByRole("button", { name: "Uphold report" }).click();
    await dialog.waitFor({ state: "detached" });
    const done = page.getByTestId("review-done");
    await done.filter({ hasText: "Upheld the harassment report about Morris Rude" }).waitFor();
    expect(await done.textContent()).toMatch(new RegExp(`strike until .*; 1 booking cancelled, ${price.replace(".", "\\.")} refunded to mentees\\.$`));
    await card.waitFor({ state: "detached" });
    await screenshot(page, "safety-uphold-done");

    // The mentee's booking: cancelled by staff, refunded in full.
    await page.goto(`${t.url}/sessions/${s.id}`);
    await page.getByTestId("session-state").filter({ hasText: "cancelled" }).waitFor();
    const charge = page.getByTestId("session-charge");
    await charge.getByTestId("charge-refunded").filter({ hasText: price }).waitFor();
    await charge.getByTestId("refund-row").first().waitFor();
    await screenshot(page, "safety-uphold-session-cancelled");
    const refunds = await t.db.refund.findMany({ where: { sessionId: s.id } });
    expect(refunds.map((x) => x.amountMinor)).toEqual([s.priceMinor]);
    await page.close();
  });
});
