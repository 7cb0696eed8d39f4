// Partial refund after a mentor hang-up (seed 000). Only after a session the MENTOR ended early
// may its mentee, at their discretion and within the policy window, request a refund of the
// unlapsed time. The mentor is notified and may contest within the contest window, which opens
// a dispute; an uncontested request is paid by a timed job when the window closes.
//
// Amount (documented rounding rule): floor(price x unlapsed minutes / scheduled minutes) in
// integer minor units -- rounding down to the minor unit, so a refund never pays out a fraction
// the mentee did not pay -- and never above what is still refundable on the charge.
import { z } from "zod";
import type { PartialRefundRequest, Session } from "../../generated/prisma/client.js";
import type { ServiceDeps } from "../../lib/deps.js";
import type { DbTx } from "../../lib/db.js";
import { defineCommand } from "../../lib/command.js";
import { DomainError, conflict, notFound } from "../../lib/errors.js";
import { parseInput, zId } from "../../lib/validate.js";
import { readableOrNotFound } from "../../authz/assert.js";
import { policyAtVersion } from "../policy/index.js";
import { getPlatform } from "../platform/index.js";
import { lockChargeForSession, refundableMinor } from "./ledger.service.js";
import { replayIdempotent, replayOrClaim, runKeyed, zIdempotencyKey } from "./idempotency.service.js";
import { formatMoney } from "./refunds.service.js";
import { openDisputeIn } from "./disputes.service.js";

const HOUR = 3_600_000;

/** floor(price x unlapsed / scheduled); unlapsed is capped at the scheduled minutes. */
export function partialRefundAmount(priceMinor: number, scheduledMinutes: number, unlapsedMinutes: number): number {
  if (scheduledMinutes <= 0 || unlapsedMinutes <= 0) return 0;
  return Math.floor((priceMinor * Math.min(unlapsedMinutes, scheduledMinutes)) / scheduledMinutes);
}

export interface PartialRefundQuote {
  sessionId: string;
  eligible: boolean;
  /** Why not, when not eligible. */
  problem: string | null;
  amountMinor: number;
  currency: string;
  unlapsedMinutes: number;
  scheduledMinutes: number;
  priceMinor: number;
  requestDeadline: Date | null;
}

const mentorHungUp = (s: Session) => s.endedBy === "MENTOR" && (s.unlapsedMinutes ?? 0) > 0 && (s.state === "ENDED" || s.state === "NO_SHOW");

async function quoteFor(db: DbTx, s: Session, now: Date, remaining: number | null): Promise<PartialRefundQuote> {
  const terms = (await policyAtVersion(db, s.policyVersion)).values.refunds;
  const unlapsed = Math.min(s.unlapsedMinutes ?? 0, s.durationMinutes);
  const deadline = s.endedAt ? new Date(s.endedAt.getTime() + terms.partialRefundRequestWindowHours * HOUR) : null;
  const formula = partialRefundAmount(s.priceMinor, s.durationMinutes, unlapsed);
  const amountMinor = remaining === null ? formula : Math.min(formula, remaining);
  let problem: string | null = null;
  if (!mentorHungUp(s)) problem = "A partial refund can be requested only after a session the mentor ended early";
  else if (deadline && now > deadline) problem = `The request window closed ${terms.partialRefundRequestWindowHours} hours after the session ended`;
  else if (remaining === null) problem = "This session has no charge";
  else if (amountMinor <= 0) problem = "Nothing of this charge is refundable any more";
  return { sessionId: s.id, eligible: !problem, problem, amountMinor, currency: s.currency, unlapsedMinutes: unlapsed, scheduledMinutes: s.durationMinutes, priceMinor: s.priceMinor, requestDeadline: deadline };
}

/** What the mentee would get, and whether they may ask (for the UI before requesting). */
export async function partialRefundQuote(deps: ServiceDeps, sessionId: string): Promise<PartialRefundQuote> {
  const s = readableOrNotFound(deps.ability, "Session", await deps.db.session.findUnique({ where: { id: sessionId } }), sessionId);
  const charge = await deps.db.charge.findUnique({ where: { sessionId } });
  const q = await quoteFor(deps.db, s, deps.clock.now(), charge ? refundableMinor(charge) : null);
  const existing = await deps.db.partialRefundRequest.findUnique({ where: { sessionId }, select: { id: true } });
  return existing ? { ...q, eligible: false, problem: "A partial refund was already requested for this session" } : q;
}

const requestInput = z.object({
  sessionId: zId,
  reason: z.string().trim().max(2000).default(""),
  idempotencyKey: zIdempotencyKey,
});
type RequestInput = z.infer<typeof requestInput>;

const requestKey = (i: RequestInput) => ({ operation: "requestPartialRefund", key: i.idempotencyKey, params: { sessionId: i.sessionId, reason: i.reason }, resultType: "PartialRefundRequest" });

const requestPartialRefundCommand = defineCommand({
  name: "money.requestPartialRefund",
  input: requestInput,
  load: (c, i): Promise<Session | null> => c.tx.session.findUnique({ where: { id: i.sessionId } }),
  authorize: (g, found, i) => {
    g.can("create", "PartialRefundRequest", undefined, "Only mentees request partial refunds");
    const s = readableOrNotFound(g.ability, "Session", found, i.sessionId);
    // a mentee may only claim for a session they were the mentee of (row rule)
    g.can("create", "PartialRefundRequest", { menteeId: s.menteeId, mentorId: s.mentorId, sessionId: s.id }, "Only the session's mentee may request a partial refund");
  },
  run: async (c, found, i): Promise<PartialRefundRequest> => {
    const { tx, now } = c;
    const s = found!;
    const key = await replayOrClaim(c, requestKey(i), (id) => tx.partialRefundRequest.findUniqueOrThrow({ where: { id } }));
    if (key.replay) return key.replay;
    // the charge lock serialises this with refunds and other requests on the same session
    const charge = await lockChargeForSession(tx, s.id);
    if (await tx.partialRefundRequest.findUnique({ where: { sessionId: s.id }, select: { id: true } })) throw conflict("A partial refund was already requested for this session");
    const q = await quoteFor(tx, s, now, refundableMinor(charge));
    if (!q.eligible) throw new DomainError("PRECONDITION_FAILED", q.problem!, { requestDeadline: q.requestDeadline?.toISOString() ?? null });
    const terms = (await policyAtVersion(tx, s.policyVersion)).values.refunds;
    const req = await tx.partialRefundRequest.create({
      data: {
        sessionId: s.id,
        chargeId: charge.id,
        menteeId: s.menteeId,
        mentorId: s.mentorId,
        priceMinor: s.priceMinor,
        scheduledMinutes: q.scheduledMinutes,
        unlapsedMinutes: q.unlapsedMinutes,
        amountMinor: q.amountMinor,
        currency: charge.currency,
        reason: i.reason,
        contestDeadline: new Date(now.getTime() + terms.mentorContestWindowHours * HOUR),
        createdAt: now,
      },
    });
    await c.audit({
      action: "refund.partial.request",
      subjectType: "PartialRefundRequest",
      subjectId: req.id,
      after: { sessionId: s.id, amountMinor: req.amountMinor, currency: req.currency, unlapsedMinutes: req.unlapsedMinutes, scheduledMinutes: req.scheduledMinutes, contestDeadline: req.contestDeadline },
      reason: i.reason || null,
    });
    const p = await getPlatform(tx);
    await c.notify([
      {
        userId: s.mentorId,
        kind: "refund.partial.requested",
        subject: `${p.platformName}: partial refund requested for a ${p.sessionLabel} you ended early`,
        body: `You ended the ${p.sessionLabel} ${q.unlapsedMinutes} of ${q.scheduledMinutes} minutes early. The ${p.menteeLabel} requests ${formatMoney(req.amountMinor, req.currency)}. You may contest it until ${req.contestDeadline.toISOString()}; after that it is paid.`,
        payload: { partialRefundRequestId: req.id, sessionId: s.id, amountMinor: req.amountMinor, currency: req.currency, contestDeadline: req.contestDeadline.toISOString() },
        dedupeKey: `refund.partial.requested:${req.id}`,
      },
    ]);
    await key.record(req.id);
    return req;
  },
});

/** The mentee asks for the unlapsed time back; a retry with the same key returns the first request. */
export async function requestPartialRefund(deps: ServiceDeps, input: unknown): Promise<PartialRefundRequest> {
  const i = parseInput(requestInput, input);
  return runKeyed(
    () => requestPartialRefundCommand(deps, i),
    () => replayIdempotent(deps, requestKey(i), (id) => deps.db.partialRefundRequest.findUniqueOrThrow({ where: { id } })),
  );
}

const contestInput = z.object({
  requestId: zId,
  reason: z.string().trim().min(3, "say why").max(2000),
  evidence: z.string().trim().max(10_000).default(""),
});

/** The mentor contests within the window: the request waits for a dispute's outcome. */
export const contestPartialRefund = defineCommand({
  name: "money.contestPartialRefund",
  input: contestInput,
  load: (c, i) => c.tx.partialRefundRequest.findUnique({ where: { id: i.requestId } }),
  authorize: (g, pre, i) => {
    const me = g.user().id;
    if (!pre || !(pre.mentorId === me || pre.menteeId === me)) throw notFound("PartialRefundRequest", i.requestId);
    g.can("update", "PartialRefundRequest", pre, "Only the mentor contests a partial refund request");
  },
  run: async (c, found, i): Promise<PartialRefundRequest> => {
    const { tx, now } = c;
    const pre = found!;
    // conditional: the payout job and a contest cannot both win
    const res = await tx.partialRefundRequest.updateMany({
      where: { id: pre.id, status: "PENDING", contestDeadline: { gt: now } },
      data: { status: "CONTESTED", contestedAt: now, contestReason: i.reason },
    });
    if (res.count !== 1) {
      const cur = await tx.partialRefundRequest.findUniqueOrThrow({ where: { id: pre.id } });
      if (cur.status !== "PENDING") throw conflict(`This request is already ${cur.status.toLowerCase()}`);
      throw new DomainError("PRECONDITION_FAILED", `The contest window closed at ${cur.contestDeadline.toISOString()}`, { contestDeadline: cur.contestDeadline.toISOString() });
    }
    const dispute = await openDisputeIn(c, {
      scope: "SESSION",
      sessionId: pre.sessionId,
      mentorId: pre.mentorId,
      menteeId: pre.menteeId,
      openedById: (c.actor as { id: string }).id,
      openedBy: "MENTOR",
      reason: `Partial refund contested: ${i.reason}`,
      evidence: i.evidence,
      partialRefundId: pre.id,
    });
    await c.audit({ action: "refund.partial.contest", subjectType: "PartialRefundRequest", subjectId: pre.id, before: { status: "PENDING" }, after: { status: "CONTESTED", disputeId: dispute.id }, reason: i.reason });
    return tx.partialRefundRequest.update({ where: { id: pre.id }, data: { disputeId: dispute.id } });
  },
});
