// Tardiness (seed 000): mentor lateness = first mentor join - start. Beyond the grace period it
// is a late record, which lowers the fee multiplier of future bookings; a streak of on-time
// sessions raises it; floor and cap from the policy. Every change is stored with its reason and
// audited. This module is the only writer of fee multipliers: an upheld rudeness complaint
// (trust & safety) reaches it as the `safety.complaintUpheld` event.
import { z } from "zod";
import type { DbTx } from "../../lib/db.js";
import { defineCommand, type AuditEntry } from "../../lib/command.js";
import { onEvent } from "../../lib/events.js";
import type { Session } from "../../generated/prisma/client.js";
import type { FeeMultiplierRule } from "../../generated/prisma/enums.js";
import { currentPolicy } from "../policy/index.js";

const pct = (bps: number) => `${(bps / 100).toFixed(2)}%`;
const x = (bps: number) => `${(bps / 10_000).toFixed(2)}x`;

/** What a fee-multiplier write needs from its command: the transaction, the time, the audit. */
export interface FeeWriter {
  tx: DbTx;
  now: Date;
  audit(entry: AuditEntry): Promise<unknown>;
}

interface MultiplierChange {
  mentorId: string;
  delta: number;
  rule: FeeMultiplierRule;
  reason: string;
  sessionIds: string[];
  policyVersion: number;
  bounds: { floor: number; cap: number };
  extra?: { onTimeStreak?: number };
  /** Facts for the audit entry (the report that caused it, ...). */
  auditExtra?: Record<string, unknown>;
}

/**
 * The one fee-multiplier write: under a lock on the mentor's profile (so concurrent changes never
 * overwrite each other), bounded, with an explainable history row and an audit entry.
 * Returns the applied change, or null when the mentor has no profile.
 */
async function changeMultiplier(w: FeeWriter, m: MultiplierChange): Promise<{ fromBps: number; toBps: number } | null> {
  const rows = await w.tx.$queryRaw<{ feeMultiplierBps: number }[]>`SELECT "feeMultiplierBps" FROM "MentorProfile" WHERE "userId" = ${m.mentorId} FOR UPDATE`;
  if (!rows.length) return null;
  const from = rows[0].feeMultiplierBps;
  const to = Math.min(m.bounds.cap, Math.max(m.bounds.floor, from + m.delta));
  if (to !== from || m.extra) await w.tx.mentorProfile.update({ where: { userId: m.mentorId }, data: { feeMultiplierBps: to, ...m.extra } });
  if (to !== from) {
    await w.tx.feeMultiplierChange.create({
      data: { mentorId: m.mentorId, fromBps: from, toBps: to, rule: m.rule, reason: `${m.reason}: ${x(from)} -> ${x(to)}`, sessionIds: m.sessionIds, policyVersion: m.policyVersion, createdAt: w.now },
    });
    await w.audit({ action: "mentor.feeMultiplier", subjectType: "MentorProfile", subjectId: m.mentorId, before: { feeMultiplierBps: from }, after: { feeMultiplierBps: to, rule: m.rule, ...m.auditExtra } });
  }
  return { fromBps: from, toBps: to };
}

/**
 * Called once per session, in the transaction that records the mentor's first join (or, with
 * `joinedAt` null, the end of a session the mentor never joined).
 */
export async function recordMentorPunctuality(w: FeeWriter, s: Pick<Session, "id" | "mentorId" | "startsAt">, joinedAt: Date | null, at: Date): Promise<void> {
  const { tx } = w;
  const policy = await currentPolicy(tx);
  const t = policy.values.tardiness;
  const bounds = { floor: t.multiplierFloorBps, cap: t.multiplierCapBps };
  const lateMinutes = joinedAt ? Math.max(0, Math.floor((joinedAt.getTime() - s.startsAt.getTime()) / 60_000)) : null;
  await tx.session.update({ where: { id: s.id }, data: { mentorLateMinutes: lateMinutes } });
  const writer = { ...w, now: at };
  if (lateMinutes === null || lateMinutes > t.graceMinutes) {
    const what = lateMinutes === null ? "Did not join" : `Joined ${lateMinutes} min after the start (grace ${t.graceMinutes} min)`;
    const applied = await changeMultiplier(writer, {
      mentorId: s.mentorId,
      delta: -t.latePenaltyBps,
      rule: "LATE_PENALTY",
      reason: `${what} of session ${s.id}; rule tardiness.latePenaltyBps lowers future fees by ${pct(t.latePenaltyBps)} for ${t.lateWindowDays} days`,
      sessionIds: [s.id],
      policyVersion: policy.version,
      bounds,
      extra: { onTimeStreak: 0 },
    });
    await tx.lateRecord.create({
      data: { sessionId: s.id, mentorId: s.mentorId, lateMinutes: lateMinutes ?? 0, noShow: lateMinutes === null, penaltyBps: applied ? applied.fromBps - applied.toBps : 0, recordedAt: at },
    });
    return;
  }
  const profile = await tx.mentorProfile.update({ where: { userId: s.mentorId }, data: { onTimeStreak: { increment: 1 } }, select: { onTimeStreak: true } });
  if (profile.onTimeStreak < t.onTimeStreakLength) return;
  const streak = await tx.session.findMany({
    where: { mentorId: s.mentorId, mentorJoinedAt: { not: null }, mentorLateMinutes: { lte: t.graceMinutes } },
    orderBy: { startsAt: "desc" },
    take: t.onTimeStreakLength,
    select: { id: true },
  });
  await changeMultiplier(writer, {
    mentorId: s.mentorId,
    delta: t.streakRewardBps,
    rule: "ON_TIME_STREAK",
    reason: `${t.onTimeStreakLength} sessions in a row on time (grace ${t.graceMinutes} min); rule tardiness.streakRewardBps raises future fees by ${pct(t.streakRewardBps)}`,
    sessionIds: streak.map((r) => r.id),
    policyVersion: policy.version,
    bounds,
    extra: { onTimeStreak: 0 },
  });
}

/**
 * Job step: late records older than the policy window stop counting; their penalty is lifted,
 * with a recorded reason. Rows are claimed with SKIP LOCKED, so several processes lift each once.
 */
export const liftExpiredPenalties = defineCommand({
  name: "tardiness.liftExpiredPenalties",
  input: z.object({}),
  authorize: (g) => g.can("update", "MentorProfile"),
  run: async (c): Promise<number> => {
    const policy = await currentPolicy(c.tx);
    const t = policy.values.tardiness;
    const cutoff = new Date(c.now.getTime() - t.lateWindowDays * 86_400_000);
    const rows = await c.tx.$queryRaw<{ id: string; mentorId: string; sessionId: string; penaltyBps: number }[]>`
      SELECT id, "mentorId", "sessionId", "penaltyBps" FROM "LateRecord"
      WHERE "expiredAt" IS NULL AND "recordedAt" <= ${cutoff}
      ORDER BY "recordedAt" LIMIT 100 FOR UPDATE SKIP LOCKED`;
    for (const r of rows) {
      await c.tx.lateRecord.update({ where: { id: r.id }, data: { expiredAt: c.now } });
      if (r.penaltyBps > 0)
        await changeMultiplier(c, {
          mentorId: r.mentorId,
          delta: r.penaltyBps,
          rule: "LATE_EXPIRED",
          reason: `The late record of session ${r.sessionId} is older than ${t.lateWindowDays} days (tardiness.lateWindowDays); its penalty is lifted`,
          sessionIds: [r.sessionId],
          policyVersion: policy.version,
          bounds: { floor: t.multiplierFloorBps, cap: t.multiplierCapBps },
        });
    }
    return rows.length;
  },
});

/**
 * Seed 000: upheld rudeness/indecency lowers the mentor's future fees, in the same explainable
 * history as tardiness (rule UPHELD_COMPLAINT). Only lowered: the cap does not apply here.
 */
onEvent("safety.complaintUpheld", async (c, e) => {
  if (e.category !== "RUDENESS") return;
  const policy = await currentPolicy(c.tx);
  const step = policy.values.safety.upheldRudenessPenaltyBps;
  const change = await changeMultiplier(c, {
    mentorId: e.subjectId,
    delta: -step,
    rule: "UPHELD_COMPLAINT",
    reason: `Upheld rudeness/indecency complaint (report ${e.reportId}): -${step} bps`,
    sessionIds: e.sessionId ? [e.sessionId] : [],
    policyVersion: policy.version,
    bounds: { floor: policy.values.tardiness.multiplierFloorBps, cap: Number.MAX_SAFE_INTEGER },
    auditExtra: { reportId: e.reportId },
  });
  e.effects.feeMultiplier = change && (change.fromBps === change.toBps ? { ...change, atFloor: true } : change);
});
