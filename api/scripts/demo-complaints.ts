// Complaints that count, as demo data: beside each other in the review queue, a verified threshold
// case (five mentees who had ended sessions with Victor reported rudeness: the threshold suspended
// him and the reports say which session verified them) and an unverified burst (five accounts
// created minutes apart, one client address, no interaction with Maya, reported deception: nothing
// was enforced; the reports wait for review and a brigading detector report carries the evidence).
import { randomUUID } from "node:crypto";
import type { Db } from "../src/lib/db.js";
import { defaultPolicy } from "../src/modules/policy/policy.values.js";

const DAY = 86_400_000;
const MIN = 60_000;

export async function seedComplaintsDemo(db: Db, ids: Record<string, string>, now: Date): Promise<void> {
  const v = defaultPolicy().safety;
  const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: ids["support@demo.local"] }, select: { passwordHash: true } });
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const person = (email: string, displayName: string, role: "MENTOR" | "MENTEE", createdAt: Date, extra: object = {}) =>
    db.user.create({ data: { email, displayName, role, passwordHash, timeZone: "UTC", createdAt, ...extra } });

  // The verified threshold case.
  const victor = await person("mentor3@demo.local", "Victor Mentor", "MENTOR", ago(200 * DAY), {
    status: "SUSPENDED",
    mentorProfile: { create: { headline: "Sales coach", bio: "Victor mentors on sales.", expertise: ["sales"], hourlyRateMinor: 5000, currency: "USD", approved: true, approvedAt: ago(199 * DAY) } },
  });
  const names = ["Ana", "Ben", "Cleo", "Dev", "Eli"];
  const reports: { id: string; sessionId: string }[] = [];
  for (const [i, name] of names.entries()) {
    const mentee = await person(`${name.toLowerCase()}@demo.local`, `${name} Mentee`, "MENTEE", ago((120 + i) * DAY));
    const startsAt = ago((20 - i * 3) * DAY);
    const endsAt = new Date(startsAt.getTime() + 60 * MIN);
    const s = await db.session.create({
      data: {
        mentorId: victor.id, menteeId: mentee.id, startsAt, endsAt, durationMinutes: 60, topic: "Cold calling", hourlyRateMinor: 5000, feeMultiplierBps: 10000, priceMinor: 5000, currency: "USD",
        policyVersion: 0, channelName: `session-${randomUUID()}`, state: "ENDED", liveAt: startsAt, endedAt: endsAt, endedBy: "SYSTEM", mentorJoinedAt: startsAt, menteeJoinedAt: startsAt, createdAt: ago(30 * DAY),
      },
    });
    const r = await db.report.create({
      data: {
        reporterId: mentee.id, reporterRole: "MENTEE", subjectId: victor.id, category: "RUDENESS", sessionId: s.id,
        description: `Shouted at me and swore during our session (${name}).`, dedupeKey: `user:${mentee.id}:${victor.id}:RUDENESS:${s.id}`,
        interactionKind: "SESSION", interactionId: s.id, createdAt: new Date(endsAt.getTime() + 30 * MIN),
      },
    });
    reports.push({ id: r.id, sessionId: s.id });
  }
  const actedAt = ago(8 * DAY - 90 * MIN);
  const suspension = await db.enforcement.create({
    data: {
      userId: victor.id, kind: "SUSPENSION", category: "RUDENESS", origin: "THRESHOLD",
      reason: `Complaints of rudeness from 5 distinct mentees (threshold ${v.rudenessDistinctMentees})`,
      startsAt: actedAt, endsAt: new Date(actedAt.getTime() + v.rudenessSuspensionDays * DAY), countsUntil: new Date(actedAt.getTime() + v.strikeWindowDays * DAY),
      appealDeadline: new Date(actedAt.getTime() + v.appealWindowDays * DAY), policyVersion: 0, policyValues: { safety: v }, dedupeKey: `threshold:RUDENESS:${victor.id}:1`, createdAt: actedAt,
    },
  });
  await db.report.updateMany({ where: { id: { in: reports.map((r) => r.id) } }, data: { thresholdEnforcementId: suspension.id } });
  await db.auditLog.create({
    data: { actorKind: "SYSTEM", action: "safety.enforce", subjectType: "Enforcement", subjectId: suspension.id, after: { userId: victor.id, kind: "SUSPENSION", origin: "THRESHOLD", distinctComplainants: 5 }, reason: suspension.reason, createdAt: actedAt },
  });

  // The unverified burst against Maya.
  const maya = ids["mentor@demo.local"];
  const ip = "203.0.113.50";
  const burst: { reportId: string; reporterId: string; reporterIp: string; accountCreatedAt: string; filedAt: string; category: string }[] = [];
  for (let i = 0; i < 5; i++) {
    const createdAt = ago(26 * 60 * MIN - i * 2 * MIN); // created two minutes apart
    const u = await person(`throwaway${i + 1}@demo.local`, `New User ${i + 1}`, "MENTEE", createdAt);
    const filedAt = ago(25 * 60 * MIN - i * 3 * MIN);
    const r = await db.report.create({
      data: {
        reporterId: u.id, reporterRole: "MENTEE", subjectId: maya, category: "DECEPTION", description: "She is a fraud, do not book her.",
        dedupeKey: `user:${u.id}:${maya}:DECEPTION:-`, reporterIp: ip, createdAt: filedAt,
      },
    });
    burst.push({ reportId: r.id, reporterId: u.id, reporterIp: ip, accountCreatedAt: createdAt.toISOString(), filedAt: filedAt.toISOString(), category: "DECEPTION" });
  }
  const reporterIds = burst.map((b) => b.reporterId).sort();
  await db.report.create({
    data: {
      subjectId: maya, category: "OTHER", source: "DETECTOR", detectorRule: "brigading.burst",
      description: `Possible brigading: 5 reports from 5 accounts with no verified interaction within ${v.brigadeWindowMinutes} minutes (5 from one client address; 5 accounts created within ${v.brigadeAccountSpreadMinutes} minutes of each other). Nothing was enforced; review the reports and the accounts.`,
      evidence: {
        windowMinutes: v.brigadeWindowMinutes,
        signals: [
          { kind: "SAME_ADDRESS", address: ip, reporterIds },
          { kind: "ACCOUNTS_CREATED_TOGETHER", from: burst[0].accountCreatedAt, to: burst[4].accountCreatedAt, reporterIds },
        ],
        reports: burst,
      },
      dedupeKey: `detector:brigading.burst:${maya}:${burst[0].reportId}`,
      createdAt: new Date(new Date(burst[4].filedAt).getTime() + 1000),
    },
  });
}
