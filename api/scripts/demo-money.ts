// Demo data for money and disputes, on top of the sessions demo: a pending partial
// refund request for the mentor hang-up, a cancelled and refunded session, and a disputed
// session with a staff note and a message. Refunds go through the ledger (lock + audit).
import { randomUUID } from "node:crypto";
import type { Db } from "../src/lib/db.js";
import { systemActor } from "../src/authz/viewer.js";
import { sessionPrice } from "../src/modules/sessions/session-price.js";
import { captureBookingCharge, partialRefundAmount, refundCancellation } from "../src/modules/money/money.service.js";
import { openDisputeIn } from "../src/modules/money/disputes.service.js";
import { recordAudit } from "../src/modules/audit/audit.service.js";
import { enqueueNotices } from "../src/modules/notifications/notifications.service.js";
import { defaultPolicy } from "../src/modules/policy/policy.values.js";

const MIN = 60_000;

export async function seedMoneyDemo(db: Db, ids: Record<string, string>, now: Date): Promise<void> {
  const [mentor, mentor2, mentee, mentee2, mentee3, support] = ["mentor@demo.local", "mentor2@demo.local", "mentee@demo.local", "mentee2@demo.local", "mentee3@demo.local", "support@demo.local"].map((e) => ids[e]);
  const policy = defaultPolicy();
  const actor = systemActor("demo-data");


  // 1. the mentor hang-up of the sessions demo: the mentee asked for the unlapsed 20 minutes
  const hung = await db.session.findFirst({ where: { mentorId: mentor2, menteeId: mentee, endedBy: "MENTOR" } });
  if (hung?.unlapsedMinutes) {
    const charge = await db.charge.findUniqueOrThrow({ where: { sessionId: hung.id } });
    const createdAt = new Date(now.getTime() - 60 * MIN);
    await db.partialRefundRequest.create({
      data: {
        sessionId: hung.id, chargeId: charge.id, menteeId: mentee, mentorId: mentor2, priceMinor: hung.priceMinor,
        scheduledMinutes: hung.durationMinutes, unlapsedMinutes: hung.unlapsedMinutes,
        amountMinor: Math.min(partialRefundAmount(hung.priceMinor, hung.durationMinutes, hung.unlapsedMinutes), charge.amountMinor - charge.refundedMinor),
        currency: charge.currency, reason: "The mentor left 20 minutes before the end",
        contestDeadline: new Date(createdAt.getTime() + policy.refunds.mentorContestWindowHours * 60 * MIN), createdAt,
      },
    });
  }

  // 2. a session the mentee cancelled five days ago, refunded in full
  const p = await db.mentorProfile.findUniqueOrThrow({ where: { userId: mentor } });
  const startsAt = new Date(Math.floor(now.getTime() / MIN) * MIN - 3 * 24 * 60 * MIN);
  const priceMinor = sessionPrice(p.hourlyRateMinor, 60, p.feeMultiplierBps);
  const cancelledAt = new Date(startsAt.getTime() - 2 * 24 * 60 * MIN);
  await db.$transaction(async (tx) => {
    const s = await tx.session.create({
      data: {
        mentorId: mentor, menteeId: mentee2, startsAt, endsAt: new Date(startsAt.getTime() + 60 * MIN), durationMinutes: 60, topic: "Resume review",
        hourlyRateMinor: p.hourlyRateMinor, feeMultiplierBps: p.feeMultiplierBps, priceMinor, currency: p.currency, policyVersion: 0,
        channelName: `session-${randomUUID()}`, createdAt: new Date(startsAt.getTime() - 7 * 24 * 60 * MIN),
        state: "CANCELLED", cancelledAt, cancelledBy: "MENTEE", cancelledById: mentee2, cancelReason: "Got the job already", refundPercent: 100, refundDueMinor: priceMinor,
      },
    });
    await captureBookingCharge(tx, { sessionId: s.id, payerId: mentee2, payeeId: mentor, amountMinor: priceMinor, currency: p.currency, at: s.createdAt });
    await refundCancellation(tx, { sessionId: s.id, amountMinor: priceMinor, reason: "Cancelled by mentee (100% refund): Got the job already", actor, at: cancelledAt });
  });

  // 3. yesterday's session is disputed by its mentee; support picked it up
  const ended = await db.session.findFirst({ where: { mentorId: mentor, menteeId: mentee3, state: "ENDED" } });
  if (ended) {
    const openedAt = new Date(now.getTime() - 3 * 60 * MIN);
    await db.$transaction(async (tx) => {
      // the seed writes what the openDispute command would, as the mentee at the time they opened it
      const opener = { kind: "USER", id: mentee3, role: "MENTEE" } as const;
      const dispute = await openDisputeIn(
        {
          tx,
          now: openedAt,
          audit: async (entry) => void (await recordAudit(tx, opener, entry, undefined, openedAt)),
          notify: (notices) => enqueueNotices(tx, notices, openedAt),
          publish: () => {},
        },
        { scope: "SESSION", sessionId: ended.id, mentorId: mentor, menteeId: mentee3, openedById: mentee3, openedBy: "MENTEE", reason: "The mentor spent most of the session on their phone", evidence: "Notes taken during the call" },
      );
      await tx.dispute.update({ where: { id: dispute.id }, data: { assigneeId: support, status: "IN_REVIEW", version: { increment: 3 }, updatedAt: now } });
      await tx.disputeNote.createMany({
        data: [
          { disputeId: dispute.id, authorId: support, visibility: "INTERNAL", body: "First complaint about this mentor; ask for their side before deciding.", createdAt: new Date(openedAt.getTime() + 30 * MIN) },
          { disputeId: dispute.id, authorId: support, visibility: "PARTIES", body: "Thanks for reporting this. We have asked the mentor for their account and will reply within 48 hours.", createdAt: new Date(openedAt.getTime() + 35 * MIN) },
        ],
      });

    });
  }
}
