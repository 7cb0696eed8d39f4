// The live session state machine: SCHEDULED -> (room open) -> LIVE -> ENDED, or NO_SHOW /
// CANCELLED. Presence is a timeline of events from client calls, Agora webhooks and jobs.
// Ending rules (seed 000): the call ends at the stipulated end; only the mentee may end early;
// a mentor leaving early is a hang-up (hangup.ts): the call stays live for the mentee and, unless
// the mentor rejoins, ends as a hang-up with the unlapsed minutes recorded.
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import type { Db, DbTx } from "../../lib/db.js";
import type { PubSub } from "../../lib/pubsub.js";
import { DomainError, conflict } from "../../lib/errors.js";
import { TRANSACTION_OPTIONS } from "../../lib/command.js";
import { parseInput, zId } from "../../lib/validate.js";
import { assertCan } from "../../authz/assert.js";
import type { Actor } from "../../authz/viewer.js";
import type { Session, Prisma } from "../../generated/prisma/client.js";
import type { PresenceKind, PresenceSource, SessionParty } from "../../generated/prisma/enums.js";
import { recordAudit, announceAudit } from "../audit/index.js";
import { currentPolicy } from "../policy/index.js";
import { announceSession, partyOf, readableSession, viewerId } from "./sessions.service.js";
import { recordMentorPunctuality } from "./tardiness.service.js";
import { AGORA_UID, buildRtcToken } from "./video-token.js";
import { ACTIVE_STATES } from "./availability.service.js";
import { assertConductAccepted } from "../conduct/index.js";
import { HANG_UP_REASON, pendingHangUp, rejoinDeadline } from "./hangup.js";

const MINUTE = 60_000;

export async function roomOpensAt(db: DbTx, s: Pick<Session, "startsAt">): Promise<Date> {
  const { values } = await currentPolicy(db);
  return new Date(s.startsAt.getTime() - values.scheduling.roomOpensMinutesBefore * MINUTE);
}

interface PresenceInput {
  party: SessionParty;
  userId: string | null;
  kind: PresenceKind;
  source: PresenceSource;
  at: Date;
  externalId?: string;
  detail?: Record<string, unknown>;
}

const addPresence = (tx: DbTx, sessionId: string, p: PresenceInput) =>
  tx.sessionPresence.create({
    data: { sessionId, party: p.party, userId: p.userId, kind: p.kind, source: p.source, at: p.at, externalId: p.externalId ?? null, detail: p.detail as Prisma.InputJsonValue | undefined },
  });

/** Join effects shared by `joinSession` and the Agora webhook; the session row is locked. */
async function markJoined(tx: DbTx, s: Session, party: "MENTOR" | "MENTEE", userId: string, at: Date, source: PresenceSource, externalId?: string) {
  if (s.state === "SCHEDULED") await tx.session.updateMany({ where: { id: s.id, state: "SCHEDULED" }, data: { state: "LIVE", liveAt: at } });
  const field = party === "MENTOR" ? "mentorJoinedAt" : "menteeJoinedAt";
  const first = await tx.session.updateMany({ where: { id: s.id, [field]: null }, data: { [field]: at } });
  await addPresence(tx, s.id, { party, userId, kind: "JOIN", source, at, externalId });
  if (first.count === 1 && party === "MENTOR") await recordMentorPunctuality(tx, s, at, at);
}

async function lockSession(tx: DbTx, id: string): Promise<Session> {
  await tx.$queryRaw`SELECT id FROM "Session" WHERE id = ${id} FOR UPDATE`;
  return tx.session.findUniqueOrThrow({ where: { id } });
}

export interface FinishInput {
  endedBy: SessionParty;
  kind: PresenceKind;
  at: Date;
  actor: Actor | null;
  userId: string | null;
  source: PresenceSource;
  reason?: string | null;
  unlapsedMinutes?: number | null;
  externalId?: string;
  requestId?: string;
  /** The ending presence row was written earlier (a mentor's hang-up is recorded when they leave). */
  presenceRecorded?: boolean;
}

/**
 * Ends an active session (conditional update: of two concurrent enders exactly one wins and the
 * other gets `undefined`). No-shows are recorded per party; an absent mentor gets a late record.
 */
export async function finishSession(tx: DbTx, s: Session, f: FinishInput): Promise<{ session: Session; auditId: { id: string } } | undefined> {
  const bothJoined = !!s.mentorJoinedAt && !!s.menteeJoinedAt;
  const res = await tx.session.updateMany({
    where: { id: s.id, state: { in: [...ACTIVE_STATES] } },
    data: {
      state: bothJoined ? "ENDED" : "NO_SHOW",
      endedAt: f.at,
      endedBy: f.endedBy,
      endReason: f.reason ?? null,
      unlapsedMinutes: f.unlapsedMinutes ?? null,
      mentorNoShow: !s.mentorJoinedAt,
      menteeNoShow: !s.menteeJoinedAt,
    },
  });
  if (res.count !== 1) return undefined;
  if (!f.presenceRecorded) await addPresence(tx, s.id, { party: f.endedBy, userId: f.userId, kind: f.kind, source: f.source, at: f.at, externalId: f.externalId, detail: f.unlapsedMinutes ? { unlapsedMinutes: f.unlapsedMinutes } : undefined });
  if (!bothJoined)
    await addPresence(tx, s.id, { party: "SYSTEM", userId: null, kind: "NO_SHOW", source: "SYSTEM", at: f.at, detail: { mentorNoShow: !s.mentorJoinedAt, menteeNoShow: !s.menteeJoinedAt } });
  if (!s.mentorJoinedAt) await recordMentorPunctuality(tx, s, null, f.at);
  const session = await tx.session.findUniqueOrThrow({ where: { id: s.id } });
  const auditId = await recordAudit(
    tx,
    f.actor,
    { action: `session.${f.kind.toLowerCase()}`, subjectType: "Session", subjectId: s.id, before: { state: s.state }, after: { state: session.state, endedBy: f.endedBy, unlapsedMinutes: session.unlapsedMinutes, mentorNoShow: session.mentorNoShow, menteeNoShow: session.menteeNoShow }, reason: f.reason },
    f.requestId,
  );
  return { session, auditId };
}

/** Minutes of the stipulated time not given when the mentor hangs up at `at`. */
export const unlapsedMinutes = (s: Pick<Session, "startsAt" | "endsAt">, at: Date) =>
  Math.ceil((s.endsAt.getTime() - Math.max(at.getTime(), s.startsAt.getTime())) / MINUTE);

/** Ends `s` as the mentor's hang-up at the time the mentor left (presence already recorded). */
export function endAsHangUp(tx: DbTx, s: Session, leftAt: Date, actor: Actor | null, requestId?: string) {
  return finishSession(tx, s, {
    endedBy: "MENTOR",
    kind: "HANG_UP",
    at: leftAt,
    actor,
    userId: s.mentorId,
    source: "SYSTEM",
    unlapsedMinutes: unlapsedMinutes(s, leftAt),
    reason: HANG_UP_REASON,
    requestId,
    presenceRecorded: true,
  });
}

/**
 * The mentor left between the start and the stipulated end: recorded as a hang-up, the session
 * stays LIVE for the mentee (hangup.ts ends it unless the mentor rejoins). Leaving twice keeps
 * the first time.
 */
async function recordMentorLeft(tx: DbTx, s: Session, at: Date, actor: Actor | null, userId: string, source: PresenceSource, requestId?: string, externalId?: string) {
  if (await pendingHangUp(tx, s.id)) return [];
  const rejoinBy = await rejoinDeadline(tx, at);
  await addPresence(tx, s.id, { party: "MENTOR", userId, kind: "HANG_UP", source, at, externalId, detail: { unlapsedMinutes: unlapsedMinutes(s, at), rejoinBy: rejoinBy.toISOString() } });
  const audit = await recordAudit(
    tx,
    actor,
    { action: "session.mentor_left", subjectType: "Session", subjectId: s.id, before: { state: s.state }, after: { state: s.state, rejoinBy: rejoinBy.toISOString() }, reason: "The mentor left the call before the stipulated end" },
    requestId,
  );
  return [audit];
}

const idInput = z.object({ sessionId: zId });

export interface JoinResult {
  sessionId: string;
  appId: string;
  channelName: string;
  uid: number;
  token: string;
  expiresAt: Date;
}

/** A participant enters the room (opens before the start, per policy) and gets a video token. */
export async function joinSession(deps: ServiceDeps, input: unknown): Promise<JoinResult> {
  const { sessionId } = parseInput(idInput, input);
  const userId = viewerId(deps);
  const now = deps.clock.now();
  const pre = await readableSession(deps, deps.db, sessionId);
  const party = partyOf(deps.actor, pre);
  assertCan(deps.ability, "join", "Session", pre, "Only the two participants join a session");
  if (party !== "MENTOR" && party !== "MENTEE") throw new DomainError("FORBIDDEN", "Only the two participants join a session");
  // Hosting or attending needs the code of conduct in force accepted (issue 6).
  await assertConductAccepted(deps.db, userId);
  const opensAt = await roomOpensAt(deps.db, pre);
  if (now < opensAt) throw new DomainError("PRECONDITION_FAILED", `The room opens at ${opensAt.toISOString()}`, { opensAt: opensAt.toISOString() });
  const session = await deps.db.$transaction(async (tx) => {
    const s = await lockSession(tx, sessionId);
    if (!(ACTIVE_STATES as readonly string[]).includes(s.state) || now >= s.endsAt) throw conflict(`The session is over (${s.state === "LIVE" || s.state === "SCHEDULED" ? "past its end" : s.state})`);
    if (party === "MENTOR") {
      const leftAt = await pendingHangUp(tx, s.id);
      if (leftAt && now >= (await rejoinDeadline(tx, leftAt))) throw conflict("You left the call and did not rejoin within the rejoin window: the session ended as a hang-up");
    }
    await markJoined(tx, s, party, userId, now, "CLIENT");
    return tx.session.findUniqueOrThrow({ where: { id: s.id } });
  });
  announceSession(deps.pubsub, session);
  // The token's privilege expires at the stipulated end: the call cannot outlast it.
  const token = buildRtcToken(session.channelName, AGORA_UID[party], session.endsAt);
  return { sessionId: session.id, channelName: session.channelName, uid: AGORA_UID[party], ...token };
}

/**
 * A participant leaves the call. The mentee may come back; a mentor leaving between the start
 * and the stipulated end has hung up (seed 000): recorded, and the call stays live for the mentee.
 */
export async function leaveSession(deps: ServiceDeps, input: unknown): Promise<Session> {
  const { sessionId } = parseInput(idInput, input);
  const userId = viewerId(deps);
  const now = deps.clock.now();
  const pre = await readableSession(deps, deps.db, sessionId);
  assertCan(deps.ability, "join", "Session", pre, "Only the participants leave a session");
  const party = partyOf(deps.actor, pre);
  if (party !== "MENTOR" && party !== "MENTEE") throw new DomainError("FORBIDDEN", "Only the participants leave a session");
  const audits: { id: string }[] = [];
  const session = await deps.db.$transaction(async (tx) => {
    const s = await lockSession(tx, sessionId);
    if (s.state !== "LIVE") throw conflict(`The session is not live (${s.state})`);
    if (party === "MENTOR" && now >= s.startsAt && now < s.endsAt) audits.push(...(await recordMentorLeft(tx, s, now, deps.actor, userId, "CLIENT", deps.requestId)));
    else await addPresence(tx, s.id, { party, userId, kind: "LEAVE", source: "CLIENT", at: now });
    return tx.session.findUniqueOrThrow({ where: { id: s.id } });
  });
  announceSession(deps.pubsub, session);
  announceAudit(deps.pubsub, audits);
  return session;
}

const endInput = z.object({ sessionId: zId, reason: z.string().trim().max(1000).optional() });

/**
 * Ends a live session early. Ending early is solely the mentee's prerogative: the mentor is
 * refused and told to leave instead (a hang-up, hangup.ts). A mentee ending a call the mentor had
 * left without rejoining ends it as the mentor's hang-up, so the mentee keeps the partial refund.
 * Admins may end a call (moderation) with a reason.
 */
export async function endSession(deps: ServiceDeps, input: unknown): Promise<Session> {
  const i = parseInput(endInput, input);
  const userId = viewerId(deps);
  const now = deps.clock.now();
  const pre = await readableSession(deps, deps.db, i.sessionId);
  assertCan(deps.ability, "end", "Session", pre, "You cannot end this session");
  const party = partyOf(deps.actor, pre);
  if (party === "STAFF" && (!i.reason || i.reason.length < 3)) throw new DomainError("BAD_USER_INPUT", "reason: staff say why they end a call", { fields: { reason: "required" } });
  const audits: { id: string }[] = [];
  const session = await deps.db.$transaction(async (tx) => {
    const s = await lockSession(tx, i.sessionId);
    if (s.state !== "LIVE") throw conflict(s.state === "SCHEDULED" ? "The session has not started; cancel it instead" : `The session is not live (${s.state})`);
    if (now >= s.endsAt) throw conflict("The session is past its stipulated end and ends automatically");
    if (party === "MENTOR")
      throw new DomainError("FORBIDDEN", "Only the mentee ends a session early; as the mentor you can leave the call (leaveSession), which is recorded as a hang-up", {
        rule: "MENTEE_ENDS_EARLY",
        alternative: "leaveSession",
      });
    const leftAt = party === "MENTEE" ? await pendingHangUp(tx, s.id) : null;
    const r =
      party === "MENTEE"
        ? leftAt
          ? await endAsHangUp(tx, s, leftAt, deps.actor, deps.requestId)
          : await finishSession(tx, s, { endedBy: "MENTEE", kind: "END_EARLY", at: now, actor: deps.actor, userId, source: "CLIENT", reason: i.reason ?? "Ended early by the mentee", requestId: deps.requestId })
        : await finishSession(tx, s, { endedBy: "STAFF", kind: "STAFF_END", at: now, actor: deps.actor, userId, source: "CLIENT", reason: i.reason, requestId: deps.requestId });
    if (!r) throw conflict("The session has already ended");
    audits.push(r.auditId);
    return r.session;
  });
  announceSession(deps.pubsub, session);
  announceAudit(deps.pubsub, audits);
  return session;
}

/**
 * Ends every session past its stipulated end (also the ones that became due while no process
 * ran). Rows are claimed with FOR UPDATE SKIP LOCKED and ended with a conditional update, so
 * with several API processes each session is ended exactly once.
 */
export async function endDueSessions(db: Db, pubsub: PubSub, now: Date, actor: Actor): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await db.$transaction(async (tx) => {
      const due = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Session" WHERE state IN ('SCHEDULED', 'LIVE') AND "endsAt" <= ${now}
        ORDER BY "endsAt" LIMIT 50 FOR UPDATE SKIP LOCKED`;
      const out: { session: Session; auditId: { id: string } }[] = [];
      for (const { id } of due) {
        const s = await tx.session.findUniqueOrThrow({ where: { id } });
        // A mentor who left and never rejoined hung up, whenever the end is noticed.
        const leftAt = s.state === "LIVE" ? await pendingHangUp(tx, id) : null;
        // The call ended at the stipulated end, even when this run comes later (catch-up).
        const r = leftAt ? await endAsHangUp(tx, s, leftAt, actor) : await finishSession(tx, s, { endedBy: "SYSTEM", kind: "AUTO_END", at: s.endsAt, actor, userId: null, source: "SYSTEM", reason: "Stipulated end reached" });
        if (r) out.push(r);
      }
      return { claimed: due.length, ended: out };
      // Prisma's default 5 s is too short for a batch on a loaded machine with several processes
      // contending: the batch would roll back on every round and never finish.
    }, TRANSACTION_OPTIONS);
    for (const r of done.ended) announceSession(pubsub, r.session);
    announceAudit(pubsub, done.ended.map((r) => r.auditId));
    total += done.ended.length;
    if (done.claimed < 50) return total;
  }
}

/** Presence from Agora's channel events (verified webhook). Duplicated notices are stored once. */
export async function recordWebhookPresence(
  db: ServiceDeps["db"],
  pubsub: PubSub,
  ev: { noticeId: string; channelName: string; party: "MENTOR" | "MENTEE"; kind: "JOIN" | "LEAVE"; at: Date; normalQuit: boolean },
  actor: Actor,
): Promise<"recorded" | "duplicate" | "ignored"> {
  const known = await db.session.findUnique({ where: { channelName: ev.channelName }, select: { id: true } });
  if (!known) return "ignored";
  if (await db.sessionPresence.findUnique({ where: { externalId: ev.noticeId }, select: { id: true } })) return "duplicate";
  const audits: { id: string }[] = [];
  const result = await db.$transaction(async (tx) => {
    const s = await lockSession(tx, known.id);
    if (!(ACTIVE_STATES as readonly string[]).includes(s.state)) return undefined;
    const userId = ev.party === "MENTOR" ? s.mentorId : s.menteeId;
    if (ev.kind === "JOIN") {
      if (ev.at >= s.endsAt) return undefined;
      await markJoined(tx, s, ev.party, userId, ev.at, "WEBHOOK", ev.noticeId);
    } else if (ev.party === "MENTOR" && ev.normalQuit && s.state === "LIVE" && ev.at >= s.startsAt && ev.at < s.endsAt) {
      audits.push(...(await recordMentorLeft(tx, s, ev.at, actor, userId, "WEBHOOK", undefined, ev.noticeId)));
    } else {
      await addPresence(tx, s.id, { party: ev.party, userId, kind: "LEAVE", source: "WEBHOOK", at: ev.at, externalId: ev.noticeId });
    }
    return tx.session.findUniqueOrThrow({ where: { id: s.id } });
  });
  if (!result) return "ignored";
  announceSession(pubsub, result);
  announceAudit(pubsub, audits);
  return "recorded";
}
