// A banned mentor's future bookings are cancelled and fully refunded (issue 5, effect of a ban).
// Sessions' `cancelSession` runs its own transaction and checks the caller's ability, so it cannot
// be part of the one transactional enforcement: this writes the same cancellation as a staff
// cancellation there (state CANCELLED, cancelledBy STAFF, refundPercent 100, refundDueMinor = the
// amount charged) and pays it through the money module's `refundInFull` in the same transaction.
import type { DbTx } from "../../lib/db.js";
import type { Actor } from "../../authz/viewer.js";
import { recordAudit } from "../audit/index.js";
import { enqueueNotices } from "../notifications/index.js";
import { getPlatform, capitalise } from "../platform/index.js";
import { announceSession } from "../sessions/index.js";
import { refundInFull } from "../money/index.js";
import type { Effects } from "./enforcement.service.js";

export interface BanContext {
  mentorId: string;
  now: Date;
  enforcementId: string;
  actor: Actor | null;
  requestId?: string;
}

export async function cancelFutureBookingsOfBannedMentor(tx: DbTx, ctx: BanContext, fx: Effects): Promise<{ cancelled: number; refundedMinor: number }> {
  const sessions = await tx.session.findMany({
    where: { mentorId: ctx.mentorId, state: "SCHEDULED", startsAt: { gt: ctx.now } },
    select: { id: true, menteeId: true, priceMinor: true, currency: true, startsAt: true },
  });
  if (!sessions.length) return { cancelled: 0, refundedMinor: 0 };
  const charges = await tx.charge.findMany({ where: { sessionId: { in: sessions.map((s) => s.id) } }, select: { sessionId: true, amountMinor: true } });
  const paid = new Map(charges.map((c) => [c.sessionId, c.amountMinor]));
  const terms = await getPlatform(tx);
  let refunded = 0;
  for (const s of sessions) {
    const refundDueMinor = paid.get(s.id) ?? 0;
    // Conditional: a session that changed state meanwhile is left alone.
    const res = await tx.session.updateMany({
      where: { id: s.id, state: "SCHEDULED" },
      data: {
        state: "CANCELLED",
        cancelledAt: ctx.now,
        cancelledBy: "STAFF",
        cancelledById: ctx.actor?.kind === "USER" ? ctx.actor.id : null,
        cancelReason: `${capitalise(terms.mentorLabel)} banned by Trust & Safety (enforcement ${ctx.enforcementId})`,
        refundPercent: 100,
        refundDueMinor,
      },
    });
    if (!res.count) continue;
    // The money module's ledger pays the refund inside this same transaction (issue 4).
    const refund = await refundInFull(tx, s.id, `${capitalise(terms.mentorLabel)} banned by Trust & Safety`, ctx.actor, ctx.now, ctx.requestId);
    if (refund) {
      fx.audits.push(refund.auditId);
      fx.notices.push(...refund.notices);
    }
    refunded += refund?.refund.amountMinor ?? 0;
    fx.after.push((pubsub) => announceSession(pubsub, { id: s.id, mentorId: ctx.mentorId, menteeId: s.menteeId }));
    fx.audits.push(
      await recordAudit(
        tx,
        ctx.actor,
        { action: "session.cancelByBan", subjectType: "Session", subjectId: s.id, after: { state: "CANCELLED", refundPercent: 100, refundDueMinor, enforcementId: ctx.enforcementId } },
        ctx.requestId,
      ),
    );
    fx.notices.push(
      ...(await enqueueNotices(
        tx,
        [
          {
            userId: s.menteeId,
            kind: "session.cancelled",
            subject: `Your ${terms.sessionLabel} on ${s.startsAt.toISOString().slice(0, 16).replace("T", " ")} UTC was cancelled`,
            body: `Your ${terms.mentorLabel} can no longer take ${terms.sessionLabel}s on ${terms.platformName}. The ${terms.sessionLabel} is cancelled and you receive a full refund of ${(refundDueMinor / 100).toFixed(2)} ${s.currency}.`,
            payload: { sessionId: s.id, refundDueMinor, currency: s.currency },
            dedupeKey: `session:${s.id}:cancelByBan`,
          },
        ],
        ctx.now,
      )),
    );
  }
  return { cancelled: sessions.length, refundedMinor: refunded };
}
