// Refunds: issued by support or an admin for any reason (with a reason and an audit entry),
// paid for cancellations (sessions) and for a banned mentor's bookings (trust & safety).
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import type { DbTx } from "../../lib/db.js";
import type { Actor } from "../../authz/viewer.js";
import type { Charge, Refund } from "../../generated/prisma/client.js";
import { defineCommand, type Notice } from "../../lib/command.js";
import { parseInput, zCurrency, zId } from "../../lib/validate.js";
import { DomainError, notFound } from "../../lib/errors.js";
import { recordAudit } from "../audit/index.js";
import { enqueueNotices } from "../notifications/index.js";
import { getPlatform } from "../platform/index.js";
import { applyRefund, type RefundDone } from "./ledger.service.js";
import { replayIdempotent, replayOrClaim, runKeyed, zIdempotencyKey } from "./idempotency.service.js";

export const zMoneyInput = z.object({ amountMinor: z.number().int("must be an integer (minor units)").positive("must be positive"), currency: zCurrency });

const issueInput = z.object({
  sessionId: zId,
  /** Omitted: everything still refundable. */
  amount: zMoneyInput.optional(),
  reason: z.string().trim().min(3, "say why").max(2000),
  idempotencyKey: zIdempotencyKey,
});
type IssueInput = z.infer<typeof issueInput>;

export const formatMoney = (minor: number, currency: string) => `${(minor / 100).toFixed(2)} ${currency}`;

/** Both sides of a refunded charge are told. */
async function refundNotices(tx: DbTx, d: RefundDone, why: string): Promise<Notice[]> {
  const terms = await getPlatform(tx);
  const payload = { sessionId: d.refund.sessionId, refundId: d.refund.id, amountMinor: d.refund.amountMinor, currency: d.refund.currency };
  return [
    {
      userId: d.charge.payerId,
      kind: "money.refunded",
      subject: `${terms.platformName}: refund of ${formatMoney(d.refund.amountMinor, d.refund.currency)}`,
      body: `You were refunded ${formatMoney(d.refund.amountMinor, d.refund.currency)} for your ${terms.sessionLabel}. ${why}`,
      payload,
      dedupeKey: `refund:${d.refund.id}:payer`,
    },
    {
      userId: d.charge.payeeId,
      kind: "money.refunded",
      subject: `${terms.platformName}: a ${terms.sessionLabel} was refunded`,
      body: `${formatMoney(d.refund.amountMinor, d.refund.currency)} of a ${terms.sessionLabel} you gave was refunded. ${why}`,
      payload,
      dedupeKey: `refund:${d.refund.id}:payee`,
    },
  ];
}

const issueKey = (i: IssueInput) => ({ operation: "issueRefund", key: i.idempotencyKey, params: { sessionId: i.sessionId, amount: i.amount, reason: i.reason }, resultType: "Refund" });

const issueRefundCommand = defineCommand({
  name: "money.issueRefund",
  input: issueInput,
  load: (c, i): Promise<Charge | null> => c.tx.charge.findUnique({ where: { sessionId: i.sessionId } }),
  authorize: (g, charge, i) => {
    g.can("refund", "Charge", undefined, "Only support staff and admins issue refunds");
    if (!charge) throw notFound("Charge for session", i.sessionId);
    g.can("refund", "Charge", charge, "You cannot refund this charge");
  },
  run: async (c, _charge, i): Promise<Refund> => {
    const key = await replayOrClaim(c, issueKey(i), (id) => c.tx.refund.findUniqueOrThrow({ where: { id } }));
    if (key.replay) return key.replay;
    const done = await applyRefund(c.tx, {
      sessionId: i.sessionId,
      amountMinor: i.amount?.amountMinor ?? "REMAINING",
      currency: i.amount?.currency,
      kind: "STAFF",
      reason: i.reason,
      actor: c.actor,
      at: c.now,
    });
    if (!done) throw new DomainError("PRECONDITION_FAILED", "Nothing of this charge is refundable any more", { refundableMinor: 0 });
    await c.audit(done.audit);
    await c.notify(await refundNotices(c.tx, done, `Reason: ${i.reason}`));
    await key.record(done.refund.id);
    return done.refund;
  },
});

/**
 * Support or an admin refunds part or all of a session's charge, with a reason (audited). The
 * idempotency key makes a retry return the first refund; the same key with other parameters is
 * a CONFLICT.
 */
export async function issueRefund(deps: ServiceDeps, input: unknown): Promise<Refund> {
  const i = parseInput(issueInput, input);
  return runKeyed(
    () => issueRefundCommand(deps, i),
    () => replayIdempotent(deps, issueKey(i), (id) => deps.db.refund.findUniqueOrThrow({ where: { id } })),
  );
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
  const done = await applyRefund(tx, { sessionId, amountMinor: "REMAINING", kind: "ENFORCEMENT", reason, actor, at });
  if (!done) return null;
  const auditId = await recordAudit(tx, actor, done.audit, requestId, at);
  return { refund: done.refund, auditId, notices: await enqueueNotices(tx, await refundNotices(tx, done, reason), at) };
}

/**
 * For sessions: pays the refund a cancellation is due (refundDueMinor) inside the cancel
 * transaction; never more than remains refundable. Returns null when nothing is due.
 */
export async function refundCancellation(tx: DbTx, c: TxRefundContext & { sessionId: string; amountMinor: number; reason: string }): Promise<{ refund: Refund; auditId: { id: string } } | null> {
  if (c.amountMinor <= 0) return null;
  const exists = await tx.charge.findUnique({ where: { sessionId: c.sessionId }, select: { id: true } });
  if (!exists) return null;
  const done = await applyRefund(tx, { sessionId: c.sessionId, amountMinor: c.amountMinor, capAtRemaining: true, kind: "CANCELLATION", reason: c.reason, actor: c.actor, at: c.at });
  if (!done) return null;
  return { refund: done.refund, auditId: await recordAudit(tx, c.actor, done.audit, c.requestId, c.at) };
}
