// Ends the live sessions a mentor left and did not rejoin within the policy window (hangup.ts).
import type { Db } from "../../lib/db.js";
import type { PubSub } from "../../lib/pubsub.js";
import type { Actor } from "../../authz/viewer.js";
import type { Session } from "../../generated/prisma/client.js";
import { announceAudit } from "../audit/index.js";
import { currentPolicy } from "../policy/index.js";
import { announceSession } from "./sessions.service.js";
import { endAsHangUp } from "./live.service.js";
import { pendingHangUp } from "./hangup.js";

const MINUTE = 60_000;

/**
 * Ends every live session whose mentor left and has not rejoined within the policy window.
 * Rows are claimed FOR UPDATE SKIP LOCKED and ended with a conditional update, so several
 * processes end each session once.
 */
export async function endAbandonedSessions(db: Db, pubsub: PubSub, now: Date, actor: Actor): Promise<number> {
  const { values } = await currentPolicy(db);
  const cutoff = new Date(now.getTime() - values.scheduling.mentorRejoinWindowMinutes * MINUTE);
  const done = await db.$transaction(async (tx) => {
    const candidates = await tx.$queryRaw<{ id: string }[]>`
      SELECT s.id FROM "Session" s
      WHERE s.state = 'LIVE' AND EXISTS (
        SELECT 1 FROM "SessionPresence" p WHERE p."sessionId" = s.id AND p.party = 'MENTOR' AND p.kind = 'HANG_UP' AND p.at <= ${cutoff})
      ORDER BY s."startsAt" LIMIT 200 FOR UPDATE OF s SKIP LOCKED`;
    const out: { session: Session; auditId: { id: string } }[] = [];
    for (const { id } of candidates) {
      const leftAt = await pendingHangUp(tx, id);
      if (!leftAt || leftAt > cutoff) continue;
      const s = await tx.session.findUniqueOrThrow({ where: { id } });
      const r = await endAsHangUp(tx, s, leftAt, actor);
      if (r) out.push(r);
    }
    return out;
  });
  for (const r of done) announceSession(pubsub, r.session);
  announceAudit(pubsub, done.map((r) => r.auditId));
  return done.length;
}
