// Account deletion scrubs the person's chat messages, forum posts and ticket texts (placeholder),
// except rows held for an open report or dispute, which are scrubbed when that closes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, PASSWORD, type TestApp } from "../helpers/app.js";
import { activeMentorship } from "../helpers/mentorships.js";
import { REVIEW } from "../helpers/safety.js";
import { SCRUBBED_TEXT, scrubReleasedContentJob } from "../../api/src/modules/privacy/scrub.js";
import { logger } from "../../api/src/lib/logger.js";

const DELETE = `mutation($i: RequestAccountDeletionInput!) { requestAccountDeletion(input: $i) { id summary } }`;
const SEND = `mutation($m: ID!, $b: String!) { sendChatMessage(input: { mentorshipId: $m, body: $b }) { id } }`;
const FILE = `mutation($i: FileReportInput!) { fileReport(input: $i) { id } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T09:00:00Z" });
});
afterAll(() => t?.close());

describe("deletion scrubs what the person wrote", () => {
  it("chat, forum and ticket texts get the placeholder; a reported message waits for its report", async () => {
    const { mentor, mentee, mentorshipId } = await activeMentorship(t);
    const plain = (await t.ok(SEND, { m: mentorshipId, b: "my phone number is 555-0100" }, mentee.token)).sendChatMessage;
    const reported = (await t.ok(SEND, { m: mentorshipId, b: "an insulting message" }, mentee.token)).sendChatMessage;
    const mine = (await t.ok(SEND, { m: mentorshipId, b: "the mentor's own words" }, mentor.token)).sendChatMessage;
    const r = (await t.ok(FILE, { i: { subjectId: mentee.id, category: "RUDENESS", description: "see the message", messageId: reported.id } }, mentor.token)).fileReport;
    const cat = await t.db.forumCategory.create({ data: { name: `Scrub ${Date.now()}`, createdAt: t.clock.now() } });
    const thread = await t.db.forumThread.create({ data: { categoryId: cat.id, authorId: mentee.id, title: "hello", createdAt: t.clock.now(), lastPostAt: t.clock.now() } });
    const post = await t.db.forumPost.create({ data: { threadId: thread.id, authorId: mentee.id, body: "I live at 1 Main Street", createdAt: t.clock.now() } });
    const ticket = await t.db.supportTicket.create({
      data: { requesterId: mentee.id, subject: "My card ending 4242", createdAt: t.clock.now(), updatedAt: t.clock.now(), messages: { create: { authorId: mentee.id, fromStaff: false, body: "please refund card 4242", createdAt: t.clock.now() } } },
      include: { messages: true },
    });
    await t.ok(`mutation($m: ID!) { endMentorship(input: { mentorshipId: $m, reason: "done" }) { id } }`, { m: mentorshipId }, mentee.token);
    const res = (await t.ok(DELETE, { i: { password: PASSWORD, reason: "leaving" } }, mentee.token)).requestAccountDeletion;
    expect(res.summary).toMatchObject({ chatScrubbed: 1, forumScrubbed: 1, ticketsScrubbed: 1, heldScrubbed: 1 });
    const body = async (id: string) => (await t.db.chatMessage.findUniqueOrThrow({ where: { id } })).body;
    expect(await body(plain.id)).toBe(SCRUBBED_TEXT);
    expect(await body(reported.id)).toBe("an insulting message"); // evidence for the open report
    expect(await body(mine.id)).toBe("the mentor's own words");
    expect((await t.db.forumPost.findUniqueOrThrow({ where: { id: post.id } })).body).toBe(SCRUBBED_TEXT);
    expect((await t.db.supportTicketMessage.findUniqueOrThrow({ where: { id: ticket.messages[0].id } })).body).toBe(SCRUBBED_TEXT);
    expect((await t.db.supportTicket.findUniqueOrThrow({ where: { id: ticket.id } })).subject).toBe(SCRUBBED_TEXT);
    // the job leaves it while the report is open, and scrubs it once the report is closed
    const deps = { db: t.db, pubsub: t.app.pubsub, clock: t.clock, logger };
    await scrubReleasedContentJob.run(deps);
    expect(await body(reported.id)).toBe("an insulting message");
    const support = await t.user("SUPPORT");
    await t.ok(REVIEW, { i: { reportId: r.id, decision: "DISMISS", reason: "not rude" } }, support.token);
    await scrubReleasedContentJob.run(deps);
    expect(await body(reported.id)).toBe(SCRUBBED_TEXT);
  });
});
