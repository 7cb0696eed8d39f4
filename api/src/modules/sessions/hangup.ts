// A mentor leaving a live call (seed 000, "Hanging up"). Ending early is solely the mentee's
// prerogative, so the mentor leaving does not end the call: it is recorded as a hang-up and the
// session stays LIVE for the mentee. It ends when the mentee ends it, at the stipulated end, or
// when the mentor has not rejoined within the policy window; in each of these cases a mentor who
// left and never came back hung up, and the mentee may claim the unlapsed minutes.
import type { Db, DbTx } from "../../lib/db.js";
import type { PubSub } from "../../lib/pubsub.js";
import type { Actor } from "../../authz/viewer.js";
import type { Session } from "../../generated/prisma/client.js";
import { announceAudit } from "../audit/audit.service.js";
import { currentPolicy } from "../policy/policy.service.js";
import { announceSession } from "./sessions.service.js";
import { finishSession, unlapsedMinutes } from "./live.service.js";

const MINUTE = 60_000;

/**
 * When the mentor left without coming back: the time of the mentor's HANG_UP presence when it is
 * the mentor's latest presence (a later JOIN is a rejoin and cancels it); otherwise null.
 */
export async function pendingHangUp(tx: DbTx, sessionId: string): Promise<Date | null> {
  const last = await tx.sessionPresence.findFirst({
    where: { sessionId, party: "MENTOR", kind: { in: ["JOIN", "LEAVE", "HANG_UP"] } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { kind: true, at: true },
  });
  return last?.kind === "HANG_UP" ? last.at : null;
}

export async function rejoinDeadline(tx: DbTx, leftAt: Date): Promise<Date> {
  const { values } = await currentPolicy(tx);
  return new Date(leftAt.getTime() + values.scheduling.mentorRejoinWindowMinutes * MINUTE);
}

export const HANG_UP_REASON = "The mentor left before the stipulated end and did not rejoin; the mentee may claim a partial refund for the unlapsed minutes";

/** Ends `s` as the mentor's hang-up at the time the mentor left (presence already recorded). */
export function endAsHangUp(tx: DbTx, s: Session, leftAt: Date, actor: Actor | null, requestId?: string) {
  return finishSession(tx, s, {
    endedBy: "MENTOR",
    kind: "HANG_UP",
    at: leftAt,
    actor,
    userId: s.mentorId,
    source: "SYSTEM",
    unlapsedMinutes: unlapsedMinutes(s, leftAt),
    reason: HANG_UP_REASON,
    requestId,
    presenceRecorded: true,
  });
}

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
