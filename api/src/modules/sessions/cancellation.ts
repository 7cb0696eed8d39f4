// Session cancellation and refunds-on-cancel: the one writer of a session's CANCELLED state.
// Participants and staff cancel through `cancelSession`; trust & safety asks for a banned mentor's
// future bookings to be cancelled by emitting `safety.enforcementIssued` (handled below), so the
// sessions module stays the only writer of the Session table.
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import type { CommandContext } from "../../lib/command.js";
import { defineCommand } from "../../lib/command.js";
import { DomainError, conflict } from "../../lib/errors.js";
import { parseInput, zId } from "../../lib/validate.js";
import { onEvent, type DomainEvents } from "../../lib/events.js";
import type { Session } from "../../generated/prisma/client.js";
import { announceNotices } from "../notifications/index.js";
import { announceAudit } from "../audit/index.js";
import { getPlatform, capitalise } from "../platform/index.js";
import { policyAtVersion } from "../policy/index.js";
import { claimIdempotency, isIdempotencyTaken, refundCancellation, refundInFull, replayIdempotent, zIdempotencyKey } from "../money/index.js";
import { announceSession, noticesToOthers, partyOf, readableSession, type Party } from "./sessions.service.js";

const HOUR = 3_600_000;

interface Cancellation {
  by: Party;
  reason: string | null;
  refundPercent: number;
  refundDueMinor: number;
}

/**
 * Cancels a scheduled session (conditional: a session that changed state meanwhile is left
 * alone and `null` returned) and pays what the cancellation is due through the money module.
 */
async function cancelScheduled(c: CommandContext, s: Pick<Session, "id" | "mentorId" | "menteeId">, x: Cancellation, refund: "DUE" | "IN_FULL", refundReason: string) {
  const res = await c.tx.session.updateMany({
    where: { id: s.id, state: "SCHEDULED" },
    data: { state: "CANCELLED", cancelledAt: c.now, cancelledBy: x.by, cancelledById: c.actor?.kind === "USER" ? c.actor.id : null, cancelReason: x.reason, refundPercent: x.refundPercent, refundDueMinor: x.refundDueMinor },
  });
  if (res.count !== 1) return null;
  const paid =
    refund === "IN_FULL"
      ? await refundInFull(c.tx, s.id, refundReason, c.actor, c.now, c.requestId)
      : await refundCancellation(c.tx, { sessionId: s.id, amountMinor: x.refundDueMinor, reason: refundReason, actor: c.actor, at: c.now, requestId: c.requestId });
  if (paid) {
    // The ledger records its own audit row and notices; they are announced after commit.
    const notices = "notices" in paid ? (paid.notices as { id: string; userId: string }[]) : [];
    c.afterCommit((p) => {
      announceAudit(p, [paid.auditId]);
      announceNotices(p, notices);
    });
  }
  c.afterCommit((p) => announceSession(p, s));
  return { refundedMinor: paid?.refund.amountMinor ?? 0 };
}

const cancelInput = z.object({ sessionId: zId, reason: z.string().trim().max(1000).optional(), idempotencyKey: z.lazy(() => zIdempotencyKey).optional() });
const cancelParams = (i: z.infer<typeof cancelInput>) => ({ sessionId: i.sessionId, reason: i.reason });

/**
 * Who may cancel and what refund follows, from the policy version the booking was made under:
 * the mentee any time before the start (full refund early, the late percentage after that);
 * the mentor only early enough (full refund); staff any time before the end (full refund).
 */
const cancelSessionCommand = defineCommand({
  name: "sessions.cancel",
  input: cancelInput,
  load: (c, i) => readableSession(c.deps, c.tx, i.sessionId),
  authorize: (g, s) => {
    g.user();
    g.can("cancel", "Session", s, "You cannot cancel this session");
  },
  run: async (c, s, i): Promise<Session> => {
    const party = partyOf(c.actor, s)!;
    if (party === "STAFF" && (!i.reason || i.reason.length < 3)) throw new DomainError("BAD_USER_INPUT", "reason: staff cancellations say why", { fields: { reason: "required" } });
    // A keyed retry is answered by the replay before the state checks: the key is claimed first.
    const recordResult = i.idempotencyKey ? await claimIdempotency(c.tx, c.actor, c.now, { operation: "cancelSession", key: i.idempotencyKey, params: cancelParams(i), resultType: "Session" }) : null;
    if (s.state !== "SCHEDULED") throw conflict(`Only a scheduled session can be cancelled (this one is ${s.state})`);
    const terms = (await policyAtVersion(c.tx, s.policyVersion)).values.scheduling;
    const hoursBefore = (s.startsAt.getTime() - c.now.getTime()) / HOUR;
    let refundPercent = 100;
    if (party === "STAFF") {
      if (!i.reason || i.reason.length < 3) throw new DomainError("BAD_USER_INPUT", "reason: staff cancellations say why", { fields: { reason: "required" } });
    } else if (hoursBefore <= 0) {
      throw new DomainError("PRECONDITION_FAILED", "The session has started; it can no longer be cancelled");
    } else if (party === "MENTOR") {
      if (hoursBefore < terms.mentorCancelMinHours)
        throw new DomainError("PRECONDITION_FAILED", `Mentors can cancel at most ${terms.mentorCancelMinHours} hours before the start`, { minHours: terms.mentorCancelMinHours });
    } else {
      refundPercent = hoursBefore >= terms.menteeCancelFullRefundHours ? 100 : terms.menteeCancelLateRefundPercent;
    }
    const refundDueMinor = Math.floor((s.priceMinor * refundPercent) / 100);
    const done = await cancelScheduled(
      c,
      s,
      { by: party, reason: i.reason ?? null, refundPercent, refundDueMinor },
      "DUE",
      `Cancelled by ${party.toLowerCase()} (${refundPercent}% refund)${i.reason ? `: ${i.reason}` : ""}`,
    );
    if (!done) throw conflict("The session changed meanwhile; reload it");
    const after = await c.tx.session.findUniqueOrThrow({ where: { id: s.id } });
    await recordResult?.(s.id);
    await c.audit({ action: "session.cancel", subjectType: "Session", subjectId: s.id, before: { state: s.state }, after: { state: after.state, cancelledBy: party, refundPercent, refundDueMinor }, reason: i.reason });
    await c.notify(await noticesToOthers(c, after, party, "session.cancelled", (who, when, label) => `${who} cancelled the ${label} of ${when}. Refund: ${refundPercent}% of the price.`, "x"));
    return after;
  },
});

/**
 * With an idempotency key a retry replays the first cancellation (one refund) instead of failing
 * on the state it left behind; the same key with other parameters is a CONFLICT.
 */
export async function cancelSession(deps: ServiceDeps, input: unknown): Promise<Session> {
  const i = parseInput(cancelInput, input);
  const keyed = i.idempotencyKey ? { operation: "cancelSession", key: i.idempotencyKey, params: cancelParams(i), resultType: "Session" } : null;
  const load = (id: string) => deps.db.session.findUniqueOrThrow({ where: { id } });
  if (keyed) {
    const earlier = await replayIdempotent(deps, keyed, load);
    if (earlier) return earlier;
  }
  try {
    return await cancelSessionCommand(deps, i);
  } catch (e) {
    if (keyed && isIdempotencyTaken(e)) {
      const earlier = await replayIdempotent(deps, keyed, load);
      if (earlier) return earlier;
    }
    throw e;
  }
}

/** A banned mentor's future bookings are cancelled by staff and fully refunded (seed 003). */
async function cancelBookingsOfBannedMentor(c: CommandContext, mentorId: string, enforcementId: string): Promise<{ cancelled: number; refundedMinor: number; sessions: Cancelled[] }> {
  const sessions = await c.tx.session.findMany({
    where: { mentorId, state: "SCHEDULED", startsAt: { gt: c.now } },
    select: { id: true, mentorId: true, menteeId: true, priceMinor: true, currency: true, startsAt: true },
  });
  if (!sessions.length) return { cancelled: 0, refundedMinor: 0, sessions: [] };
  const charges = await c.tx.charge.findMany({ where: { sessionId: { in: sessions.map((s) => s.id) } }, select: { sessionId: true, amountMinor: true } });
  const paid = new Map(charges.map((ch) => [ch.sessionId, ch.amountMinor]));
  const terms = await getPlatform(c.tx);
  const banned = `${capitalise(terms.mentorLabel)} banned by Trust & Safety`;
  let refunded = 0;
  const done: Cancelled[] = [];
  for (const s of sessions) {
    const refundDueMinor = paid.get(s.id) ?? 0;
    const cancelled = await cancelScheduled(c, s, { by: "STAFF", reason: `${banned} (enforcement ${enforcementId})`, refundPercent: 100, refundDueMinor }, "IN_FULL", banned);
    if (!cancelled) continue;
    refunded += cancelled.refundedMinor;
    done.push(cancelledOf(s, cancelled.refundedMinor));
    await c.audit({ action: "session.cancelByBan", subjectType: "Session", subjectId: s.id, after: { state: "CANCELLED", refundPercent: 100, refundDueMinor, enforcementId } });
    await c.notify([
      {
        userId: s.menteeId,
        kind: "session.cancelled",
        subject: `Your ${terms.sessionLabel} on ${s.startsAt.toISOString().slice(0, 16).replace("T", " ")} UTC was cancelled`,
        body: `Your ${terms.mentorLabel} can no longer take ${terms.sessionLabel}s on ${terms.platformName}. The ${terms.sessionLabel} is cancelled and you receive a full refund of ${(refundDueMinor / 100).toFixed(2)} ${s.currency}.`,
        payload: { sessionId: s.id, refundDueMinor, currency: s.currency },
        dedupeKey: `session:${s.id}:cancelByBan`,
      },
    ]);
  }
  return { cancelled: sessions.length, refundedMinor: refunded, sessions: done };
}

type Cancelled = NonNullable<DomainEvents["safety.enforcementIssued"]["effects"]["bookings"]>["sessions"][number];
const cancelledOf = (s: { id: string; startsAt: Date; mentorId: string; menteeId: string; currency: string }, refundedMinor: number): Cancelled => ({
  id: s.id,
  startsAt: s.startsAt,
  mentorId: s.mentorId,
  menteeId: s.menteeId,
  refundedMinor,
  currency: s.currency,
});

const when = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/**
 * A temporary ban takes effect on bookings (seeds 000, 003): an account suspension cancels every
 * booking of the suspended user that starts before the suspension ends, refunds the mentee in
 * full and tells the other party why, in the platform's terms. Bookings after the end stay. A
 * booking feature strike does the same for the bookings inside it (trust & safety decides when).
 */
async function cancelBookingsInsideSuspension(c: CommandContext, e: { userId: string; endsAt: Date | null; enforcementId: string; what: "ACCOUNT" | "BOOKING" }) {
  const mine = { OR: [{ mentorId: e.userId }, { menteeId: e.userId }] };
  const sessions = await c.tx.session.findMany({
    // not yet over (an overdue row is the auto-end job's), starting before the suspension ends
    where: { ...mine, state: "SCHEDULED", endsAt: { gt: c.now }, ...(e.endsAt ? { startsAt: { lt: e.endsAt } } : {}) },
    select: { id: true, mentorId: true, menteeId: true, currency: true, startsAt: true },
  });
  const kept = e.endsAt ? await c.tx.session.count({ where: { ...mine, state: "SCHEDULED", startsAt: { gte: e.endsAt } } }) : 0;
  if (!sessions.length) return { cancelled: 0, refundedMinor: 0, kept, sessions: [] };
  const terms = await getPlatform(c.tx);
  let cancelled = 0;
  let refunded = 0;
  const list: Cancelled[] = [];
  for (const s of sessions) {
    const suspendedIsMentor = s.mentorId === e.userId;
    const whose = suspendedIsMentor ? terms.mentorLabel : terms.menteeLabel;
    const cause = e.what === "ACCOUNT" ? `${capitalise(whose)} suspended by Trust & Safety` : `${capitalise(whose)}'s ${terms.sessionLabel} bookings suspended by Trust & Safety`;
    const charge = await c.tx.charge.findUnique({ where: { sessionId: s.id }, select: { amountMinor: true } });
    const refundDueMinor = charge?.amountMinor ?? 0;
    // The mentee is refunded in full through the ledger, whichever party was suspended.
    const done = await cancelScheduled(c, s, { by: "STAFF", reason: `${cause} (enforcement ${e.enforcementId})`, refundPercent: 100, refundDueMinor }, "IN_FULL", cause);
    if (!done) continue;
    cancelled++;
    refunded += done.refundedMinor;
    list.push(cancelledOf(s, done.refundedMinor));
    await c.audit({ action: "session.cancelBySuspension", subjectType: "Session", subjectId: s.id, after: { state: "CANCELLED", refundPercent: 100, refundDueMinor, enforcementId: e.enforcementId, suspended: e.userId } });
    const refundLine = suspendedIsMentor ? `You receive a full refund of ${(refundDueMinor / 100).toFixed(2)} ${s.currency}.` : `The ${terms.menteeLabel} is refunded in full.`;
    await c.notify([
      {
        userId: suspendedIsMentor ? s.menteeId : s.mentorId,
        kind: "session.cancelled",
        subject: `Your ${terms.sessionLabel} on ${when(s.startsAt)} was cancelled`,
        body: `Your ${whose} is temporarily suspended on ${terms.platformName} and cannot take part in ${terms.sessionLabel}s until the suspension ends${e.endsAt ? ` (${when(e.endsAt)})` : ""}. The ${terms.sessionLabel} is cancelled. ${refundLine}`,
        payload: { sessionId: s.id, refundDueMinor, currency: s.currency, reason: e.what === "ACCOUNT" ? "ACCOUNT_SUSPENDED" : "BOOKING_SUSPENDED" },
        dedupeKey: `session:${s.id}:cancelBySuspension`,
      },
    ]);
  }
  return { cancelled, refundedMinor: refunded, kept, sessions: list };
}

onEvent("safety.enforcementIssued", async (c, e) => {
  if (e.scope === "ACCOUNT" && e.kind === "BAN" && e.role === "MENTOR") e.effects.bookings = await cancelBookingsOfBannedMentor(c, e.userId, e.enforcementId);
  if (e.suspendsBookings) e.effects.bookings = await cancelBookingsInsideSuspension(c, { userId: e.userId, endsAt: e.endsAt, enforcementId: e.enforcementId, what: e.suspendsBookings });
});
