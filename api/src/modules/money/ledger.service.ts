// The ledger: a booking captures a charge; refunds are separate rows; the refundable amount is
// always amountMinor - refundedMinor. Every refund runs under a row lock on its charge
// (SELECT ... FOR UPDATE) inside the caller's transaction, and the database refuses a refunded
// total above the charge (CHECK constraint, migration 'money'), so it can never go negative.
import type { DbTx } from "../../lib/db.js";
import type { Actor } from "../../authz/viewer.js";
import type { AuditEntry } from "../../lib/command.js";
import { DomainError, badInput, notFound } from "../../lib/errors.js";
import type { Charge, Refund } from "../../generated/prisma/client.js";
import type { RefundKind } from "../../generated/prisma/enums.js";
import { paymentProvider } from "./provider.js";

export interface BookingCharge {
  sessionId: string;
  payerId: string;
  payeeId: string;
  amountMinor: number;
  currency: string;
  at: Date;
}

/** The money written by a booking (called by sessions inside the booking transaction). */
export async function captureBookingCharge(tx: DbTx, c: BookingCharge): Promise<{ id: string }> {
  if (!Number.isInteger(c.amountMinor) || c.amountMinor < 0) throw badInput("amountMinor: must be a non-negative integer");
  const provider = paymentProvider();
  const charge = await tx.charge.create({
    data: { sessionId: c.sessionId, payerId: c.payerId, payeeId: c.payeeId, amountMinor: c.amountMinor, currency: c.currency, provider: provider.name, createdAt: c.at },
    select: { id: true },
  });
  const { providerRef } = await provider.capture(tx, { chargeId: charge.id, payerId: c.payerId, amountMinor: c.amountMinor, currency: c.currency });
  await tx.charge.update({ where: { id: charge.id }, data: { providerRef } });
  return charge;
}

export const refundableMinor = (c: Pick<Charge, "amountMinor" | "refundedMinor">) => c.amountMinor - c.refundedMinor;

/** Locks the session's charge row until the transaction ends and returns it fresh. */
export async function lockChargeForSession(tx: DbTx, sessionId: string): Promise<Charge> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Charge" WHERE "sessionId" = ${sessionId} FOR UPDATE`;
  if (!rows.length) throw notFound("Charge for session", sessionId);
  return tx.charge.findUniqueOrThrow({ where: { id: rows[0].id } });
}

export interface RefundSpec {
  sessionId: string;
  /** Minor units, or REMAINING for everything still refundable. */
  amountMinor: number | "REMAINING";
  /** When given it must equal the charge's currency. */
  currency?: string;
  /** Pay at most what remains instead of refusing a larger amount (timed payouts). */
  capAtRemaining?: boolean;
  kind: RefundKind;
  reason: string;
  /** Who refunds (recorded on the refund row). */
  actor: Actor | null;
  at: Date;
  partialRefundRequestId?: string;
  disputeId?: string;
}

export interface RefundDone {
  refund: Refund;
  charge: Charge;
  /** The refund's audit entry: the caller records it in the same transaction (a command's c.audit). */
  audit: AuditEntry;
}

/**
 * The one place a refund is written. Returns null when nothing is refundable and the caller
 * asked for REMAINING (or capAtRemaining); otherwise refuses an amount above what remains.
 */
export async function applyRefund(tx: DbTx, r: RefundSpec): Promise<RefundDone | null> {
  const charge = await lockChargeForSession(tx, r.sessionId);
  if (r.currency && r.currency !== charge.currency)
    throw badInput(`currency: this charge is in ${charge.currency}`, { currency: `must be ${charge.currency}` });
  const remaining = refundableMinor(charge);
  let amount = r.amountMinor === "REMAINING" ? remaining : r.amountMinor;
  if (r.capAtRemaining) amount = Math.min(amount, remaining);
  if (!Number.isInteger(amount) || amount < 0) throw badInput("amountMinor: must be a positive integer (minor units)", { amountMinor: "positive integer" });
  if (amount === 0) {
    if (r.amountMinor === "REMAINING" || r.capAtRemaining) return null;
    throw badInput("amountMinor: must be a positive integer (minor units)", { amountMinor: "positive integer" });
  }
  if (amount > remaining)
    throw new DomainError("PRECONDITION_FAILED", `Only ${remaining} (minor units of ${charge.currency}) of this charge is still refundable`, {
      refundableMinor: remaining,
      currency: charge.currency,
    });
  const provider = paymentProvider();
  const created = await tx.refund.create({
    data: {
      chargeId: charge.id,
      sessionId: r.sessionId,
      kind: r.kind,
      amountMinor: amount,
      currency: charge.currency,
      reason: r.reason,
      actorKind: r.actor?.kind === "SYSTEM" ? "SYSTEM" : "USER",
      actorId: r.actor?.kind === "USER" ? r.actor.id : null,
      provider: provider.name,
      partialRefundRequestId: r.partialRefundRequestId ?? null,
      disputeId: r.disputeId ?? null,
      createdAt: r.at,
    },
  });
  const { providerRef } = await provider.refund(tx, { chargeId: charge.id, chargeProviderRef: charge.providerRef, refundId: created.id, amountMinor: amount, currency: charge.currency });
  const refund = await tx.refund.update({ where: { id: created.id }, data: { providerRef } });
  const refunded = charge.refundedMinor + amount;
  // increment (not a computed total): even without the lock the CHECK constraint would refuse an overrun
  const after = await tx.charge.update({
    where: { id: charge.id },
    data: { refundedMinor: { increment: amount }, status: refunded >= charge.amountMinor ? "REFUNDED" : "PARTIALLY_REFUNDED", updatedAt: r.at },
  });
  const audit: AuditEntry = {
    action: `refund.${r.kind.toLowerCase()}`,
    subjectType: "Refund",
    subjectId: refund.id,
    before: { chargeId: charge.id, refundedMinor: charge.refundedMinor },
    after: { chargeId: charge.id, sessionId: r.sessionId, amountMinor: amount, currency: charge.currency, refundedMinor: after.refundedMinor, kind: r.kind, partialRefundRequestId: r.partialRefundRequestId, disputeId: r.disputeId },
    reason: r.reason,
  };
  return { refund, charge: after, audit };
}

/** Database refusals of money rules become coded errors (never a 500). */
export function moneyError(e: unknown): unknown {
  const msg = String((e as Error)?.message ?? "");
  if (/23514|check constraint|Charge_refunds_within_amount/i.test(msg))
    return new DomainError("PRECONDITION_FAILED", "The refund would exceed the amount charged");
  return e;
}
