// Account deletion (privacy): the person's ticket messages and ticket subjects are replaced by the
// placeholder; tickets are never held as evidence.
import type { DbTx } from "../../lib/db.js";
import { onEvent } from "../../lib/events.js";

async function scrubTickets(tx: DbTx, userId: string, text: string): Promise<number> {
  const t = await tx.supportTicketMessage.updateMany({ where: { authorId: userId, NOT: { body: text } }, data: { body: text } });
  await tx.supportTicket.updateMany({ where: { requesterId: userId, NOT: { subject: text } }, data: { subject: text } });
  return t.count;
}

onEvent("privacy.accountDeleted", async (c, e) => {
  e.summary.ticketsScrubbed = await scrubTickets(c.tx, e.userId, e.scrubbedText);
});

onEvent("privacy.releasedContentScrub", async (c, e) => {
  e.counts.tickets = await scrubTickets(c.tx, e.userId, e.scrubbedText);
});
