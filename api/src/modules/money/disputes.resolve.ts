// Resolving a dispute (seed 004): support decides an outcome. A full or partial refund moves money
// through the ledger in the same transaction; a referral lands in trust & safety's report queue.
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import type { Dispute } from "../../generated/prisma/client.js";
import { ReportCategory } from "../../generated/prisma/enums.js";
import { defineCommand } from "../../lib/command.js";
import { DomainError, badInput, conflict } from "../../lib/errors.js";
import { parseInput, zId } from "../../lib/validate.js";
import { getPlatform } from "../platform/index.js";
import { fileSystemReport } from "../safety/index.js";
import { applyRefund } from "./ledger.service.js";
import { replayIdempotent, replayOrClaim, runKeyed, zIdempotencyKey } from "./idempotency.service.js";
import { formatMoney, zMoneyInput } from "./refunds.service.js";
import { announceDispute, editDispute, loadDispute, noticesToParties, readable, userId, zVersion } from "./disputes.service.js";

const resolveInput = z
  .object({
    disputeId: zId,
    outcome: z.enum(["FULL_REFUND", "PARTIAL_REFUND", "NO_ACTION", "ENFORCEMENT_REFERRAL"]),
    amount: zMoneyInput.optional(),
    reason: z.string().trim().min(3, "say why").max(4000),
    expectedVersion: zVersion,
    idempotencyKey: zIdempotencyKey,
    /** ENFORCEMENT_REFERRAL: whom trust & safety should look at, and for what. */
    referral: z.object({ party: z.enum(["MENTOR", "MENTEE"]), category: z.enum(Object.values(ReportCategory) as [ReportCategory, ...ReportCategory[]]) }).optional(),
  })
  .refine((d) => d.outcome !== "PARTIAL_REFUND" || !!d.amount, { path: ["amount"], message: "is required for a partial refund" })
  .refine((d) => d.outcome === "PARTIAL_REFUND" || !d.amount, { path: ["amount"], message: "is only for a partial refund" })
  .refine((d) => d.outcome !== "ENFORCEMENT_REFERRAL" || !!d.referral, { path: ["referral"], message: "is required for an enforcement referral" });
type ResolveInput = z.infer<typeof resolveInput>;

const resolveKey = ({ idempotencyKey, ...params }: ResolveInput) => ({ operation: "resolveDispute", key: idempotencyKey, params, resultType: "Dispute" });

const resolveDisputeCommand = defineCommand({
  name: "money.resolveDispute",
  input: resolveInput,
  load: async (c, i) => {
    // two agents resolving at once: the second waits here, then sees the new version
    await c.tx.$queryRaw`SELECT id FROM "Dispute" WHERE id = ${i.disputeId} FOR UPDATE`;
    return loadDispute(c, i.disputeId);
  },
  authorize: (g, cur) => {
    g.user();
    readable(g, cur);
    g.can("resolve", "Dispute", cur, "Only support staff resolve disputes");
  },
  run: async (c, cur, i): Promise<{ dispute: Dispute; replayed: boolean }> => {
    const { tx, now } = c;
    const me = userId(c);
    const key = await replayOrClaim(c, resolveKey(i), (id) => tx.dispute.findUniqueOrThrow({ where: { id } }));
    if (key.replay) return { dispute: key.replay, replayed: true };
    const refunds = i.outcome === "FULL_REFUND" || i.outcome === "PARTIAL_REFUND";
    if (refunds && cur.scope !== "SESSION") throw badInput("outcome: a mentorship dispute has no charge to refund", { outcome: "no money at stake" });
    // version check before any money moves
    if (cur.status === "RESOLVED") throw new DomainError("PRECONDITION_FAILED", "This dispute is resolved and read-only");
    if (cur.version !== i.expectedVersion) throw conflict("The dispute changed since you loaded it; reload and try again", { currentVersion: cur.version, expectedVersion: i.expectedVersion });
    let refundId: string | null = null;
    let amountMinor: number | null = null;
    let currency: string | null = null;
    if (refunds) {
      const done = await applyRefund(tx, {
        sessionId: cur.sessionId!,
        amountMinor: i.outcome === "FULL_REFUND" ? "REMAINING" : i.amount!.amountMinor,
        currency: i.amount?.currency,
        kind: "DISPUTE",
        reason: `Dispute ${cur.id} resolved (${i.outcome}): ${i.reason}`,
        actor: c.actor,
        at: now,
        disputeId: cur.id,
      });
      if (!done) throw new DomainError("PRECONDITION_FAILED", "Nothing of this charge is refundable any more", { refundableMinor: 0 });
      await c.audit(done.audit);
      refundId = done.refund.id;
      amountMinor = done.refund.amountMinor;
      currency = done.refund.currency;
    }
    const after = await editDispute(c, cur, i.expectedVersion, {
      status: "RESOLVED",
      outcome: i.outcome,
      outcomeAmountMinor: amountMinor,
      currency,
      resolutionReason: i.reason,
      resolvedById: me,
      resolvedAt: now,
      refundId,
      assigneeId: cur.assigneeId ?? me,
    });
    if (cur.partialRefundId) await tx.partialRefundRequest.updateMany({ where: { id: cur.partialRefundId, status: { in: ["PENDING", "CONTESTED"] } }, data: { status: "CLOSED" } });
    await c.audit({
      action: "dispute.resolve",
      subjectType: "Dispute",
      subjectId: cur.id,
      before: { status: cur.status, version: cur.version },
      after: { status: "RESOLVED", outcome: i.outcome, amountMinor, currency, refundId, referral: i.referral, version: after.version },
      reason: i.reason,
    });
    const terms = await getPlatform(tx);
    const what = refunds ? `a refund of ${formatMoney(amountMinor!, currency!)}` : i.outcome === "NO_ACTION" ? "no action" : "a referral to Trust & Safety";
    await c.notify(noticesToParties(after, null, "dispute.resolved", `${terms.platformName}: your dispute was resolved`, `Outcome: ${what}. ${i.reason}`, "resolved"));
    await key.record(after.id);
    announceDispute(c, after.id, "RESOLVED");
    return { dispute: after, replayed: false };
  },
});

/**
 * Support resolves with an outcome (refunds move money; a referral goes to trust & safety). The
 * idempotency key makes a retry return the first resolution without a second refund.
 */
export async function resolveDispute(deps: ServiceDeps, input: unknown): Promise<Dispute> {
  const i = parseInput(resolveInput, input);
  const { dispute, replayed } = await runKeyed(
    () => resolveDisputeCommand(deps, i),
    async () => {
      const earlier = await replayIdempotent(deps, resolveKey(i), (id) => deps.db.dispute.findUniqueOrThrow({ where: { id } }));
      return earlier && { dispute: earlier, replayed: true };
    },
  );
  if (!replayed && i.outcome === "ENFORCEMENT_REFERRAL" && i.referral) {
    // Trust & safety decides warnings and strikes: the referral lands in its report queue.
    await fileSystemReport(deps, deps.actor!, {
      subjectId: i.referral.party === "MENTOR" ? dispute.mentorId : dispute.menteeId,
      category: i.referral.category,
      description: `Referred by dispute resolution: ${i.reason}`,
      detectorRule: "dispute.referral",
      evidence: { disputeId: dispute.id, sessionId: dispute.sessionId, referredBy: (deps.actor as { id: string }).id },
      dedupeKey: `dispute:${dispute.id}:referral`,
    });
  }
  return dispute;
}

