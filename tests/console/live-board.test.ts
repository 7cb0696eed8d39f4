// Live sessions board in real Chromium: a session appears, goes live and ends without a reload
// while the participants act through the API.
import { describe, expect, it } from "vitest";
import { PASSWORD, type TestApp } from "../helpers/app.js";
import { logIn, screenshot, type BrowserHandle } from "../helpers/browser.js";
import { useConsoleApp } from "../helpers/console-fixture.js";
import { END, JOIN, book, mentorWithHours } from "../helpers/sessions.js";
import { ISSUE_REFUND, newKey } from "../helpers/money.js";

const START = "2026-03-02T09:00:00Z";

// Multi-step flows in a real browser on a shared 2-core machine: allow more than the default minute.
describe("console: live sessions board", { timeout: 180_000 }, () => {
  let t: TestApp;
  let browser: BrowserHandle;
  useConsoleApp({ now: START }, (env) => {
    ({ t, browser } = env);
  });

  it("support watches a session appear, go live and end", async () => {
    const support = await t.user("SUPPORT");
    const mentor = await mentorWithHours(t);
    const mentee = await t.user("MENTEE");
    const page = await browser.page();
    // The browser's clock follows the API's fake clock, so countdowns and the board's window agree.
    const clock = page.context().clock;
    await clock.install({ time: new Date(START) });
    await logIn(page, t.url, support.email, PASSWORD);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Live sessions" }).click();
    await page.getByRole("heading", { name: "Live sessions" }).waitFor();
    await t.listening("liveSessions");

    const s = await book(t, mentee, mentor, "2026-03-02T11:00:00Z", 60);
    // Bookings are not pushed on liveSessions (only state and presence changes are): the board
    // re-reads itself every 30 s, so let 30 s pass in the browser.
    await clock.runFor(30_000);
    const row = page.locator(`[data-testid="board-session"][data-session-id="${s.id}"]`);
    await row.and(page.locator('[data-state="SCHEDULED"]')).waitFor();
    expect(await row.getByTestId("session-timer").textContent()).toMatch(/starts in 1:5\d:\d\d/);
    await screenshot(page, "board-scheduled");

    // The room opens ten minutes before; the mentor joins two minutes late.
    t.clock.set("2026-03-02T11:02:00Z");
    await clock.setSystemTime(new Date("2026-03-02T11:02:00Z"));
    await t.ok(JOIN, { id: s.id }, mentor.token);
    await row.and(page.locator('[data-state="LIVE"]')).waitFor();
    await row.getByTestId("party-mentor").getByText(/joined/).waitFor();
    await row.getByTestId("party-mentee").getByText(/late/).waitFor();
    await t.ok(JOIN, { id: s.id }, mentee.token);
    await row.getByTestId("party-mentee").getByText(/joined/).waitFor();
    expect(await row.getByTestId("session-timer").textContent()).toMatch(/auto-end in 5\d:\d\d/);
    await screenshot(page, "board-live");

    // The mentee ends the call early: the row moves to the finished lane.
    t.clock.set("2026-03-02T11:40:00Z");
    await t.ok(END, { id: s.id }, mentee.token);
    await row.and(page.locator('[data-state="ENDED"]')).waitFor();
    expect(await row.getByTestId("session-timer").textContent()).toMatch(/ended .* by mentee/);
    await screenshot(page, "board-ended");

    // The session's page shows its timeline.
    await row.getByRole("link").click();
    const timeline = page.getByTestId("session-timeline");
    await timeline.waitFor();
    expect(await timeline.locator("li").count()).toBeGreaterThanOrEqual(3);

    // Support refunds part of it twice: the refunds chart counts both and names their sum.
    const refunded = [1000, 500];
    let currency = "";
    for (const [i, amountMinor] of refunded.entries()) {
      const r = await t.ok(ISSUE_REFUND, { i: { sessionId: s.id, amount: { amountMinor, currency: "USD" }, reason: `goodwill ${i}`, idempotencyKey: newKey("board") } }, support.token);
      currency = r.issueRefund.amount.currency;
    }
    const grace = (await t.ok(`{ policy { values } }`, {}, support.token)).policy.values.tardiness.graceMinutes as number;
    const onTime = 2 <= grace ? 100 : 0; // the mentor joined 2 minutes after the start

    // The overview charts count it (SVG, one bar per UTC day, figures from the API).
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" }).click();
    const chart = (name: RegExp) => page.getByRole("img", { name });
    await chart(/Sessions held per day/).waitFor();
    expect(await chart(/Sessions held per day/).getAttribute("aria-label")).toMatch(/Mar 2 1(,|$)/);
    expect(await chart(/Sessions held per day/).getAttribute("aria-label")).toMatch(/Mar 1 0,/);
    expect(await chart(/Mentor on-time rate per day/).getAttribute("aria-label")).toContain(`Mar 2 ${onTime}% (${onTime ? 1 : 0} of 1 joins)`);
    expect(await chart(/Mentor on-time rate per day/).getAttribute("aria-label")).toContain("Mar 1 0% (no joins)");
    const sum = `${(refunded.reduce((a, b) => a + b, 0) / 100).toFixed(2)} ${currency}`;
    expect(await chart(/Refunds per day/).getAttribute("aria-label")).toContain(`Mar 2 ${refunded.length} (${sum})`);
    expect(await chart(/Refunds per day/).getAttribute("aria-label")).toMatch(/Mar 1 0,/);
    expect(await chart(/Refunds per day/).locator("title").allTextContents()).toContain(`Mar 2: ${refunded.length} (${sum})`);
    await screenshot(page, "overview-charts");
    await page.close();
  });
});
