// Account deletion (privacy): the person's open mentorships end and their open agreement
// proposals are withdrawn. Accepted agreement versions stay (immutable contracts).
import { onEvent } from "../../lib/events.js";

onEvent("privacy.accountDeleted", async (c, e) => {
  const { tx, now } = c;
  const open = await tx.mentorship.findMany({ where: { OR: [{ mentorId: e.userId }, { menteeId: e.userId }], status: { in: ["PENDING", "ACTIVE"] } }, select: { id: true } });
  const ids = open.map((m) => m.id);
  e.summary.mentorshipsEnded = (await tx.mentorship.updateMany({ where: { id: { in: ids } }, data: { status: "ENDED", endedAt: now, endReason: "account deleted" } })).count;
  await tx.mentorshipAgreement.updateMany({ where: { mentorshipId: { in: ids }, status: "PROPOSED" }, data: { status: "WITHDRAWN", closedAt: now, closeReason: "account deleted" } });
});
