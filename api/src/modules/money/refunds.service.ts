// Refunds: issued by support or an admin for any reason (with a reason and an audit entry),
// paid for cancellations (sessions) and for a banned mentor's bookings (trust & safety).
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import type { DbTx } from "../../lib/db.js";
import type { Actor } from "../../authz/viewer.js";
import type { Refund } from "../../generated/prisma/client.js";
import { parseInput, zCurrency, zId } from "../../lib/validate.js";
import { DomainError, notFound } from "../../lib/errors.js";
import { assertCan } from "../../authz/assert.js";
import { announceAudit } from "../audit/index.js";
import { enqueueNotices, announceNotices } from "../notifications/index.js";
import { getPlatform } from "../platform/index.js";
import { applyRefund, type RefundDone } from "./ledger.service.js";
import { idempotent, zIdempotencyKey } from "./idempotency.service.js";

export const zMoneyInput = z.object({ amountMinor: z.number().int("must be an integer (minor units)").positive("must be positive"), currency: zCurrency });

const issueInput = z.object({
  sessionId: zId,
  /** Omitted: everything still refundable. */
  amount: zMoneyInput.optional(),
  reason: z.string().trim().min(3, "say why").max(2000),
  idempotencyKey: zIdempotencyKey,
});

export const formatMoney = (minor: number, currency: string) => `${(minor / 100).toFixed(2)} ${currency}`;

async function noticeRefund(tx: DbTx, d: RefundDone, now: Date, why: string) {
  const terms = await getPlatform(tx);
  return enqueueNotices(
    tx,
    [
      {
        userId: d.charge.payerId,
        kind: "money.refunded",
        subject: `${terms.platformName}: refund of ${formatMoney(d.refund.amountMinor, d.refund.currency)}`,
        body: `You were refunded ${formatMoney(d.refund.amountMinor, d.refund.currency)} for your ${terms.sessionLabel}. ${why}`,
        payload: { sessionId: d.refund.sessionId, refundId: d.refund.id, amountMinor: d.refund.amountMinor, currency: d.refund.currency },
        dedupeKey: `refund:${d.refund.id}:payer`,
      },
      {
        userId: d.charge.payeeId,
        kind: "money.refunded",
        subject: `${terms.platformName}: a ${terms.sessionLabel} was refunded`,
        body: `${formatMoney(d.refund.amountMinor, d.refund.currency)} of a ${terms.sessionLabel} you gave was refunded. ${why}`,
        payload: { sessionId: d.refund.sessionId, refundId: d.refund.id, amountMinor: d.refund.amountMinor, currency: d.refund.currency },
        dedupeKey: `refund:${d.refund.id}:payee`,
      },
    ],
    now,
  );
}

/** Support or an admin refunds part or all of a session's charge, with a reason (audited). */
export async function issueRefund(deps: ServiceDeps, input: unknown): Promise<Refund> {
  const i = parseInput(issueInput, input);
  assertCan(deps.ability, "refund", "Charge", undefined, "Only support staff and admins issue refunds");
  const now = deps.clock.now();
  const audits: { id: string }[] = [];
  let notices: { id: string; userId: string }[] = [];
  const { result, replayed } = await idempotent(deps, {
    operation: "issueRefund",
    key: i.idempotencyKey,
    params: { sessionId: i.sessionId, amount: i.amount, reason: i.reason },
    resultType: "Refund",
    load: (id) => deps.db.refund.findUniqueOrThrow({ where: { id } }),
    run: async (tx) => {
      const charge = await tx.charge.findUnique({ where: { sessionId: i.sessionId } });
      if (!charge) throw notFound("Charge for session", i.sessionId);
      assertCan(deps.ability, "refund", "Charge", charge, "You cannot refund this charge");
      const done = await applyRefund(tx, {
        sessionId: i.sessionId,
        amountMinor: i.amount?.amountMinor ?? "REMAINING",
        currency: i.amount?.currency,
        kind: "STAFF",
        reason: i.reason,
        actor: deps.actor,
        at: now,
        requestId: deps.requestId,
      });
      if (!done) throw new DomainError("PRECONDITION_FAILED", "Nothing of this charge is refundable any more", { refundableMinor: 0 });
      audits.push(done.auditId);
      notices = await noticeRefund(tx, done, now, `Reason: ${i.reason}`);
      return done.refund;
    },
  });
  if (!replayed) {
    announceAudit(deps.pubsub, audits);
    announceNotices(deps.pubsub, notices);
  }
  return result;
}

export interface TxRefundContext {
  actor: Actor | null;
  at: Date;
  requestId?: string;
}

/**
 * For trust & safety (a banned mentor's future bookings) and any full refund inside another
 * module's transaction: refunds everything still refundable on the session's charge, audited
 * and with notices to both parties. Returns null when nothing is left (safe to call twice).
 * Cancelling the session itself stays with the caller (sessions / trust & safety).
 */
export async function refundInFull(tx: DbTx, sessionId: string, reason: string, actor: Actor | null, at: Date, requestId?: string): Promise<{ refund: Refund; auditId: { id: string }; notices: { id: string; userId: string }[] } | null> {
  const exists = await tx.charge.findUnique({ where: { sessionId }, select: { id: true } });
  if (!exists) return null;
  const done = await applyRefund(tx, { sessionId, amountMinor: "REMAINING", kind: "ENFORCEMENT", reason, actor, at, requestId });
  if (!done) return null;
  return { refund: done.refund, auditId: done.auditId, notices: await noticeRefund(tx, done, at, reason) };
}

/**
 * For sessions: pays the refund a cancellation is due (refundDueMinor) inside the cancel
 * transaction; never more than remains refundable. Returns null when nothing is due.
 */
export async function refundCancellation(tx: DbTx, c: TxRefundContext & { sessionId: string; amountMinor: number; reason: string }): Promise<{ refund: Refund; auditId: { id: string } } | null> {
  if (c.amountMinor <= 0) return null;
  const exists = await tx.charge.findUnique({ where: { sessionId: c.sessionId }, select: { id: true } });
  if (!exists) return null;
  const done = await applyRefund(tx, { sessionId: c.sessionId, amountMinor: c.amountMinor, capAtRemaining: true, kind: "CANCELLATION", reason: c.reason, actor: c.actor, at: c.at, requestId: c.requestId });
  return done && { refund: done.refund, auditId: done.auditId };
}
