// The support agent's day in real Chromium: answer and close a ticket, resolve a contested
// hang-up partial refund through its dispute, moderate a forum post, decide an appeal, and
// confirm a refund from its summary.
import { describe, expect, it } from "vitest";
import { PASSWORD, type TestApp } from "../helpers/app.js";
import { logIn, screenshot, type BrowserHandle } from "../helpers/browser.js";
import { useConsoleApp } from "../helpers/console-fixture.js";
import { CONTEST_PARTIAL, REQUEST_PARTIAL, newKey } from "../helpers/money.js";
import { ISSUE } from "../helpers/safety.js";
import { JOIN, at, book, mentorWithHours } from "../helpers/sessions.js";

// Multi-step flows in a real browser on a shared 2-core machine: allow more than the default minute.
/** A start on the booking grid (slots are whole steps from the hour), `minutes` or more from `from`. */
const onTheHour = (from: Date, minutes: number) => {
  const d = at(from, minutes + 59);
  d.setUTCMinutes(0, 0, 0);
  return d;
};

describe("console: support work", { timeout: 180_000 }, () => {
  let t: TestApp;
  let browser: BrowserHandle;
  useConsoleApp({}, (env) => {
    ({ t, browser } = env);
  });

  /** A booked (and charged) session starting three hours from the test clock. */
  async function bookedSession(minutes = 60) {
    const mentor = await mentorWithHours(t);
    const mentee = await t.user("MENTEE");
    const s = await book(t, mentee, mentor, onTheHour(t.clock.now(), 180), minutes);
    return { mentor, mentee, s, start: new Date(s.startsAt) };
  }

  it("answer a ticket", async () => {
    const support = await t.user("SUPPORT", { displayName: "Sue Support" });
    const asker = await t.user("MENTEE", { displayName: "Tina Asker" });
    const opened = await t.ok(`mutation($i: OpenSupportTicketInput!) { openSupportTicket(input: $i) { id } }`, { i: { subject: "Cannot find my invoice", body: "Where is the invoice for last week's session?" } }, asker.token);
    const id = opened.openSupportTicket.id as string;

    const page = await browser.page();
    await logIn(page, t.url, support.email, PASSWORD);
    // The overview's ticket tile leads to the queue, which lists tickets waiting for support.
    await page.locator('[data-testid="work-queue"][data-queue="TICKETS"]').getByRole("link", { name: "Support tickets" }).click();
    const row = page.locator(`[data-testid="ticket-row"][data-ticket-id="${id}"]`);
    await row.getByText("Waiting for support").waitFor();
    await screenshot(page, "support-tickets");
    await row.getByRole("link", { name: "Cannot find my invoice" }).click();
    await page.getByRole("heading", { name: "Cannot find my invoice" }).waitFor();
    await page.getByTestId("ticket-thread").getByText("Where is the invoice for last week's session?").waitFor();

    const answer = page.getByTestId("ticket-answer");
    const send = answer.getByRole("button", { name: "Send answer" });
    expect(await send.isDisabled()).toBe(true);
    expect(await send.getAttribute("title")).toBe("Write the answer first");
    await answer.getByLabel(/Answer/).fill("Invoices are under Account → Payments; I attached last week's there.");
    await send.click();
    await page.getByTestId("ticket-status").filter({ hasText: "Answered, waiting for the asker" }).waitFor();
    await page.getByTestId("ticket-message").filter({ hasText: "Invoices are under Account" }).waitFor();
    // The first agent to answer takes the ticket.
    await page.getByTestId("ticket-assignee").filter({ hasText: "Sue Support" }).waitFor();

    await page.getByRole("button", { name: "Close ticket…" }).click();
    const dialog = page.getByRole("dialog", { name: "Close ticket" });
    await dialog.getByLabel(/Reason/).fill("Answered; invoice located");
    await dialog.getByRole("button", { name: "Close ticket" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByTestId("ticket-closed").filter({ hasText: "Answered; invoice located" }).waitFor();
    await screenshot(page, "support-ticket-closed");
    // A closed ticket takes no answer, and the button says why.
    expect(await send.isDisabled()).toBe(true);
    expect(await send.getAttribute("title")).toMatch(/closed ticket/);

    const asSeen = await t.ok(`query($id: ID!) { supportTicket(id: $id) { status closeReason messages { body fromStaff } } }`, { id }, asker.token);
    expect(asSeen.supportTicket).toMatchObject({ status: "CLOSED", closeReason: "Answered; invoice located" });
    expect(asSeen.supportTicket.messages.map((m: { fromStaff: boolean }) => m.fromStaff)).toEqual([false, true]);
    await page.close();
  });

  it("resolve a hang-up partial-refund request", async () => {
    const { mentor, mentee, s, start } = await bookedSession(60);
    // How a hang-up ends a session is the sessions module's business (tested there); this test
    // starts from its outcome: the mentor ended it 40 of 60 minutes early.
    const endedAt = at(start, 20);
    await t.db.session.update({ where: { id: s.id }, data: { state: "ENDED", endedBy: "MENTOR", endedAt, unlapsedMinutes: 40 } });
    t.clock.set(at(endedAt, 5));
    const req = (await t.ok(REQUEST_PARTIAL, { i: { sessionId: s.id, reason: "The mentor left after 20 minutes", idempotencyKey: newKey() } }, mentee.token)).requestPartialRefund;
    const contested = (await t.ok(CONTEST_PARTIAL, { i: { requestId: req.id, reason: "The mentee asked to stop early" } }, mentor.token)).contestPartialRefund;
    expect(contested.status).toBe("CONTESTED");

    const support = await t.user("SUPPORT");
    const page = await browser.page();
    await logIn(page, t.url, support.email, PASSWORD);
    await page.locator('[data-testid="work-queue"][data-queue="PARTIAL_REFUNDS"]').getByRole("link").click();
    const card = page.locator(`[data-testid="partial-refund"][data-request-id="${req.id}"]`);
    await card.getByText("Contested: decide in the dispute").waitFor();
    // Amount and contest deadline are shown with the claim and the contest reason.
    expect(await card.getByTestId("partial-refund-amount").textContent()).toBe(`${(req.amount.amountMinor / 100).toFixed(2)} ${req.amount.currency}`);
    expect(await card.getByTestId("partial-refund-deadline").textContent()).toMatch(/contest deadline .*\d{4}/);
    await card.getByText("The mentee asked to stop early").waitFor();
    await screenshot(page, "partial-refunds");

    await card.getByRole("link", { name: "Resolve in the dispute" }).click();
    await page.waitForURL(`**/disputes/${contested.disputeId}`);
    await page.getByTestId("dispute-partial-refund").waitFor();
    await page.getByRole("button", { name: "Resolve…" }).click();
    const dialog = page.getByRole("dialog", { name: "Resolve dispute" });
    await dialog.getByLabel("Partial refund").check();
    await dialog.getByLabel(/Amount to refund/).fill((req.amount.amountMinor / 100).toFixed(2));
    await dialog.getByLabel(/Reason/).fill("The call log shows the mentor left early");
    await dialog.getByRole("button", { name: "Resolve" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByTestId("dispute-resolution").waitFor();

    // Back in the queue the request no longer awaits review; it is listed as closed.
    await page.goto(`${t.url}/refunds/partial`);
    await page.getByText("No partial-refund requests here.").waitFor();
    await page.getByLabel("Show").selectOption({ label: "Closed" });
    await card.getByText("Closed", { exact: true }).waitFor();
    const refunds = await t.db.refund.findMany({ where: { sessionId: s.id } });
    expect(refunds.map((r) => [r.kind, r.amountMinor])).toEqual([["DISPUTE", req.amount.amountMinor]]);
    expect((await t.db.partialRefundRequest.findUniqueOrThrow({ where: { id: req.id } })).status).toBe("CLOSED");
    await page.close();
  });

  it("moderate a forum post", async () => {
    const support = await t.user("SUPPORT");
    const author = await t.user("MENTEE", { displayName: "Opal Poster" });
    const replier = await t.user("MENTOR", { displayName: "Rex Replier" });
    const cat = (await t.ok(`mutation { createForumCategory(input: { name: "Getting started" }) { id } }`, {}, support.token)).createForumCategory;
    const thread = (await t.ok(`mutation($i: StartForumThreadInput!) { startForumThread(input: $i) { id } }`, { i: { categoryId: cat.id, title: "First steps with mentoring", body: "How do I pick a mentor?" } }, author.token)).startForumThread;
    const post = (await t.ok(`mutation($i: PostToForumThreadInput!) { postToForumThread(input: $i) { id } }`, { i: { threadId: thread.id, body: "DM me on another site for cheap sessions" } }, replier.token)).postToForumThread;

    const page = await browser.page();
    await logIn(page, t.url, support.email, PASSWORD);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Forum moderation" }).click();
    await page.locator(`[data-testid="forum-thread-row"][data-thread-id="${thread.id}"]`).getByRole("link", { name: "First steps with mentoring" }).click();
    const card = page.locator(`[data-testid="forum-post"][data-post-id="${post.id}"]`);
    await card.getByText("DM me on another site").waitFor();
    await card.getByRole("button", { name: "Hide post…" }).click();
    const dialog = page.getByRole("dialog", { name: "Hide post" });
    await dialog.getByText(/Members will no longer see it/).waitFor();
    await dialog.getByLabel(/Reason/).fill("Moves payment off the platform");
    await dialog.getByRole("button", { name: "Hide post" }).click();
    await dialog.waitFor({ state: "detached" });
    await card.getByTestId("post-hidden-reason").filter({ hasText: "Moves payment off the platform" }).waitFor();
    expect(await card.getByRole("button", { name: "Restore post…" }).count()).toBe(1);

    await page.getByTestId("thread-actions").getByRole("button", { name: "Lock thread…" }).click();
    const lock = page.getByRole("dialog", { name: "Lock thread" });
    await lock.getByLabel(/Reason/).fill("Off-platform offers keep coming");
    await lock.getByRole("button", { name: "Lock thread" }).click();
    await lock.waitFor({ state: "detached" });
    await page.getByTestId("thread-state").getByText("Locked").waitFor();
    await screenshot(page, "forum-thread-moderated");

    // Members no longer see the post, and cannot reply in the locked thread.
    const seen = await t.ok(`query($id: ID!) { forumThread(id: $id) { locked posts(first: 10) { edges { node { id } } } } }`, { id: thread.id }, author.token);
    expect(seen.forumThread.locked).toBe(true);
    expect(seen.forumThread.posts.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(post.id);
    await page.close();
  });

  it("decide an appeal", async () => {
    const support = await t.user("SUPPORT");
    const mentee = await t.user("MENTEE", { displayName: "Abe Appealer" });
    const warning = (await t.ok(ISSUE, { i: { userId: mentee.id, kind: "WARNING", category: "RUDENESS", reason: "Rude reply in chat", idempotencyKey: newKey() } }, support.token)).issueEnforcement;
    const appeal = (await t.ok(`mutation($i: FileAppealInput!) { fileAppeal(input: $i) { id } }`, { i: { enforcementId: warning.id, statement: "I was quoting the other person, not insulting them." } }, mentee.token)).fileAppeal;

    const page = await browser.page();
    await logIn(page, t.url, support.email, PASSWORD);
    await page.locator('[data-testid="work-queue"][data-queue="APPEALS"]').getByRole("link").click();
    const card = page.getByTestId("appeal").filter({ hasText: "I was quoting the other person" });
    await card.getByRole("link", { name: "Abe Appealer" }).waitFor();
    await screenshot(page, "appeals-pending");
    await card.getByRole("button", { name: "Approve (overturn)…" }).click();
    const dialog = page.getByRole("dialog", { name: "Approve the appeal of Abe Appealer" });
    const submit = dialog.getByRole("button", { name: "Approve and overturn" });
    expect(await submit.isDisabled()).toBe(true);
    await dialog.getByLabel(/Reason/).fill("The chat log shows a quotation");
    await submit.click();
    await dialog.waitFor({ state: "detached" });
    await card.waitFor({ state: "detached" }); // no longer pending

    await page.getByLabel("Status").selectOption("APPROVED");
    await page.getByTestId("appeal").filter({ hasText: "The chat log shows a quotation" }).waitFor();
    const decided = await t.db.appeal.findUniqueOrThrow({ where: { id: appeal.id } });
    expect(decided.status).toBe("APPROVED");
    expect((await t.db.enforcement.findUniqueOrThrow({ where: { id: warning.id } })).overturnedAt).not.toBeNull();
    await page.close();
  });

  it("a refund of everything shows a summary, warns that the session is live, and issues only when confirmed", async () => {
    const { mentor, mentee, s, start } = await bookedSession(60);
    t.clock.set(start);
    await t.ok(JOIN, { id: s.id }, mentor.token);
    await t.ok(JOIN, { id: s.id }, mentee.token);
    const admin = await t.user("ADMIN");
    const page = await browser.page();
    await logIn(page, t.url, admin.email, PASSWORD, `/refunds?session=${s.id}`);
    await page.getByRole("button", { name: "Issue refund…" }).click();
    const form = page.getByRole("dialog", { name: "Issue a refund" });
    // The amount stays empty: everything still refundable.
    await form.getByLabel(/Reason/).fill("Mentor asked us to refund in full");
    await form.getByRole("button", { name: "Review refund…" }).click();

    const confirm = page.getByRole("dialog", { name: "Confirm the refund" });
    const price = `${(s.priceMinor / 100).toFixed(2)}`;
    expect(await confirm.getByTestId("refund-summary-amount").textContent()).toMatch(new RegExp(`${price} .*everything still refundable`));
    await confirm.getByTestId("refund-live-warning").waitFor();
    expect(await confirm.getByTestId("refund-summary-parties").textContent()).toMatch(/back to .* \(who paid\), from what .* was paid/);
    await screenshot(page, "refund-confirm-live");
    // Nothing was issued by reviewing.
    expect(await t.db.refund.count({ where: { sessionId: s.id } })).toBe(0);

    // Back keeps the form; confirming issues the full refund once.
    await confirm.getByRole("button", { name: "Back" }).click();
    await form.getByRole("button", { name: "Review refund…" }).click();
    await confirm.getByRole("button", { name: new RegExp(`Confirm refund of ${price.replace(".", "\\.")}`) }).dblclick();
    await confirm.waitFor({ state: "detached" });
    await page.getByTestId("charge").getByTestId("refund-row").filter({ hasText: "Mentor asked us to refund in full" }).waitFor();
    const refunds = await t.db.refund.findMany({ where: { sessionId: s.id } });
    expect(refunds.map((r) => r.amountMinor)).toEqual([s.priceMinor]);
    await page.close();
  });
});
