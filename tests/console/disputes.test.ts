// Disputes in real Chromium: a dispute arrives in the queue live; two agents work on it; a stale
// resolution is refused with the API's message; a partial refund resolves it once even when the
// button is double-clicked.
import { describe, expect, it } from "vitest";
import { PASSWORD, type TestApp } from "../helpers/app.js";
import { logIn, screenshot, type BrowserHandle } from "../helpers/browser.js";
import { useConsoleApp } from "../helpers/console-fixture.js";
import { OPEN_DISPUTE, hungUpSession } from "../helpers/money.js";

// Multi-step flows in a real browser on a shared 2-core machine: allow more than the default minute.
describe("console: disputes and refunds", { timeout: 180_000 }, () => {
  let t: TestApp;
  let browser: BrowserHandle;
  useConsoleApp({}, (env) => {
    ({ t, browser } = env);
  });

  it("resolves a dispute with a partial refund once; a stale edit is refused", async () => {
    const { mentee, s } = await hungUpSession(t, { minutes: 60, hangUpAfter: 20 });
    const agentA = await t.user("SUPPORT", { displayName: "Agent Ann" });
    const agentB = await t.user("SUPPORT", { displayName: "Agent Bob" });
    const a = await browser.page();
    await logIn(a, t.url, agentA.email, PASSWORD);
    await a.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Disputes" }).click();
    await a.getByText("No disputes here.").waitFor();
    await t.listening("disputeQueue");

    const opened = await t.ok(OPEN_DISPUTE, { i: { scope: "SESSION", sessionId: s.id, reason: "The mentor left after 20 minutes", evidence: "Call log" } }, mentee.token);
    const id = opened.openDispute.id as string;
    const row = a.locator(`[data-testid="dispute-row"][data-dispute-id="${id}"]`);
    await row.waitFor();
    await row.getByRole("link").click();
    await a.getByTestId("dispute-charge").waitFor();
    expect(await a.getByTestId("dispute-charge").textContent()).toMatch(/refundable/);
    await a.getByRole("button", { name: "Assign to me" }).click();
    await a.getByTestId("dispute-assignee").filter({ hasText: "Agent Ann" }).waitFor();

    // Agent B has the same dispute open and sees A's internal note arrive live.
    const b = await browser.page();
    await logIn(b, t.url, agentB.email, PASSWORD, `/disputes/${id}`);
    await b.getByTestId("dispute-assignee").filter({ hasText: "Agent Ann" }).waitFor();
    await t.listening("disputeUpdated", 2);
    await b.getByRole("button", { name: "Resolve…" }).click();
    const bDialog = b.getByRole("dialog", { name: "Resolve dispute" });
    await bDialog.getByLabel("No action").check();

    await a.getByTestId("thread-note").getByLabel("Add an internal note").fill("Call log confirms the hang-up at minute 20");
    await a.getByTestId("thread-note").getByRole("button", { name: "Add note" }).click();
    await b.getByTestId("thread-note").getByText("Call log confirms the hang-up at minute 20").waitFor();
    // The parties' thread does not show it.
    expect(await b.getByTestId("thread-message").getByText("Call log confirms").count()).toBe(0);

    // B's dialog was opened on the older version: it warns, and the API refuses the stale write.
    await bDialog.getByText(/Another agent changed this dispute/).waitFor();
    await bDialog.getByLabel(/Reason/).fill("Nothing to do");
    await bDialog.getByRole("button", { name: "Resolve" }).click();
    await bDialog.getByRole("alert").waitFor();
    expect(await bDialog.getByRole("alert").textContent()).toMatch(/changed/i);
    await screenshot(b, "dispute-stale-refused");
    await bDialog.getByRole("button", { name: "Cancel" }).click();

    // A resolves with a partial refund; a double click refunds once.
    await a.getByRole("button", { name: "Resolve…" }).click();
    const aDialog = a.getByRole("dialog", { name: "Resolve dispute" });
    await aDialog.getByTestId("refundable").waitFor();
    await aDialog.getByLabel("Partial refund").check();
    await aDialog.getByLabel(/Amount to refund/).fill("10.00");
    await aDialog.getByLabel(/Reason/).fill("Refunding part of the unlapsed time");
    await screenshot(a, "dispute-resolve");
    await aDialog.getByRole("button", { name: "Resolve" }).dblclick();
    await aDialog.waitFor({ state: "detached" });
    await a.getByTestId("dispute-resolution").filter({ hasText: "10.00" }).waitFor();
    await b.getByTestId("dispute-resolution").filter({ hasText: "10.00" }).waitFor();
    await screenshot(a, "dispute-resolved");

    const refunds = await t.db.refund.findMany({ where: { sessionId: s.id, disputeId: id } });
    expect(refunds).toHaveLength(1);
    expect(refunds[0].amountMinor).toBe(1000);

    // The refunds page shows it for the session.
    await a.goto(`${t.url}/refunds?session=${s.id}`);
    await a.getByTestId("charge").getByTestId("refund-row").filter({ hasText: "10.00" }).waitFor();
    await a.close();
    await b.close();
  });

  it("issues a staff refund once on a double click", async () => {
    const { s } = await hungUpSession(t, { minutes: 60, hangUpAfter: 30 });
    const admin = await t.user("ADMIN");
    const page = await browser.page();
    await logIn(page, t.url, admin.email, PASSWORD, `/refunds?session=${s.id}`);
    const before = await page.getByTestId("charge-refundable").textContent();
    await page.getByRole("button", { name: "Issue refund…" }).click();
    const dialog = page.getByRole("dialog", { name: "Issue a refund" });
    await dialog.getByLabel(/Amount/).fill("5.00");
    await dialog.getByLabel(/Reason/).fill("Goodwill");
    await dialog.getByRole("button", { name: "Review refund…" }).click();
    const confirm = page.getByRole("dialog", { name: "Confirm the refund" });
    await confirm.getByRole("button", { name: /Confirm refund of 5\.00/ }).dblclick();
    await confirm.waitFor({ state: "detached" });
    await page.getByTestId("charge").getByTestId("refund-row").filter({ hasText: "Goodwill" }).waitFor();
    expect(await page.getByTestId("charge-refundable").textContent()).not.toBe(before);
    expect(await t.db.refund.count({ where: { sessionId: s.id, reason: "Goodwill" } })).toBe(1);
    await page.close();
  });
});
