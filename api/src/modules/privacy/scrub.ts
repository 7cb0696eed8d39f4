// Account deletion scrubs what the person wrote: chat messages, forum posts and support ticket
// texts are replaced by a placeholder (the rows stay so threads keep their shape). Rows held as
// evidence stay until that closes: a message an open report points at, and the chat between the
// parties of an open dispute. The scrub job runs the same pass again and scrubs them then.
import type { Db, DbTx } from "../../lib/db.js";
import type { Job } from "../../jobs/runner.js";

export const SCRUBBED_TEXT = "[removed: the author deleted their account]";

export async function scrubDeletedUserContent(tx: DbTx, userId: string): Promise<{ chat: number; forum: number; tickets: number; held: number }> {
  const notYet = { authorId: userId, NOT: { body: SCRUBBED_TEXT } };
  const [chat, forum] = await Promise.all([
    tx.chatMessage.findMany({ where: notYet, select: { id: true, mentorship: { select: { mentorId: true, menteeId: true } } } }),
    tx.forumPost.findMany({ where: notYet, select: { id: true } }),
  ]);
  const reported = new Set(
    (await tx.report.findMany({ where: { status: "OPEN", messageId: { in: [...chat.map((c) => c.id), ...forum.map((f) => f.id)] } }, select: { messageId: true } })).map((r) => r.messageId),
  );
  const disputes = await tx.dispute.findMany({ where: { status: { in: ["OPEN", "IN_REVIEW"] }, OR: [{ mentorId: userId }, { menteeId: userId }] }, select: { mentorId: true, menteeId: true } });
  const disputed = (m: { mentorId: string; menteeId: string }) => disputes.some((d) => d.mentorId === m.mentorId && d.menteeId === m.menteeId);
  const chatIds = chat.filter((c) => !reported.has(c.id) && !disputed(c.mentorship)).map((c) => c.id);
  const forumIds = forum.filter((f) => !reported.has(f.id)).map((f) => f.id);
  const [c, f, t] = await Promise.all([
    tx.chatMessage.updateMany({ where: { id: { in: chatIds } }, data: { body: SCRUBBED_TEXT } }),
    tx.forumPost.updateMany({ where: { id: { in: forumIds } }, data: { body: SCRUBBED_TEXT } }),
    tx.supportTicketMessage.updateMany({ where: notYet, data: { body: SCRUBBED_TEXT } }),
  ]);
  await tx.supportTicket.updateMany({ where: { requesterId: userId, NOT: { subject: SCRUBBED_TEXT } }, data: { subject: SCRUBBED_TEXT } });
  return { chat: c.count, forum: f.count, tickets: t.count, held: chat.length - chatIds.length + forum.length - forumIds.length };
}

/** Held rows of deleted accounts are scrubbed once their report or dispute has closed. */
export const scrubReleasedContentJob: Job = {
  name: "privacy.scrubReleased",
  async run({ db }: { db: Db }) {
    const deleted = await db.accountDeletionRequest.findMany({ distinct: ["userId"], select: { userId: true }, take: 500, orderBy: { requestedAt: "desc" } });
    let n = 0;
    for (const { userId } of deleted) {
      const r = await db.$transaction((tx) => scrubDeletedUserContent(tx, userId));
      n += r.chat + r.forum + r.tickets;
    }
    return n;
  },
};
