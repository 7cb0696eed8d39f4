// Account deletion (privacy): the person's chat messages and forum posts are replaced by the
// placeholder (the rows stay so threads keep their shape). Rows held as evidence stay until that
// closes: a message an open report points at, and the chat between the parties of an open
// dispute. The privacy scrub job asks again later (`privacy.releasedContentScrub`).
import type { DbTx } from "../../lib/db.js";
import { onEvent } from "../../lib/events.js";

async function scrubAuthored(tx: DbTx, userId: string, text: string): Promise<{ chat: number; forum: number; held: number }> {
  const notYet = { authorId: userId, NOT: { body: text } };
  const [chat, forum] = await Promise.all([
    tx.chatMessage.findMany({ where: notYet, select: { id: true, mentorship: { select: { mentorId: true, menteeId: true } } } }),
    tx.forumPost.findMany({ where: notYet, select: { id: true } }),
  ]);
  const reported = new Set(
    (await tx.report.findMany({ where: { status: "OPEN", messageId: { in: [...chat.map((m) => m.id), ...forum.map((f) => f.id)] } }, select: { messageId: true } })).map((r) => r.messageId),
  );
  const disputes = await tx.dispute.findMany({ where: { status: { in: ["OPEN", "IN_REVIEW"] }, OR: [{ mentorId: userId }, { menteeId: userId }] }, select: { mentorId: true, menteeId: true } });
  const disputed = (m: { mentorId: string; menteeId: string }) => disputes.some((d) => d.mentorId === m.mentorId && d.menteeId === m.menteeId);
  const chatIds = chat.filter((m) => !reported.has(m.id) && !disputed(m.mentorship)).map((m) => m.id);
  const forumIds = forum.filter((f) => !reported.has(f.id)).map((f) => f.id);
  const [c, f] = await Promise.all([
    tx.chatMessage.updateMany({ where: { id: { in: chatIds } }, data: { body: text } }),
    tx.forumPost.updateMany({ where: { id: { in: forumIds } }, data: { body: text } }),
  ]);
  return { chat: c.count, forum: f.count, held: chat.length - chatIds.length + forum.length - forumIds.length };
}

onEvent("privacy.accountDeleted", async (c, e) => {
  const r = await scrubAuthored(c.tx, e.userId, e.scrubbedText);
  e.summary.chatScrubbed = r.chat;
  e.summary.forumScrubbed = r.forum;
  e.summary.heldScrubbed = r.held;
});

onEvent("privacy.releasedContentScrub", async (c, e) => {
  Object.assign(e.counts, await scrubAuthored(c.tx, e.userId, e.scrubbedText));
});
