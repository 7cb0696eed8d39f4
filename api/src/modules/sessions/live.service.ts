// The live session state machine: SCHEDULED -> (room open) -> LIVE -> ENDED, or NO_SHOW /
// CANCELLED. Presence is a timeline of events from client calls, Agora webhooks and jobs.
// Ending rules (seed 000): the call ends at the stipulated end; only the mentee may end early;
// a mentor leaving early is a hang-up (hangup.ts): the call stays live for the mentee and, unless
// the mentor rejoins, ends as a hang-up with the unlapsed minutes recorded.
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import type { DbTx } from "../../lib/db.js";
import { defineCommand, asSystem, type CommandContext } from "../../lib/command.js";
import { DomainError, conflict } from "../../lib/errors.js";
import { zId } from "../../lib/validate.js";
import type { Session, Prisma } from "../../generated/prisma/client.js";
import type { PresenceKind, PresenceSource, SessionParty } from "../../generated/prisma/enums.js";
import { currentPolicy } from "../policy/index.js";
import { announceSession, partyOf, readableSession } from "./sessions.service.js";
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
async function markJoined(c: CommandContext, s: Session, party: "MENTOR" | "MENTEE", userId: string, at: Date, source: PresenceSource, externalId?: string) {
  const { tx } = c;
  if (s.state === "SCHEDULED") await tx.session.updateMany({ where: { id: s.id, state: "SCHEDULED" }, data: { state: "LIVE", liveAt: at } });
  const field = party === "MENTOR" ? "mentorJoinedAt" : "menteeJoinedAt";
  const first = await tx.session.updateMany({ where: { id: s.id, [field]: null }, data: { [field]: at } });
  await addPresence(tx, s.id, { party, userId, kind: "JOIN", source, at, externalId });
  if (first.count === 1 && party === "MENTOR") await recordMentorPunctuality(c, s, at, at);
}

async function lockSession(tx: DbTx, id: string): Promise<Session> {
  await tx.$queryRaw`SELECT id FROM "Session" WHERE id = ${id} FOR UPDATE`;
  return tx.session.findUniqueOrThrow({ where: { id } });
}

export interface FinishInput {
  endedBy: SessionParty;
  kind: PresenceKind;
  at: Date;
  userId: string | null;
  source: PresenceSource;
  reason?: string | null;
  unlapsedMinutes?: number | null;
  externalId?: string;
  /** The ending presence row was written earlier (a mentor's hang-up is recorded when they leave). */
  presenceRecorded?: boolean;
}

/**
 * Ends an active session (conditional update: of two concurrent enders exactly one wins and the
 * other gets `undefined`). No-shows are recorded per party; an absent mentor gets a late record.
 */
export async function finishSession(c: CommandContext, s: Session, f: FinishInput): Promise<Session | undefined> {
  const { tx } = c;
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
  if (!s.mentorJoinedAt) await recordMentorPunctuality(c, s, null, f.at);
  const session = await tx.session.findUniqueOrThrow({ where: { id: s.id } });
  await c.audit({
    action: `session.${f.kind.toLowerCase()}`,
    subjectType: "Session",
    subjectId: s.id,
    before: { state: s.state },
    after: { state: session.state, endedBy: f.endedBy, unlapsedMinutes: session.unlapsedMinutes, mentorNoShow: session.mentorNoShow, menteeNoShow: session.menteeNoShow },
    reason: f.reason,
  });
  c.afterCommit((p) => announceSession(p, session));
  return session;
}

/** Minutes of the stipulated time not given when the mentor hangs up at `at`. */
export const unlapsedMinutes = (s: Pick<Session, "startsAt" | "endsAt">, at: Date) =>
  Math.ceil((s.endsAt.getTime() - Math.max(at.getTime(), s.startsAt.getTime())) / MINUTE);

/** Ends `s` as the mentor's hang-up at the time the mentor left (presence already recorded). */
export function endAsHangUp(c: CommandContext, s: Session, leftAt: Date) {
  return finishSession(c, s, {
    endedBy: "MENTOR",
    kind: "HANG_UP",
    at: leftAt,
    userId: s.mentorId,
    source: "SYSTEM",
    unlapsedMinutes: unlapsedMinutes(s, leftAt),
    reason: HANG_UP_REASON,
    presenceRecorded: true,
  });
}

/**
 * The mentor left between the start and the stipulated end: recorded as a hang-up, the session
 * stays LIVE for the mentee (hangup.ts ends it unless the mentor rejoins). Leaving twice keeps
 * the first time.
 */
async function recordMentorLeft(c: CommandContext, s: Session, at: Date, userId: string, source: PresenceSource, externalId?: string) {
  if (await pendingHangUp(c.tx, s.id)) return;
  const rejoinBy = await rejoinDeadline(c.tx, at);
  await addPresence(c.tx, s.id, { party: "MENTOR", userId, kind: "HANG_UP", source, at, externalId, detail: { unlapsedMinutes: unlapsedMinutes(s, at), rejoinBy: rejoinBy.toISOString() } });
  await c.audit({ action: "session.mentor_left", subjectType: "Session", subjectId: s.id, before: { state: s.state }, after: { state: s.state, rejoinBy: rejoinBy.toISOString() }, reason: "The mentor left the call before the stipulated end" });
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

const userIdOf = (c: CommandContext) => (c.actor as { id: string }).id;

/** A participant enters the room (opens before the start, per policy) and gets a video token. */
export const joinSession = defineCommand({
  name: "sessions.join",
  input: idInput,
  load: (c, i) => readableSession(c.deps, c.tx, i.sessionId),
  authorize: (g, pre) => {
    g.user();
    g.can("join", "Session", pre, "Only the two participants join a session");
    const party = partyOf(g.actor, pre);
    g.require(party === "MENTOR" || party === "MENTEE", "Only the two participants join a session");
  },
  run: async (c, pre, { sessionId }): Promise<JoinResult> => {
    const { tx, now } = c;
    const party = partyOf(c.actor, pre) as "MENTOR" | "MENTEE";
    // Hosting or attending needs the code of conduct in force accepted.
    await assertConductAccepted(tx, userIdOf(c));
    const opensAt = await roomOpensAt(tx, pre);
    if (now < opensAt) throw new DomainError("PRECONDITION_FAILED", `The room opens at ${opensAt.toISOString()}`, { opensAt: opensAt.toISOString() });
    const s = await lockSession(tx, sessionId);
    if (!(ACTIVE_STATES as readonly string[]).includes(s.state) || now >= s.endsAt) throw conflict(`The session is over (${s.state === "LIVE" || s.state === "SCHEDULED" ? "past its end" : s.state})`);
    if (party === "MENTOR") {
      const leftAt = await pendingHangUp(tx, s.id);
      if (leftAt && now >= (await rejoinDeadline(tx, leftAt))) throw conflict("You left the call and did not rejoin within the rejoin window: the session ended as a hang-up");
    }
    await markJoined(c, s, party, userIdOf(c), now, "CLIENT");
    const session = await tx.session.findUniqueOrThrow({ where: { id: s.id } });
    c.afterCommit((p) => announceSession(p, session));
    // The token's privilege expires at the stipulated end: the call cannot outlast it.
    const token = buildRtcToken(session.channelName, AGORA_UID[party], session.endsAt);
    return { sessionId: session.id, channelName: session.channelName, uid: AGORA_UID[party], ...token };
  },
});

/**
 * A participant leaves the call. The mentee may come back; a mentor leaving between the start
 * and the stipulated end has hung up (seed 000): recorded, and the call stays live for the mentee.
 */
export const leaveSession = defineCommand({
  name: "sessions.leave",
  input: idInput,
  load: (c, i) => readableSession(c.deps, c.tx, i.sessionId),
  authorize: (g, pre) => {
    g.user();
    g.can("join", "Session", pre, "Only the participants leave a session");
    const party = partyOf(g.actor, pre);
    g.require(party === "MENTOR" || party === "MENTEE", "Only the participants leave a session");
  },
  run: async (c, pre, { sessionId }): Promise<Session> => {
    const { tx, now } = c;
    const party = partyOf(c.actor, pre) as "MENTOR" | "MENTEE";
    const s = await lockSession(tx, sessionId);
    if (s.state !== "LIVE") throw conflict(`The session is not live (${s.state})`);
    if (party === "MENTOR" && now >= s.startsAt && now < s.endsAt) await recordMentorLeft(c, s, now, userIdOf(c), "CLIENT");
    else await addPresence(tx, s.id, { party, userId: userIdOf(c), kind: "LEAVE", source: "CLIENT", at: now });
    const session = await tx.session.findUniqueOrThrow({ where: { id: s.id } });
    c.afterCommit((p) => announceSession(p, session));
    return session;
  },
});

const endInput = z.object({ sessionId: zId, reason: z.string().trim().max(1000).optional() });

/**
 * Ends a live session early. Ending early is solely the mentee's prerogative: the mentor is
 * refused and told to leave instead (a hang-up, hangup.ts). A mentee ending a call the mentor had
 * left without rejoining ends it as the mentor's hang-up, so the mentee keeps the partial refund.
 * Admins may end a call (moderation) with a reason.
 */
export const endSession = defineCommand({
  name: "sessions.end",
  input: endInput,
  load: (c, i) => readableSession(c.deps, c.tx, i.sessionId),
  authorize: (g, pre) => {
    g.user();
    g.can("end", "Session", pre, "You cannot end this session");
  },
  run: async (c, pre, i): Promise<Session> => {
    const { tx, now } = c;
    const userId = userIdOf(c);
    const party = partyOf(c.actor, pre);
    if (party === "STAFF" && (!i.reason || i.reason.length < 3)) throw new DomainError("BAD_USER_INPUT", "reason: staff say why they end a call", { fields: { reason: "required" } });
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
          ? await endAsHangUp(c, s, leftAt)
          : await finishSession(c, s, { endedBy: "MENTEE", kind: "END_EARLY", at: now, userId, source: "CLIENT", reason: i.reason ?? "Ended early by the mentee" })
        : await finishSession(c, s, { endedBy: "STAFF", kind: "STAFF_END", at: now, userId, source: "CLIENT", reason: i.reason });
    if (!r) throw conflict("The session has already ended");
    return r;
  },
});

/**
 * Job step: ends up to 50 sessions past their stipulated end (also the ones that became due
 * while no process ran). Rows are claimed with FOR UPDATE SKIP LOCKED and ended with a
 * conditional update, so with several API processes each session is ended exactly once.
 */
const endDueBatch = defineCommand({
  name: "sessions.autoEnd",
  input: z.object({}),
  authorize: (g) => g.can("end", "Session"),
  run: async (c): Promise<{ claimed: number; ended: number }> => {
    const due = await c.tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Session" WHERE state IN ('SCHEDULED', 'LIVE') AND "endsAt" <= ${c.now}
      ORDER BY "endsAt" LIMIT 50 FOR UPDATE SKIP LOCKED`;
    let ended = 0;
    for (const { id } of due) {
      const s = await c.tx.session.findUniqueOrThrow({ where: { id } });
      // A mentor who left and never rejoined hung up, whenever the end is noticed.
      const leftAt = s.state === "LIVE" ? await pendingHangUp(c.tx, id) : null;
      // The call ended at the stipulated end, even when this run comes later (catch-up).
      const r = leftAt ? await endAsHangUp(c, s, leftAt) : await finishSession(c, s, { endedBy: "SYSTEM", kind: "AUTO_END", at: s.endsAt, userId: null, source: "SYSTEM", reason: "Stipulated end reached" });
      if (r) ended++;
    }
    return { claimed: due.length, ended };
  },
});

/** Job: ends every session past its stipulated end, in batches. */
export async function endDueSessions(deps: ServiceDeps): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await endDueBatch(deps, {});
    total += done.ended;
    if (done.claimed < 50) return total;
  }
}

const webhookInput = z.object({
  noticeId: z.string(),
  channelName: z.string(),
  party: z.enum(["MENTOR", "MENTEE"]),
  kind: z.enum(["JOIN", "LEAVE"]),
  at: z.date(),
  normalQuit: z.boolean(),
});

/** Presence from Agora's channel events (verified webhook), as the webhook's system actor. */
const webhookPresence = defineCommand({
  name: "sessions.webhookPresence",
  input: webhookInput,
  load: (c, ev) => c.tx.session.findUnique({ where: { channelName: ev.channelName }, select: { id: true } }),
  authorize: (g) => g.can("join", "Session"),
  run: async (c, known, ev): Promise<"recorded" | "duplicate" | "ignored"> => {
    const { tx } = c;
    if (!known) return "ignored";
    // Duplicated notices are stored once.
    if (await tx.sessionPresence.findUnique({ where: { externalId: ev.noticeId }, select: { id: true } })) return "duplicate";
    const s = await lockSession(tx, known.id);
    if (!(ACTIVE_STATES as readonly string[]).includes(s.state)) return "ignored";
    const userId = ev.party === "MENTOR" ? s.mentorId : s.menteeId;
    if (ev.kind === "JOIN") {
      if (ev.at >= s.endsAt) return "ignored";
      await markJoined(c, s, ev.party, userId, ev.at, "WEBHOOK", ev.noticeId);
    } else if (ev.party === "MENTOR" && ev.normalQuit && s.state === "LIVE" && ev.at >= s.startsAt && ev.at < s.endsAt) {
      await recordMentorLeft(c, s, ev.at, userId, "WEBHOOK", ev.noticeId);
    } else {
      await addPresence(tx, s.id, { party: ev.party, userId, kind: "LEAVE", source: "WEBHOOK", at: ev.at, externalId: ev.noticeId });
    }
    const after = await tx.session.findUniqueOrThrow({ where: { id: s.id } });
    c.afterCommit((p) => announceSession(p, after));
    return "recorded";
  },
});

export const recordWebhookPresence = (deps: Omit<ServiceDeps, "actor" | "ability">, ev: z.infer<typeof webhookInput>) => webhookPresence(asSystem("agora-webhook", deps), ev);
