// A temporary ban takes effect on bookings (seeds 000, 003): an account suspension (thresholds or
// the ladder) cancels every booking of the suspended user that starts before the suspension
// ends, refunds the mentee in full through the ledger and tells the other party why, in the
// platform's terms. Bookings after the end stay. A booking feature strike does the same for the
// bookings inside it when the policy says so (safety.bookingStrikeCancelsBookings).
// Sessions' `cancelSession` runs its own transaction and checks the caller's ability, so this
// writes the same cancellation as a staff cancellation inside the enforcement's transaction.
import type { DbTx } from "../../lib/db.js";
import type { Actor } from "../../authz/viewer.js";
import { recordAudit } from "../audit/index.js";
import { enqueueNotices } from "../notifications/index.js";
import { getPlatform, capitalise } from "../platform/index.js";
import { announceSession } from "../sessions/index.js";
import { refundInFull } from "../money/index.js";
import type { Effects } from "./enforcement.service.js";

export interface SuspensionContext {
  userId: string;
  now: Date;
  /** End of the suspension; null: no end (every future booking). */
  endsAt: Date | null;
  enforcementId: string;
  /** What took effect, for the reason: the account or its booking feature. */
  what: "ACCOUNT" | "BOOKING";
  actor: Actor | null;
  requestId?: string;
}

const when = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

export async function cancelBookingsInsideSuspension(tx: DbTx, ctx: SuspensionContext, fx: Effects): Promise<{ cancelled: number; refundedMinor: number; kept: number }> {
  const mine = { OR: [{ mentorId: ctx.userId }, { menteeId: ctx.userId }] };
  const sessions = await tx.session.findMany({
    // not yet over (an overdue row is the auto-end job's), starting before the suspension ends
    where: { ...mine, state: "SCHEDULED", endsAt: { gt: ctx.now }, ...(ctx.endsAt ? { startsAt: { lt: ctx.endsAt } } : {}) },
    select: { id: true, mentorId: true, menteeId: true, currency: true, startsAt: true },
  });
  const kept = ctx.endsAt ? await tx.session.count({ where: { ...mine, state: "SCHEDULED", startsAt: { gte: ctx.endsAt } } }) : 0;
  if (!sessions.length) return { cancelled: 0, refundedMinor: 0, kept };
  const terms = await getPlatform(tx);
  let cancelled = 0;
  let refunded = 0;
  for (const s of sessions) {
    const suspendedIsMentor = s.mentorId === ctx.userId;
    const whose = suspendedIsMentor ? terms.mentorLabel : terms.menteeLabel;
    const cause = ctx.what === "ACCOUNT" ? `${capitalise(whose)} suspended by Trust & Safety` : `${capitalise(whose)}'s ${terms.sessionLabel} bookings suspended by Trust & Safety`;
    const charge = await tx.charge.findUnique({ where: { sessionId: s.id }, select: { amountMinor: true } });
    const refundDueMinor = charge?.amountMinor ?? 0;
    // Conditional: a session that changed state meanwhile is left alone.
    const res = await tx.session.updateMany({
      where: { id: s.id, state: "SCHEDULED" },
      data: {
        state: "CANCELLED",
        cancelledAt: ctx.now,
        cancelledBy: "STAFF",
        cancelledById: ctx.actor?.kind === "USER" ? ctx.actor.id : null,
        cancelReason: `${cause} (enforcement ${ctx.enforcementId})`,
        refundPercent: 100,
        refundDueMinor,
      },
    });
    if (!res.count) continue;
    cancelled++;
    // The mentee is refunded in full through the ledger, whichever party was suspended.
    const refund = await refundInFull(tx, s.id, cause, ctx.actor, ctx.now, ctx.requestId);
    if (refund) {
      fx.audits.push(refund.auditId);
      fx.notices.push(...refund.notices);
      refunded += refund.refund.amountMinor;
    }
    fx.after.push((pubsub) => announceSession(pubsub, { id: s.id, mentorId: s.mentorId, menteeId: s.menteeId }));
    fx.audits.push(
      await recordAudit(
        tx,
        ctx.actor,
        { action: "session.cancelBySuspension", subjectType: "Session", subjectId: s.id, after: { state: "CANCELLED", refundPercent: 100, refundDueMinor, enforcementId: ctx.enforcementId, suspended: ctx.userId } },
        ctx.requestId,
      ),
    );
    const otherId = suspendedIsMentor ? s.menteeId : s.mentorId;
    const refundLine = suspendedIsMentor
      ? `You receive a full refund of ${(refundDueMinor / 100).toFixed(2)} ${s.currency}.`
      : `The ${terms.menteeLabel} is refunded in full.`;
    fx.notices.push(
      ...(await enqueueNotices(
        tx,
        [
          {
            userId: otherId,
            kind: "session.cancelled",
            subject: `Your ${terms.sessionLabel} on ${when(s.startsAt)} was cancelled`,
            body: `Your ${whose} is temporarily suspended on ${terms.platformName} and cannot take part in ${terms.sessionLabel}s until the suspension ends${ctx.endsAt ? ` (${when(ctx.endsAt)})` : ""}. The ${terms.sessionLabel} is cancelled. ${refundLine}`,
            payload: { sessionId: s.id, refundDueMinor, currency: s.currency, reason: ctx.what === "ACCOUNT" ? "ACCOUNT_SUSPENDED" : "BOOKING_SUSPENDED" },
            dedupeKey: `session:${s.id}:cancelBySuspension`,
          },
        ],
        ctx.now,
      )),
    );
  }
  return { cancelled, refundedMinor: refunded, kept };
}
