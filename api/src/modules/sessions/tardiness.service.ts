// Tardiness (seed 000): mentor lateness = first mentor join - start. Beyond the grace period it
// is a late record, which lowers the fee multiplier of future bookings; a streak of on-time
// sessions raises it; floor and cap from the policy. Every change is stored with its reason.
import type { DbTx } from "../../lib/db.js";
import type { Session } from "../../generated/prisma/client.js";
import type { FeeMultiplierRule } from "../../generated/prisma/enums.js";
import { currentPolicy } from "../policy/index.js";

const pct = (bps: number) => `${(bps / 100).toFixed(2)}%`;
const x = (bps: number) => `${(bps / 10_000).toFixed(2)}x`;

async function changeMultiplier(
  tx: DbTx,
  mentorId: string,
  delta: number,
  rule: FeeMultiplierRule,
  reason: string,
  sessionIds: string[],
  policyVersion: number,
  bounds: { floor: number; cap: number },
  at: Date,
  extra: { onTimeStreak?: number } = {},
): Promise<number> {
  const profile = await tx.mentorProfile.findUniqueOrThrow({ where: { userId: mentorId }, select: { feeMultiplierBps: true } });
  const from = profile.feeMultiplierBps;
  const to = Math.min(bounds.cap, Math.max(bounds.floor, from + delta));
  await tx.mentorProfile.update({ where: { userId: mentorId }, data: { feeMultiplierBps: to, ...extra } });
  if (to !== from) {
    await tx.feeMultiplierChange.create({
      data: { mentorId, fromBps: from, toBps: to, rule, reason: `${reason}: ${x(from)} -> ${x(to)}`, sessionIds, policyVersion, createdAt: at },
    });
  }
  return to - from;
}

/**
 * Called once per session, in the transaction that records the mentor's first join (or, with
 * `noShow`, the end of a session the mentor never joined).
 */
export async function recordMentorPunctuality(tx: DbTx, s: Pick<Session, "id" | "mentorId" | "startsAt">, joinedAt: Date | null, at: Date): Promise<void> {
  const policy = await currentPolicy(tx);
  const t = policy.values.tardiness;
  const bounds = { floor: t.multiplierFloorBps, cap: t.multiplierCapBps };
  const lateMinutes = joinedAt ? Math.max(0, Math.floor((joinedAt.getTime() - s.startsAt.getTime()) / 60_000)) : null;
  await tx.session.update({ where: { id: s.id }, data: { mentorLateMinutes: lateMinutes } });
  if (lateMinutes === null || lateMinutes > t.graceMinutes) {
    const what = lateMinutes === null ? "Did not join" : `Joined ${lateMinutes} min after the start (grace ${t.graceMinutes} min)`;
    const applied = await changeMultiplier(
      tx,
      s.mentorId,
      -t.latePenaltyBps,
      "LATE_PENALTY",
      `${what} of session ${s.id}; rule tardiness.latePenaltyBps lowers future fees by ${pct(t.latePenaltyBps)} for ${t.lateWindowDays} days`,
      [s.id],
      policy.version,
      bounds,
      at,
      { onTimeStreak: 0 },
    );
    await tx.lateRecord.create({
      data: { sessionId: s.id, mentorId: s.mentorId, lateMinutes: lateMinutes ?? 0, noShow: lateMinutes === null, penaltyBps: -applied, recordedAt: at },
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
  await changeMultiplier(
    tx,
    s.mentorId,
    t.streakRewardBps,
    "ON_TIME_STREAK",
    `${t.onTimeStreakLength} sessions in a row on time (grace ${t.graceMinutes} min); rule tardiness.streakRewardBps raises future fees by ${pct(t.streakRewardBps)}`,
    streak.map((r) => r.id),
    policy.version,
    bounds,
    at,
    { onTimeStreak: 0 },
  );
}

/**
 * Late records older than the policy window stop counting: their penalty is lifted, with a
 * recorded reason. Rows are claimed with SKIP LOCKED, so several processes lift each once.
 */
export async function liftExpiredPenalties(tx: DbTx, now: Date): Promise<number> {
  const policy = await currentPolicy(tx);
  const t = policy.values.tardiness;
  const cutoff = new Date(now.getTime() - t.lateWindowDays * 86_400_000);
  const rows = await tx.$queryRaw<{ id: string; mentorId: string; sessionId: string; penaltyBps: number }[]>`
    SELECT id, "mentorId", "sessionId", "penaltyBps" FROM "LateRecord"
    WHERE "expiredAt" IS NULL AND "recordedAt" <= ${cutoff}
    ORDER BY "recordedAt" LIMIT 100 FOR UPDATE SKIP LOCKED`;
  for (const r of rows) {
    await tx.lateRecord.update({ where: { id: r.id }, data: { expiredAt: now } });
    if (r.penaltyBps > 0)
      await changeMultiplier(
        tx,
        r.mentorId,
        r.penaltyBps,
        "LATE_EXPIRED",
        `The late record of session ${r.sessionId} is older than ${t.lateWindowDays} days (tardiness.lateWindowDays); its penalty is lifted`,
        [r.sessionId],
        policy.version,
        { floor: t.multiplierFloorBps, cap: t.multiplierCapBps },
        now,
      );
  }
  return rows.length;
}
