// Demo data for sessions: weekly hours for the demo mentors, and sessions about to
// start (the room is already open), live, ended, a mentor hang-up, and upcoming ones.
import { randomUUID } from "node:crypto";
import type { Db } from "../src/lib/db.js";
import { sessionPrice } from "../src/modules/sessions/session-price.js";

const MIN = 60_000;

export async function seedSessionsDemo(db: Db, ids: Record<string, string>, now: Date): Promise<void> {
  const mentor = ids["mentor@demo.local"];
  const mentor2 = ids["mentor2@demo.local"];
  const [mentee, mentee2, mentee3] = ["mentee@demo.local", "mentee2@demo.local", "mentee3@demo.local"].map((e) => ids[e]);
  const weekdays = (days: number[], start: number, end: number, timeZone: string, mentorId: string) =>
    days.map((weekday) => ({ mentorId, weekday, startMinute: start * 60, endMinute: end * 60, timeZone }));
  await db.availabilityRule.createMany({
    data: [...weekdays([1, 2, 3, 4, 5], 9, 17, "America/New_York", mentor), ...weekdays([1, 2, 3, 4, 5, 6], 10, 18, "Asia/Tokyo", mentor2)],
  });
  const nextWeek = new Date(now.getTime() + 7 * 24 * 60 * MIN).toISOString().slice(0, 10);
  await db.availabilityException.create({ data: { mentorId: mentor, date: nextWeek, kind: "UNAVAILABLE", timeZone: "America/New_York", note: "Conference" } });

  const profiles = Object.fromEntries(
    (await db.mentorProfile.findMany({ where: { userId: { in: [mentor, mentor2] } } })).map((p) => [p.userId, p]),
  );
  const base = new Date(Math.floor(now.getTime() / MIN) * MIN);
  const at = (minutes: number) => new Date(base.getTime() + minutes * MIN);
  type Extra = Partial<Parameters<Db["session"]["create"]>[0]["data"]>;
  const make = async (mentorId: string, menteeId: string, startMin: number, duration: number, topic: string, extra: Extra = {}) => {
    const p = profiles[mentorId];
    const priceMinor = sessionPrice(p.hourlyRateMinor, duration, p.feeMultiplierBps);
    const s = await db.session.create({
      data: {
        mentorId, menteeId, startsAt: at(startMin), endsAt: at(startMin + duration), durationMinutes: duration, topic,
        hourlyRateMinor: p.hourlyRateMinor, feeMultiplierBps: p.feeMultiplierBps, priceMinor, currency: p.currency,
        policyVersion: 0, channelName: `session-${randomUUID()}`, createdAt: at(startMin - 3 * 24 * 60),
        ...(extra as object),
      },
    });
    await db.charge.create({ data: { sessionId: s.id, payerId: menteeId, payeeId: mentorId, amountMinor: priceMinor, currency: p.currency, createdAt: s.createdAt } });
    return s;
  };

  // about to start: the room opens 10 minutes before, so it can be joined right away
  await make(mentor, mentee, 8, 60, "System design interview practice");
  // live: both joined, the mentor on time
  const live = await make(mentor2, mentee2, -20, 60, "Portfolio review", { state: "LIVE", liveAt: at(-21), mentorJoinedAt: at(-21), menteeJoinedAt: at(-19), mentorLateMinutes: 0 });
  await db.sessionPresence.createMany({
    data: [
      { sessionId: live.id, party: "MENTOR", userId: mentor2, kind: "JOIN", source: "CLIENT", at: at(-21) },
      { sessionId: live.id, party: "MENTEE", userId: mentee2, kind: "JOIN", source: "CLIENT", at: at(-19) },
    ],
  });
  // ended yesterday at the stipulated end
  const ended = await make(mentor, mentee3, -24 * 60, 45, "Career plan", {
    state: "ENDED", liveAt: at(-24 * 60 - 2), mentorJoinedAt: at(-24 * 60 - 2), menteeJoinedAt: at(-24 * 60 + 1), mentorLateMinutes: 0,
    endedAt: at(-24 * 60 + 45), endedBy: "SYSTEM", endReason: "Stipulated end reached",
  });
  await db.sessionPresence.createMany({
    data: [
      { sessionId: ended.id, party: "MENTOR", userId: mentor, kind: "JOIN", source: "CLIENT", at: at(-24 * 60 - 2) },
      { sessionId: ended.id, party: "MENTEE", userId: mentee3, kind: "JOIN", source: "WEBHOOK", at: at(-24 * 60 + 1) },
      { sessionId: ended.id, party: "SYSTEM", userId: null, kind: "AUTO_END", source: "SYSTEM", at: at(-24 * 60 + 45) },
    ],
  });
  // two days ago: the mentor joined 7 minutes late and hung up 20 minutes early
  const hung = await make(mentor2, mentee, -2 * 24 * 60, 60, "UX research basics", {
    state: "ENDED", liveAt: at(-2 * 24 * 60), menteeJoinedAt: at(-2 * 24 * 60), mentorJoinedAt: at(-2 * 24 * 60 + 7), mentorLateMinutes: 7,
    endedAt: at(-2 * 24 * 60 + 40), endedBy: "MENTOR", unlapsedMinutes: 20,
    endReason: "The mentor left before the stipulated end; the mentee may claim a partial refund for the unlapsed minutes",
  });
  await db.sessionPresence.createMany({
    data: [
      { sessionId: hung.id, party: "MENTEE", userId: mentee, kind: "JOIN", source: "CLIENT", at: at(-2 * 24 * 60) },
      { sessionId: hung.id, party: "MENTOR", userId: mentor2, kind: "JOIN", source: "CLIENT", at: at(-2 * 24 * 60 + 7) },
      { sessionId: hung.id, party: "MENTOR", userId: mentor2, kind: "HANG_UP", source: "CLIENT", at: at(-2 * 24 * 60 + 40), detail: { unlapsedMinutes: 20 } },
    ],
  });
  await db.lateRecord.create({ data: { sessionId: hung.id, mentorId: mentor2, lateMinutes: 7, penaltyBps: 500, recordedAt: at(-2 * 24 * 60 + 7) } });
  await db.mentorProfile.update({ where: { userId: mentor2 }, data: { feeMultiplierBps: 9500, onTimeStreak: 1 } });
  await db.feeMultiplierChange.create({
    data: {
      mentorId: mentor2, fromBps: 10000, toBps: 9500, rule: "LATE_PENALTY", sessionIds: [hung.id], policyVersion: 0, createdAt: at(-2 * 24 * 60 + 7),
      reason: `Joined 7 min after the start (grace 5 min) of session ${hung.id}; rule tardiness.latePenaltyBps lowers future fees by 5.00% for 90 days: 1.00x -> 0.95x`,
    },
  });
  // upcoming
  await make(mentor, mentee2, 24 * 60 + 60, 60, "Negotiating an offer");
  await make(mentor2, mentee3, 3 * 24 * 60, 30, "Design critique");
}
