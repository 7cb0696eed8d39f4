// Fixtures for the sessions tests: mentors with availability, bookings through GraphQL.
import type { TestApp, TestUser } from "./app.js";

export const SESSION_FIELDS = `id state startsAt endsAt durationMinutes priceMinor currency feeMultiplierBps hourlyRateMinor policyVersion
  endedBy endedAt unlapsedMinutes mentorNoShow menteeNoShow mentorLateMinutes refundPercent refundDueMinor cancelledBy rescheduleCount
  presence { party kind source at userId detail }`;

export const BOOK = `mutation($i: BookSessionInput!) { bookSession(input: $i) { ${SESSION_FIELDS} } }`;
export const SET_WEEKLY = `mutation($i: SetWeeklyAvailabilityInput!) { setWeeklyAvailability(input: $i) { id weekday start end timeZone } }`;
export const SLOTS = `query($m: ID!, $from: DateTime!, $to: DateTime!, $d: Int!, $tz: String) {
  availableSlots(mentorId: $m, from: $from, to: $to, durationMinutes: $d, timeZone: $tz) { startsAt endsAt localStart localEnd timeZone } }`;
export const JOIN = `mutation($id: ID!) { joinSession(input: { sessionId: $id }) { appId channelName uid token expiresAt session { id state } } }`;
export const LEAVE = `mutation($id: ID!) { leaveSession(input: { sessionId: $id }) { ${SESSION_FIELDS} } }`;
export const END = `mutation($id: ID!, $reason: String) { endSession(input: { sessionId: $id, reason: $reason }) { ${SESSION_FIELDS} } }`;
export const CANCEL = `mutation($id: ID!, $reason: String) { cancelSession(input: { sessionId: $id, reason: $reason }) { ${SESSION_FIELDS} } }`;
export const RESCHEDULE = `mutation($id: ID!, $at: DateTime!) { rescheduleSession(input: { sessionId: $id, startsAt: $at }) { ${SESSION_FIELDS} } }`;
export const SESSION = `query($id: ID!) { session(id: $id) { ${SESSION_FIELDS} } }`;

export const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "00:00", end: "24:00" }));

/** An approved mentor available around the clock (UTC) unless rules are given. */
export async function mentorWithHours(t: TestApp, opts: { rules?: { weekday: number; start: string; end: string }[]; timeZone?: string; rate?: number } = {}): Promise<TestUser> {
  const m = await t.user("MENTOR", { timeZone: opts.timeZone ?? "UTC", rate: opts.rate });
  await t.ok(SET_WEEKLY, { i: { rules: opts.rules ?? ALL_WEEK } }, m.token);
  return m;
}

export async function book(t: TestApp, mentee: TestUser, mentor: TestUser, startsAt: Date | string, durationMinutes = 60) {
  const r = await t.ok(BOOK, { i: { mentorId: mentor.id, startsAt: new Date(startsAt).toISOString(), durationMinutes } }, mentee.token);
  return r.bookSession as { id: string; startsAt: string; endsAt: string; priceMinor: number; state: string; feeMultiplierBps: number };
}

export const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);
