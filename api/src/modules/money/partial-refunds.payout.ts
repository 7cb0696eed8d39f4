// The payout of uncontested partial refunds: when the mentor's contest window closes without a
// contest, the request is paid by the platform itself (a timed job acting as a SYSTEM actor).
import { z } from "zod";
import { Prisma } from "../../generated/prisma/client.js";
import type { ServiceDeps } from "../../lib/deps.js";
import { defineCommand } from "../../lib/command.js";
import { getPlatform } from "../platform/index.js";
import { applyRefund } from "./ledger.service.js";
import { formatMoney } from "./refunds.service.js";

export const PAYOUT_JOB = "money.payUncontestedPartialRefunds";

const BATCH = 50;

/**
 * Pays requests whose contest window closed uncontested. Exactly once across processes: rows are
 * claimed with FOR UPDATE SKIP LOCKED, the status change is conditional, and a refund row can
 * reference a request only once (unique index). Capped at what is still refundable.
 */
const payDueBatch = defineCommand({
  name: "money.payUncontestedPartialRefunds",
  input: z.object({ batch: z.number().int().positive().default(BATCH) }),
  load: async (c, i) => {
    const due = await c.tx.partialRefundRequest.findMany({
      where: { status: "PENDING", contestDeadline: { lte: c.now } },
      orderBy: { contestDeadline: "asc" },
      take: i.batch,
      select: { id: true },
    });
    if (!due.length) return [];
    // another process's rows are skipped, not waited for
    return c.tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "PartialRefundRequest"
      WHERE id IN (${Prisma.join(due.map((d) => d.id))}) AND status = 'PENDING'
      ORDER BY "contestDeadline" FOR UPDATE SKIP LOCKED`;
  },
  authorize: (g) => {
    g.can("update", "PartialRefundRequest");
    g.can("refund", "Charge");
  },
  run: async (c, claimed): Promise<number> => {
    const { tx, now } = c;
    if (!claimed.length) return 0;
    const p = await getPlatform(tx);
    let paid = 0;
    for (const { id } of claimed) {
      const won = await tx.partialRefundRequest.updateMany({ where: { id, status: "PENDING", contestDeadline: { lte: now } }, data: { status: "PAID", paidAt: now } });
      if (won.count !== 1) continue;
      const req = await tx.partialRefundRequest.findUniqueOrThrow({ where: { id } });
      const done = await applyRefund(tx, {
        sessionId: req.sessionId,
        amountMinor: req.amountMinor,
        capAtRemaining: true,
        kind: "HANG_UP",
        reason: `Uncontested partial refund for a mentor hang-up: ${req.unlapsedMinutes} of ${req.scheduledMinutes} minutes not given`,
        actor: c.actor,
        at: now,
        partialRefundRequestId: req.id,
      });
      if (!done) {
        // fully refunded meanwhile (staff, cancellation): nothing left to pay
        await tx.partialRefundRequest.update({ where: { id }, data: { status: "CLOSED", paidAt: null } });
        await c.audit({ action: "refund.partial.close", subjectType: "PartialRefundRequest", subjectId: id, after: { status: "CLOSED" }, reason: "Nothing refundable remained when the contest window closed" });
        continue;
      }
      await tx.partialRefundRequest.update({ where: { id }, data: { refundId: done.refund.id } });
      await c.audit(done.audit);
      paid++;
      await c.notify(
        [req.menteeId, req.mentorId].map((userId) => ({
          userId,
          kind: "refund.partial.paid",
          subject: `${p.platformName}: partial refund of ${formatMoney(done.refund.amountMinor, done.refund.currency)} paid`,
          body: `The partial refund for the ${p.sessionLabel} ended early was not contested and has been paid: ${formatMoney(done.refund.amountMinor, done.refund.currency)}.`,
          payload: { partialRefundRequestId: id, refundId: done.refund.id, sessionId: req.sessionId, amountMinor: done.refund.amountMinor, currency: done.refund.currency },
          dedupeKey: `refund.partial.paid:${id}:${userId}`,
        })),
      );
    }
    return paid;
  },
});

/** Job step (as the payout job's SYSTEM actor): one batch of due requests; none due, no transaction. */
export async function payDuePartialRefunds(deps: ServiceDeps, batch = BATCH): Promise<number> {
  const due = await deps.db.partialRefundRequest.findFirst({ where: { status: "PENDING", contestDeadline: { lte: deps.clock.now() } }, select: { id: true } });
  if (!due) return 0;
  return payDueBatch(deps, { batch });
}
