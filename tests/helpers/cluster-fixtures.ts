// Rows the cluster tests hand to the running jobs, written directly into the shared database
// (the subject under test is the jobs' exactly-once claiming; booking has its own tests).
import { randomUUID } from "node:crypto";
import type { Cluster } from "./cluster.js";

type Db = Cluster["db"];
const MIN = 60_000;

async function people(db: Db, n: number, role: "MENTOR" | "MENTEE", tag: string): Promise<string[]> {
  const rows = Array.from({ length: n }, (_, i) => ({ id: `${tag}-${role.toLowerCase()}-${i}-${randomUUID().slice(0, 8)}`, email: `${tag}-${role}-${i}-${randomUUID().slice(0, 8)}@cluster.test`, passwordHash: "x", displayName: `${role} ${i}`, role }));
  await db.user.createMany({ data: rows });
  return rows.map((r) => r.id);
}

const sessionRow = (mentorId: string, menteeId: string, startsAt: Date, extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  mentorId,
  menteeId,
  startsAt,
  endsAt: new Date(startsAt.getTime() + 60 * MIN),
  durationMinutes: 60,
  hourlyRateMinor: 6000,
  feeMultiplierBps: 10000,
  priceMinor: 6000,
  currency: "USD",
  policyVersion: 1,
  channelName: `cluster-${randomUUID()}`,
  createdAt: new Date(startsAt.getTime() - 24 * 60 * MIN),
  ...extra,
});

/**
 * `n` live calls (both parties joined) whose stipulated end has passed: the auto-end job owes
 * each exactly one end. One mentor, one mentee, back-to-back hours in the past (no overlap).
 */
export async function overdueLiveSessions(db: Db, n: number, tag: string): Promise<string[]> {
  const [mentorId] = await people(db, 1, "MENTOR", tag);
  const [menteeId] = await people(db, 1, "MENTEE", tag);
  const now = Date.now();
  const rows = Array.from({ length: n }, (_, i) => {
    const startsAt = new Date(now - (i + 2) * 61 * MIN);
    return sessionRow(mentorId, menteeId, startsAt, { state: "LIVE", liveAt: startsAt, mentorJoinedAt: startsAt, menteeJoinedAt: startsAt, mentorLateMinutes: 0 });
  });
  await db.session.createMany({ data: rows });
  return rows.map((r) => r.id);
}

/** `n` scheduled sessions starting in 30 minutes, each with its own pair: one reminder each is due. */
export async function sessionsStartingSoon(db: Db, n: number, tag: string): Promise<{ ids: string[]; userIds: string[] }> {
  const mentors = await people(db, n, "MENTOR", tag);
  const mentees = await people(db, n, "MENTEE", tag);
  const startsAt = new Date(Date.now() + 30 * MIN);
  const rows = mentors.map((m, i) => sessionRow(m, mentees[i], startsAt));
  await db.session.createMany({ data: rows });
  return { ids: rows.map((r) => r.id), userIds: [...mentors, ...mentees] };
}

/** `n` ended sessions with a charge and an uncontested partial refund whose window has closed. */
export async function duePartialRefunds(db: Db, n: number, tag: string, amountMinor = 1500): Promise<string[]> {
  const [mentorId] = await people(db, 1, "MENTOR", tag);
  const [menteeId] = await people(db, 1, "MENTEE", tag);
  const now = Date.now();
  const sessions = Array.from({ length: n }, (_, i) => {
    const startsAt = new Date(now - (i + 30) * 61 * MIN);
    return sessionRow(mentorId, menteeId, startsAt, { state: "ENDED", endedAt: new Date(startsAt.getTime() + 40 * MIN), endedBy: "MENTOR", unlapsedMinutes: 20 });
  });
  const charges = sessions.map((s) => ({ id: randomUUID(), sessionId: s.id, payerId: menteeId, payeeId: mentorId, amountMinor: 6000, currency: "USD", createdAt: s.createdAt }));
  const requests = sessions.map((s, i) => ({
    sessionId: s.id,
    chargeId: charges[i].id,
    menteeId,
    mentorId,
    priceMinor: 6000,
    scheduledMinutes: 60,
    unlapsedMinutes: 20,
    amountMinor,
    currency: "USD",
    reason: "mentor hung up early",
    contestDeadline: new Date(now - MIN),
    createdAt: new Date(now - 3 * 24 * 60 * MIN),
  }));
  await db.$transaction([db.session.createMany({ data: sessions }), db.charge.createMany({ data: charges }), db.partialRefundRequest.createMany({ data: requests })]);
  return sessions.map((s) => s.id);
}

/** How many times each id occurs in `values` (for "exactly once" assertions with useful diffs). */
export function tally(ids: readonly string[], values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 0]));
  for (const v of values) if (v in out) out[v]++;
  return out;
}

export const onceEach = (ids: readonly string[]) => Object.fromEntries(ids.map((id) => [id, 1]));
