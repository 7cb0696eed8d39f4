// Consent to a mentorship (seed 004, mentorship agreement): a request made by one side becomes
// ACTIVE only when the other side accepts it; either side may decline; a request nobody answered
// lapses after the policy's window. Until ACTIVE the mentorship grants nothing (asParty).
import { z } from "zod";
import { asSystem, defineCommand, type CommandContext } from "../../lib/command.js";
import type { ServiceDeps } from "../../lib/deps.js";
import type { Db, DbTx } from "../../lib/db.js";
import type { PubSub } from "../../lib/pubsub.js";
import { conflict, notFound } from "../../lib/errors.js";
import { zId, zText } from "../../lib/validate.js";
import type { Actor } from "../../authz/viewer.js";
import type { Mentorship } from "../../generated/prisma/client.js";
import { currentPolicy } from "../policy/index.js";
import { announceAudit, recordAudit } from "../audit/index.js";
import { announceNotices, enqueueNotices } from "../notifications/index.js";

const DAY = 86_400_000;

/** The requester's own consent and the request's expiry, stamped when a request is made. */
export async function requestTerms(tx: DbTx, requester: { id: string; role: string }, now: Date) {
  const { values } = await currentPolicy(tx);
  return {
    mentorAcceptedAt: requester.role === "MENTOR" ? now : null,
    menteeAcceptedAt: requester.role === "MENTEE" ? now : null,
    expiresAt: new Date(now.getTime() + values.mentorships.requestExpiryDays * DAY),
  };
}

async function loadRequest(c: CommandContext, id: string): Promise<Mentorship> {
  await c.tx.$queryRaw`SELECT id FROM "Mentorship" WHERE id = ${id} FOR UPDATE`;
  const m = await c.tx.mentorship.findUnique({ where: { id } });
  if (!m) throw notFound("Mentorship", id);
  return m;
}

const me = (c: CommandContext) => (c.actor as Extract<Actor, { kind: "USER" }>).id;
const partyOf = (userId: string, m: Mentorship) => (m.mentorId === userId ? "MENTOR" : m.menteeId === userId ? "MENTEE" : null);

function assertAnswerable(m: Mentorship, now: Date) {
  if (m.status !== "PENDING") throw conflict(`The mentorship request is ${m.status.toLowerCase()}`, { status: m.status });
  if (m.expiresAt && m.expiresAt <= now) throw conflict("The mentorship request has expired", { status: "EXPIRED", expiresAt: m.expiresAt.toISOString() });
}

function authorizeParty(g: Parameters<Parameters<typeof defineCommand>[0]["authorize"]>[0], m: Mentorship) {
  const user = g.user();
  // Strangers do not learn that the request exists.
  g.require(partyOf(user.id, m) !== null, `Mentorship ${m.id} was not found`, "NOT_FOUND");
}

/** The other side accepts; once both sides have, the mentorship is ACTIVE. */
export const acceptMentorship = defineCommand({
  name: "mentorships.acceptRequest",
  input: z.object({ mentorshipId: zId }),
  load: (c, i) => loadRequest(c, i.mentorshipId),
  authorize: authorizeParty,
  run: async (c, m) => {
    assertAnswerable(m, c.now);
    const party = partyOf(me(c), m)!;
    const stamp = party === "MENTOR" ? "mentorAcceptedAt" : "menteeAcceptedAt";
    if (m[stamp]) throw conflict("You have already accepted; the other side has not answered yet");
    const other = party === "MENTOR" ? m.menteeAcceptedAt : m.mentorAcceptedAt;
    const row = await c.tx.mentorship.update({
      where: { id: m.id },
      data: { [stamp]: c.now, ...(other ? { status: "ACTIVE", activatedAt: c.now } : {}) },
    });
    await c.audit({ action: "mentorship.accept", subjectType: "Mentorship", subjectId: m.id, before: { status: m.status }, after: { status: row.status, party } });
    const otherId = party === "MENTOR" ? m.menteeId : m.mentorId;
    await c.notify([
      {
        userId: otherId,
        kind: "mentorship.accepted",
        subject: row.status === "ACTIVE" ? "Your mentorship is active" : "Your mentorship request was accepted by one side",
        body: row.status === "ACTIVE" ? "Both of you accepted: agree on the terms (objectives, scope, duration, confidentiality, commitment) to begin." : "It becomes active once the other side accepts too.",
        payload: { mentorshipId: m.id },
        dedupeKey: `mentorship-accepted:${m.id}:${party}:${c.now.getTime()}`,
        channels: ["IN_APP"],
      },
    ]);
    return row;
  },
});

/** Either side says no (the requester withdrawing is a decline too); the request grants nothing. */
export const declineMentorship = defineCommand({
  name: "mentorships.declineRequest",
  input: z.object({ mentorshipId: zId, reason: zText(1000).optional() }),
  load: (c, i) => loadRequest(c, i.mentorshipId),
  authorize: authorizeParty,
  run: async (c, m, i) => {
    assertAnswerable(m, c.now);
    const party = partyOf(me(c), m)!;
    const row = await c.tx.mentorship.update({ where: { id: m.id }, data: { status: "DECLINED", endedAt: c.now, endReason: i.reason || `Declined by the ${party.toLowerCase()}` } });
    await c.audit({ action: "mentorship.decline", subjectType: "Mentorship", subjectId: m.id, before: { status: m.status }, after: { status: row.status, party }, reason: i.reason });
    await c.notify([
      {
        userId: party === "MENTOR" ? m.menteeId : m.mentorId,
        kind: "mentorship.declined",
        subject: "A mentorship request was declined",
        body: i.reason ? `Reason given: ${i.reason}` : "No reason was given.",
        payload: { mentorshipId: m.id },
        dedupeKey: `mentorship-declined:${m.id}:${c.now.getTime()}`,
        channels: ["IN_APP"],
      },
    ]);
    return row;
  },
});

/** Requests past their expiry lapse (job; a conditional update makes each lapse once). */
const expireRequest = defineCommand({
  name: "mentorships.expireRequest",
  input: z.object({ mentorshipId: z.string(), mentorId: z.string(), menteeId: z.string() }),
  authorize: (g) => g.require(g.actor?.kind === "SYSTEM", "Only the platform expires requests"),
  run: async (c, _none, m): Promise<boolean> => {
    const { tx, now } = c;
    const won = await tx.mentorship.updateMany({ where: { id: m.mentorshipId, status: "PENDING", expiresAt: { lte: now } }, data: { status: "EXPIRED", endedAt: now, endReason: "Nobody answered the request in time" } });
    if (!won.count) return false;
    await c.audit({ action: "mentorship.expire", subjectType: "Mentorship", subjectId: m.mentorshipId, before: { status: "PENDING" }, after: { status: "EXPIRED" } });
    await c.notify(
      [m.mentorId, m.menteeId].map((userId) => ({
        userId,
        kind: "mentorship.expired",
        subject: "A mentorship request expired",
        body: "It was not answered in time. Either of you may make a new request.",
        payload: { mentorshipId: m.mentorshipId },
        dedupeKey: `mentorship-expired:${m.mentorshipId}:${now.getTime()}:${userId}`,
        channels: ["IN_APP" as const],
      })),
    );
    return true;
  },
});

/** Requests nobody answered lapse (a job; each in its own transaction, once across processes). */
export async function expireMentorshipRequests(deps: Omit<ServiceDeps, "actor" | "ability">): Promise<number> {
  const system = asSystem("mentorships.expireRequests", deps);
  const due = await deps.db.mentorship.findMany({ where: { status: "PENDING", expiresAt: { lte: deps.clock.now() } }, select: { id: true, mentorId: true, menteeId: true }, take: 500 });
  let n = 0;
  for (const m of due) if (await expireRequest(system, { mentorshipId: m.id, mentorId: m.mentorId, menteeId: m.menteeId })) n++;
  return n;
}
