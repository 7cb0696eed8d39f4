// Booking, cancellation and rescheduling. Overlaps are refused by the database (exclusion
// constraints); buffers are checked under a lock on the mentor's profile row so that two
// concurrent bookings cannot both pass the check.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { DateTime } from "luxon";
import { subject } from "@casl/ability";
import type { ServiceDeps } from "../../lib/deps.js";
import type { DbTx } from "../../lib/db.js";
import type { PubSub } from "../../lib/pubsub.js";
import { DomainError, conflict, notFound } from "../../lib/errors.js";
import { parseInput, zId } from "../../lib/validate.js";
import { assertCan } from "../../authz/assert.js";
import { defineCommand, type CommandContext } from "../../lib/command.js";
import type { Actor } from "../../authz/viewer.js";
import type { Session } from "../../generated/prisma/client.js";
import { currentPolicy, policyAtVersion, type PolicyValues } from "../policy/index.js";
import type { NoticeInput } from "../notifications/index.js";
import { getPlatform, capitalise } from "../platform/index.js";
import { activeBookings, bookableMentor, checkDuration, loadAvailability, openRanges, slotProblem, type SlotProblem } from "./availability.service.js";
import { sessionPrice } from "./session-price.js";
import { assertConductAccepted } from "../conduct/index.js";
import { captureBookingCharge, claimIdempotency, isIdempotencyTaken, replayIdempotent, zIdempotencyKey } from "../money/index.js";

const HOUR = 3_600_000;

/** After commit: the participants' and the staff's feeds. Events carry ids only. */
export function announceSession(pubsub: PubSub, s: Pick<Session, "id" | "mentorId" | "menteeId">): void {
  pubsub.publish("sessionUpdated", s.id, { id: s.id });
  pubsub.publish("liveSessions", { id: s.id, mentorId: s.mentorId, menteeId: s.menteeId });
}

export const viewerId = (deps: ServiceDeps) => {
  if (deps.actor?.kind !== "USER") throw new DomainError("UNAUTHENTICATED", "Sign in first");
  return deps.actor.id;
};

/** The session if the viewer may read it; otherwise NOT_FOUND (no existence leak). */
export async function readableSession(deps: ServiceDeps, db: DbTx, id: string): Promise<Session> {
  const s = await db.session.findUnique({ where: { id } });
  if (!s || !deps.ability.can("read", subject("Session", s))) throw notFound("Session", id);
  return s;
}

export type Party = "MENTOR" | "MENTEE" | "STAFF";
export const partyOf = (actor: Actor | null, s: Pick<Session, "mentorId" | "menteeId">): Party | undefined => {
  if (actor?.kind !== "USER") return undefined;
  if (actor.id === s.mentorId) return "MENTOR";
  if (actor.id === s.menteeId) return "MENTEE";
  if (actor.role === "ADMIN" || actor.role === "SUPPORT") return "STAFF";
  return undefined;
};

export async function lockMentor(tx: DbTx, mentorId: string): Promise<void> {
  await tx.$queryRaw`SELECT "userId" FROM "MentorProfile" WHERE "userId" = ${mentorId} FOR UPDATE`;
}

const PROBLEMS: Record<SlotProblem, (p: PolicyValues["scheduling"]) => DomainError> = {
  MIN_NOTICE: (p) => new DomainError("BAD_USER_INPUT", `Sessions must be booked at least ${p.minNoticeMinutes} minutes ahead`, { fields: { startsAt: "minimum notice" } }),
  TOO_FAR_AHEAD: (p) => new DomainError("BAD_USER_INPUT", `Sessions can be booked at most ${p.maxBookingDaysAhead} days ahead`, { fields: { startsAt: "too far ahead" } }),
  OUTSIDE_AVAILABILITY: () => new DomainError("BAD_USER_INPUT", "That time is not one of the mentor's available slots", { fields: { startsAt: "not an available slot" } }),
  BUFFER_OR_BOOKED: (p) => conflict(`That time is taken (bookings keep ${p.bufferMinutes} minutes between sessions)`),
  ASKER_BUSY: () => conflict("You already have a session at that time"),
};

/** Checks a start time against availability, notice, buffers and both parties' bookings. */
async function assertBookable(
  tx: DbTx,
  policy: PolicyValues["scheduling"],
  a: { mentorId: string; menteeId: string; startsAt: Date; durationMinutes: number; now: Date; exceptSessionId?: string },
) {
  const endsAt = new Date(a.startsAt.getTime() + a.durationMinutes * 60_000);
  const { rules, exceptions } = await loadAvailability(tx, a.mentorId);
  const problem = slotProblem(a.startsAt.getTime(), openRanges(rules, exceptions, a.startsAt, endsAt), {
    now: a.now,
    durationMinutes: a.durationMinutes,
    policy,
    mentorBusy: await activeBookings(tx, { mentorId: a.mentorId }, a.startsAt, endsAt, a.exceptSessionId),
    askerBusy: await activeBookings(tx, { menteeId: a.menteeId }, a.startsAt, endsAt, a.exceptSessionId),
  });
  if (problem) throw PROBLEMS[problem](policy);
  return endsAt;
}

const isExclusion = (e: unknown) => /23P01|exclusion constraint|no_overlap/i.test(String((e as Error)?.message ?? ""));

/** The notices telling the other party (or both, for staff) what happened to their session. */
export async function noticesToOthers(c: CommandContext, s: Session, actorParty: Party, kind: string, text: (who: string, when: string, label: string) => string, key: string): Promise<NoticeInput[]> {
  const terms = await getPlatform(c.tx);
  const users = await c.tx.user.findMany({ where: { id: { in: [s.mentorId, s.menteeId] } }, select: { id: true, timeZone: true, displayName: true } });
  const who = actorParty === "MENTOR" ? capitalise(terms.mentorLabel) : actorParty === "MENTEE" ? capitalise(terms.menteeLabel) : `${terms.platformName} staff`;
  return users
    .filter((u) => (actorParty === "MENTOR" ? u.id !== s.mentorId : actorParty === "MENTEE" ? u.id !== s.menteeId : true))
    .map((u) => ({
      userId: u.id,
      kind,
      subject: `${terms.platformName}: ${terms.sessionLabel} ${kind.split(".")[1]}`,
      body: text(who, DateTime.fromJSDate(s.startsAt, { zone: u.timeZone }).toFormat("ccc d LLL yyyy, HH:mm ZZZZ"), terms.sessionLabel),
      payload: { sessionId: s.id },
      dedupeKey: `${kind}:${s.id}:${key}:${u.id}`,
    }));
}

const bookInput = z.object({
  mentorId: zId,
  startsAt: z.date(),
  durationMinutes: z.number().int(),
  topic: z.string().trim().max(500).optional(),
  /** Booked within a mentorship: the session carries the mentorship and its program. */
  mentorshipId: zId.optional(),
  /** Booked within a program both parties belong to (without a mentorship). */
  programId: zId.optional(),
  // Lazy: money and sessions import each other (money reads sessions); the key schema is read at parse time.
  idempotencyKey: z.lazy(() => zIdempotencyKey).optional(),
});
type BookInput = z.infer<typeof bookInput>;

/** The mentorship and program a booking belongs to; program-scoped enforcement matches on it. */
async function bookingScope(db: DbTx, i: BookInput, menteeId: string): Promise<{ mentorshipId: string | null; programId: string | null }> {
  if (i.mentorshipId) {
    const m = await db.mentorship.findUnique({ where: { id: i.mentorshipId }, select: { mentorId: true, menteeId: true, programId: true, status: true } });
    if (!m || m.menteeId !== menteeId) throw notFound("Mentorship", i.mentorshipId);
    if (m.mentorId !== i.mentorId) throw new DomainError("BAD_USER_INPUT", "That mentorship is with another mentor", { fields: { mentorshipId: "another mentor" } });
    if (m.status === "COMPLETED" || m.status === "ENDED") throw new DomainError("PRECONDITION_FAILED", `The mentorship has ${m.status.toLowerCase()}`);
    if (i.programId && i.programId !== m.programId) throw new DomainError("BAD_USER_INPUT", "The mentorship belongs to another program", { fields: { programId: "not the mentorship's program" } });
    return { mentorshipId: i.mentorshipId, programId: m.programId };
  }
  if (i.programId) {
    if (!(await db.program.findUnique({ where: { id: i.programId }, select: { id: true } }))) throw notFound("Program", i.programId);
    const members = await db.programMember.count({ where: { programId: i.programId, userId: { in: [i.mentorId, menteeId] } } });
    if (members !== 2) throw new DomainError("PRECONDITION_FAILED", "Both the mentor and the mentee must be members of the program");
    return { mentorshipId: null, programId: i.programId };
  }
  return { mentorshipId: null, programId: null };
}

// What safety's loadRestrictions counts as restricting. Read here rather than imported: safety
// depends on sessions (a ban cancels bookings), so importing it back would be a cycle.
const RESTRICTING_KINDS = ["STRIKE", "SUSPENSION", "BAN"] as const;

/** FEATURE_SUSPENDED (with the reason and end) when the program is suspended for its mentor. */
async function assertProgramOpen(db: DbTx, programId: string, mentorId: string, now: Date): Promise<void> {
  const e = await db.enforcement.findFirst({
    where: {
      scope: "PROGRAM",
      programId,
      overturnedAt: null,
      kind: { in: [...RESTRICTING_KINDS] },
      OR: [{ endsAt: null }, { endsAt: { gt: now } }],
      program: { is: { members: { some: { userId: mentorId, role: { in: ["MENTOR", "SUPPORT"] } } } } },
    },
    orderBy: { startsAt: "asc" },
    select: { id: true, reason: true, endsAt: true },
  });
  if (!e) return;
  const until = e.endsAt ? `until ${e.endsAt.toISOString()}` : "permanently";
  throw new DomainError("FEATURE_SUSPENDED", `Sessions in this program are suspended ${until}: ${e.reason}`, {
    enforcementId: e.id,
    scope: "PROGRAM",
    programId,
    reason: e.reason,
    endsAt: e.endsAt ? e.endsAt.toISOString() : null,
    permanent: !e.endsAt,
  });
}

const bookParams = (i: BookInput) => ({ mentorId: i.mentorId, startsAt: i.startsAt, durationMinutes: i.durationMinutes, topic: i.topic, mentorshipId: i.mentorshipId, programId: i.programId });

const bookSessionCommand = defineCommand({
  name: "sessions.book",
  input: bookInput,
  authorize: (g) => {
    g.user();
    g.can("book", "Session", undefined, "Only mentees book sessions");
  },
  run: async (c, _none, i): Promise<Session> => {
    const { tx, now } = c;
    // A keyed retry is answered by the replay before any check (a slot taken by the first
    // attempt, or a mentor who stopped taking bookings since): the key is claimed first.
    const recordResult = i.idempotencyKey ? await claimIdempotency(tx, c.actor, now, { operation: "bookSession", key: i.idempotencyKey, params: bookParams(i), resultType: "Session" }) : null;
    const menteeId = (c.actor as { id: string }).id;
    const policy = await currentPolicy(tx);
    checkDuration(policy.values.scheduling, i.durationMinutes);
    const mentor = await bookableMentor(tx, i.mentorId);
    if (mentor.id === menteeId) throw new DomainError("BAD_USER_INPUT", "You cannot book yourself");
    const scope = await bookingScope(tx, i, menteeId);
    // Row-level: a program-scoped suspension refuses booking within that program only, whether it
    // binds the booker (their ability) or the program's mentor (the program takes no bookings).
    assertCan(c.ability, "book", "Session", { mentorId: mentor.id, menteeId, ...scope }, "Only mentees book sessions");
    if (scope.programId) await assertProgramOpen(tx, scope.programId, mentor.id, now);
    // Code of conduct (seed 002): both must have accepted the version in force.
    await assertConductAccepted(tx, menteeId);
    await assertConductAccepted(tx, mentor.id, "the mentor");
    await lockMentor(tx, mentor.id);
    // Re-read under the lock: the multiplier and rate in force now are the ones snapshotted.
    const profile = await tx.mentorProfile.findUniqueOrThrow({ where: { userId: mentor.id } });
    const endsAt = await assertBookable(tx, policy.values.scheduling, { mentorId: mentor.id, menteeId, startsAt: i.startsAt, durationMinutes: i.durationMinutes, now });
    const priceMinor = sessionPrice(profile.hourlyRateMinor, i.durationMinutes, profile.feeMultiplierBps);
    const s = await tx.session.create({
      data: {
        mentorId: mentor.id,
        menteeId,
        ...scope,
        startsAt: i.startsAt,
        endsAt,
        durationMinutes: i.durationMinutes,
        topic: i.topic ?? "",
        hourlyRateMinor: profile.hourlyRateMinor,
        feeMultiplierBps: profile.feeMultiplierBps,
        priceMinor,
        currency: profile.currency,
        policyVersion: policy.version,
        channelName: `session-${randomUUID()}`,
        createdAt: now,
      },
    });
    await captureBookingCharge(tx, { sessionId: s.id, payerId: menteeId, payeeId: mentor.id, amountMinor: priceMinor, currency: profile.currency, at: now });
    await c.notify(await noticesToOthers(c, s, "MENTEE", "session.booked", (who, when, label) => `${who} booked a ${label} with you on ${when}.`, String(s.startsAt.getTime())));
    await recordResult?.(s.id);
    c.afterCommit((p) => announceSession(p, s));
    return s;
  },
});

/**
 * Books and takes the charge. With an idempotency key (Stripe's semantics, as for refunds) a
 * retry with the same input replays the first booking and a different input is a CONFLICT: a
 * client retrying after a timeout never books or pays twice.
 */
export async function bookSession(deps: ServiceDeps, input: unknown): Promise<Session> {
  const i = parseInput(bookInput, input);
  const keyed = i.idempotencyKey ? { operation: "bookSession", key: i.idempotencyKey, params: bookParams(i), resultType: "Session" } : null;
  const load = (id: string) => deps.db.session.findUniqueOrThrow({ where: { id } });
  if (keyed) {
    const earlier = await replayIdempotent(deps, keyed, load);
    if (earlier) return earlier;
  }
  try {
    return await bookSessionCommand(deps, i);
  } catch (e) {
    if (keyed && isIdempotencyTaken(e)) {
      const earlier = await replayIdempotent(deps, keyed, load);
      if (earlier) return earlier;
    }
    if (isExclusion(e)) throw conflict("That time is already taken");
    throw e;
  }
}

const rescheduleInput = z.object({ sessionId: zId, startsAt: z.date() });

/** Either participant moves a scheduled session to another free slot, early enough (policy). */
const rescheduleSessionCommand = defineCommand({
  name: "sessions.reschedule",
  input: rescheduleInput,
  load: (c, i) => readableSession(c.deps, c.tx, i.sessionId),
  authorize: (g, s) => {
    g.user();
    g.can("update", "Session", s, "Only the participants reschedule a session");
  },
  run: async (c, s, i): Promise<Session> => {
    const { tx, now } = c;
    const party = partyOf(c.actor, s)!;
    if (s.state !== "SCHEDULED") throw conflict(`Only a scheduled session can be rescheduled (this one is ${s.state})`);
    const terms = (await policyAtVersion(tx, s.policyVersion)).values.scheduling;
    if (s.startsAt.getTime() - now.getTime() < terms.rescheduleMinHours * HOUR)
      throw new DomainError("PRECONDITION_FAILED", `Sessions can be rescheduled at most ${terms.rescheduleMinHours} hours before the start`, { minHours: terms.rescheduleMinHours });
    const scheduling = (await currentPolicy(tx)).values.scheduling;
    await lockMentor(tx, s.mentorId);
    const endsAt = await assertBookable(tx, scheduling, { mentorId: s.mentorId, menteeId: s.menteeId, startsAt: i.startsAt, durationMinutes: s.durationMinutes, now, exceptSessionId: s.id });
    const res = await tx.session.updateMany({
      where: { id: s.id, state: "SCHEDULED", startsAt: s.startsAt },
      data: { startsAt: i.startsAt, endsAt, rescheduleCount: { increment: 1 } },
    });
    if (res.count !== 1) throw conflict("The session changed meanwhile; reload it");
    const after = await tx.session.findUniqueOrThrow({ where: { id: s.id } });
    await c.audit({ action: "session.reschedule", subjectType: "Session", subjectId: s.id, before: { startsAt: s.startsAt }, after: { startsAt: after.startsAt }, reason: `by ${party}` });
    await c.notify(await noticesToOthers(c, after, party, "session.rescheduled", (who, when, label) => `${who} moved your ${label} to ${when}.`, String(after.startsAt.getTime())));
    c.afterCommit((p) => announceSession(p, after));
    return after;
  },
});

export async function rescheduleSession(deps: ServiceDeps, input: unknown): Promise<Session> {
  try {
    return await rescheduleSessionCommand(deps, input);
  } catch (e) {
    if (isExclusion(e)) throw conflict("That time is already taken");
    throw e;
  }
}
