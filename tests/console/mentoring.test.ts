// Mentoring areas of the console in real Chromium: a mentorship with its agreement and chat
// (a detector-reported message marked), ending it with a reason; webinars with registrations,
// cancelled with a reason; a mentor's lateness and fee history reached from the person page.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { PASSWORD, type TestApp } from "../helpers/app.js";
import { logIn, screenshot, type BrowserHandle } from "../helpers/browser.js";
import { useConsoleApp } from "../helpers/console-fixture.js";
import { activeMentorship, endedSession, TERMS } from "../helpers/mentorships.js";

const SEND = `mutation($m: ID!, $b: String!) { sendChatMessage(input: { mentorshipId: $m, body: $b }) { id } }`;

/** On a 390 px phone, none of these pages (with their rows) scrolls sideways. */
async function noSideScroll(page: Page, base: string, paths: string[]) {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const p of paths) {
    await page.goto(base + p);
    await page.getByTestId("viewer").waitFor();
    await page.locator("main h1").first().waitFor();
    await expect.poll(() => page.locator("main .loading").count()).toBe(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow on ${p}`).toBeLessThanOrEqual(0);
  }
}

describe("console: mentorships, chat review, webinars, fee history", { timeout: 180_000 }, () => {
  let t: TestApp;
  let browser: BrowserHandle;
  useConsoleApp({ now: "2026-03-02T09:00:00Z" }, (env) => {
    ({ t, browser } = env);
  });

  it("support opens a mentorship, reads its agreement and chat, removes a reported message and ends the mentorship, each with a reason", async () => {
    const support = await t.user("SUPPORT");
    const mentor = await t.user("MENTOR", { displayName: "Mara Mentor" });
    const mentee = await t.user("MENTEE", { displayName: "Milo Mentee" });
    const { mentorshipId } = await activeMentorship(t, { mentor, mentee });
    await t.ok(SEND, { m: mentorshipId, b: "Looking forward to our first session!" }, mentee.token);
    // The off-platform detector files a report about this one; the message stays.
    await t.ok(SEND, { m: mentorshipId, b: "Let's continue on WhatsApp: wa.me/15551234567, pay me directly" }, mentor.token);

    const page = await browser.page();
    await logIn(page, t.url, support.email, PASSWORD);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Mentorships" }).click();
    const row = page.locator(`[data-testid="mentorship-row"][data-mentorship-id="${mentorshipId}"]`);
    await row.getByText("Active").waitFor();
    expect(await row.getByRole("link", { name: "Mara Mentor", exact: true }).getAttribute("href")).toBe(`/users/${mentor.id}`);
    expect(await row.getByRole("link", { name: "Milo Mentee", exact: true }).getAttribute("href")).toBe(`/users/${mentee.id}`);
    await screenshot(page, "mentorships");
    await row.getByRole("link", { name: "Mara Mentor → Milo Mentee" }).click();
    await page.getByRole("heading", { name: "Mara Mentor → Milo Mentee" }).waitFor();
    await page.getByTestId("current-agreement").getByText(TERMS.objectives).waitFor();
    expect(await page.getByTestId("agreement-version").count()).toBe(1);
    await page.getByTestId("agreement-version").getByText(/Mentee accepted .*(UTC|GMT)/).waitFor();

    await page.getByRole("link", { name: "Read the chat" }).click();
    await page.getByRole("heading", { name: "Chat review" }).waitFor();
    await page.getByTestId("chat-message").filter({ hasText: "Looking forward" }).waitFor();
    const reported = page.locator('[data-testid="chat-message"][data-reported="true"]');
    await reported.getByText("Reported: off platform").first().waitFor();
    expect(await reported.getByText(/by a detector/).count()).toBeGreaterThan(0);
    expect(await reported.getByText("WhatsApp").count()).toBe(1);
    await page.getByLabel(/Only reported messages/).check();
    await expect.poll(() => page.getByTestId("chat-message").count()).toBe(1);
    await screenshot(page, "mentorship-chat");
    // Remove the reported message with a reason: the members see that it was removed, not its text.
    await reported.getByRole("button", { name: "Remove…" }).click();
    const remove = page.getByRole("dialog", { name: "Remove message" });
    await remove.getByText(/will read as removed to both members/).waitFor();
    expect(await remove.getByRole("button", { name: "Remove message" }).isDisabled()).toBe(true);
    await remove.getByLabel(/Reason/).fill("Asks for payment off the platform");
    await remove.getByRole("button", { name: "Remove message" }).click();
    await remove.waitFor({ state: "detached" });
    await reported.getByTestId("message-removed").filter({ hasText: "Asks for payment off the platform" }).waitFor();
    await reported.getByRole("button", { name: "Restore…" }).waitFor();
    const asMentee = await t.ok(`query($m: ID!) { chatMessages(mentorshipId: $m, first: 10) { edges { node { body hidden } } } }`, { m: mentorshipId }, mentee.token);
    expect(asMentee.chatMessages.edges.map((e: { node: { body: string; hidden: boolean } }) => e.node)).toContainEqual({ body: "", hidden: true });

    await page.getByRole("link", { name: "← Mara Mentor → Milo Mentee" }).click();
    await page.getByRole("button", { name: "End mentorship…" }).click();
    const dialog = page.getByRole("dialog", { name: "End mentorship" });
    const end = dialog.getByRole("button", { name: "End mentorship" });
    expect(await end.isDisabled()).toBe(true);
    await dialog.getByLabel(/Reason/).fill("Off-platform payment requested in chat");
    await end.click();
    await dialog.waitFor({ state: "detached" });
    await page.getByTestId("mentorship-status").filter({ hasText: "Ended early" }).waitFor();
    await page.getByTestId("mentorship-ended").filter({ hasText: "Off-platform payment requested in chat" }).waitFor();
    expect(await page.getByRole("button", { name: "End mentorship…" }).isDisabled()).toBe(true);
    const seen = await t.ok(`query($id: ID!) { mentorship(id: $id) { status endReason } }`, { id: mentorshipId }, mentee.token);
    expect(seen.mentorship).toEqual({ status: "ENDED", endReason: "Off-platform payment requested in chat" });
    await noSideScroll(page, t.url, ["/mentorships?user=" + mentor.id, `/mentorships/${mentorshipId}`, `/mentorships/${mentorshipId}/chat`]);
    await page.close();
  });

  it("support cancels a webinar with a reason; registrations are listed; a mentor gets no such page", async () => {
    const support = await t.user("SUPPORT");
    const host = await t.user("MENTOR", { displayName: "Hana Host" });
    const mentee = await t.user("MENTEE", { displayName: "Rita Registered" });
    const w = (
      await t.ok(
        `mutation($i: ScheduleWebinarInput!) { scheduleWebinar(input: $i) { id } }`,
        { i: { title: "Breaking into product management", startsAt: "2026-03-03T17:00:00Z", durationMinutes: 60, capacity: 30 } },
        host.token,
      )
    ).scheduleWebinar;
    await t.ok(`mutation($id: ID!) { registerForWebinar(input: { webinarId: $id }) { userId } }`, { id: w.id }, mentee.token);

    const page = await browser.page();
    await logIn(page, t.url, support.email, PASSWORD);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Webinars" }).click();
    const row = page.locator(`[data-testid="webinar-row"][data-webinar-id="${w.id}"]`);
    await row.getByText("1 of 30").waitFor();
    expect(await row.getByRole("link", { name: "Hana Host" }).getAttribute("href")).toBe(`/users/${host.id}`);
    await row.getByRole("link", { name: "Breaking into product management" }).click();
    await page.getByRole("heading", { name: "Breaking into product management" }).waitFor();
    expect(await page.getByTestId("registrations").getByRole("link", { name: "Rita Registered" }).getAttribute("href")).toBe(`/users/${mentee.id}`);
    await page.getByRole("button", { name: "Cancel webinar…" }).click();
    const dialog = page.getByRole("dialog", { name: "Cancel webinar" });
    await dialog.getByText("1 registered person is notified").waitFor();
    await dialog.getByLabel(/Reason/).fill("The host is ill; we will reschedule");
    await dialog.getByRole("button", { name: "Cancel webinar" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByTestId("webinar-status").filter({ hasText: "Cancelled" }).waitFor();
    await page.getByTestId("webinar-cancel-reason").filter({ hasText: "The host is ill" }).waitFor();
    expect(await page.getByRole("button", { name: "Cancel webinar…" }).isDisabled()).toBe(true);
    await screenshot(page, "webinar-cancelled");
    const seen = await t.ok(`query($id: ID!) { webinar(id: $id) { status cancelReason } }`, { id: w.id }, mentee.token);
    expect(seen.webinar).toEqual({ status: "CANCELLED", cancelReason: "The host is ill; we will reschedule" });
    // The list shows it cancelled, with the reason.
    await page.getByRole("link", { name: "← Webinars" }).click();
    await row.getByText("The host is ill; we will reschedule").waitFor();
    await noSideScroll(page, t.url, ["/webinars", `/webinars/${w.id}`]);
    await page.close();

    // A mentor may cancel only their own webinars: no navigation entry, and the route is guarded.
    const hostPage = await browser.page();
    await logIn(hostPage, t.url, host.email, PASSWORD, "/webinars");
    await hostPage.getByRole("heading", { name: "Not available" }).waitFor();
    expect(await hostPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Webinars" }).count()).toBe(0);
    await hostPage.close();
  });

  it("support sees a mentor's late records and fee changes with their reason from the person page", async () => {
    const support = await t.user("SUPPORT");
    const mentor = await t.user("MENTOR", { displayName: "Leo Late" });
    const mentee = await t.user("MENTEE", { displayName: "Pat Patient" });
    const s = await endedSession(t, mentor.id, mentee.id, new Date("2026-02-20T11:00:00Z"));
    // Fixture rows as the tardiness rule writes them (the rule itself: tests/api/sessions-live.test.ts).
    await t.db.lateRecord.create({ data: { sessionId: s.id, mentorId: mentor.id, lateMinutes: 12, penaltyBps: 500, recordedAt: new Date("2026-02-20T10:12:00Z") } });
    await t.db.feeMultiplierChange.create({
      data: {
        mentorId: mentor.id, fromBps: 10000, toBps: 9500, rule: "LATE_PENALTY", sessionIds: [s.id], policyVersion: 1,
        reason: "Joined 12 min after the start (grace 5 min): -5.00% for 90 days", createdAt: new Date("2026-02-20T10:12:00Z"),
      },
    });
    await t.db.mentorProfile.update({ where: { userId: mentor.id }, data: { feeMultiplierBps: 9500 } });

    const page = await browser.page();
    await logIn(page, t.url, support.email, PASSWORD, `/users/${mentor.id}`);
    await page.getByRole("heading", { name: "Leo Late" }).waitFor();
    await page.getByRole("link", { name: "Lateness and fee history of Leo Late" }).click();
    await page.getByRole("heading", { name: "Lateness and fees: Leo Late" }).waitFor();
    await page.getByTestId("fee-multiplier").filter({ hasText: "0.95×" }).waitFor();
    const change = page.getByTestId("fee-change");
    await change.getByText("Late start penalty").waitFor();
    await change.getByTestId("fee-reason").filter({ hasText: "Joined 12 min after the start" }).waitFor();
    await change.getByText("1.00× → 0.95×").waitFor();
    const late = page.getByTestId("late-record");
    await late.getByText("12 min").waitFor();
    await late.getByText("still counts").waitFor();
    // The session is a link named by its time (with the zone) and the mentee.
    const sessionLink = late.getByRole("link", { name: /with Pat Patient/ });
    expect(await sessionLink.getAttribute("href")).toBe(`/sessions/${s.id}`);
    expect(await sessionLink.textContent()).toMatch(/UTC|GMT/);
    await screenshot(page, "mentor-fees");
    await noSideScroll(page, t.url, [`/users/${mentor.id}/fees`]);
    await screenshot(page, "phone-mentor-fees");
    await page.close();
  });
});
