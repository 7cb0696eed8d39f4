// availability, slots, booking, double-booking race, cancel / reschedule windows, calendar.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, type TestApp } from "../helpers/app.js";
import { runAllJobs } from "../../api/src/jobs/runner.js";
import { sessionRemindersJob } from "../../api/src/modules/sessions/sessions.jobs.js";
import { logger } from "../../api/src/lib/logger.js";
import { ALL_WEEK, BOOK, CANCEL, RESCHEDULE, SET_WEEKLY, SLOTS, at, book, mentorWithHours } from "../helpers/sessions.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T09:00:00Z" });
});
afterAll(() => t?.close());

const jobDeps = () => ({ db: t.db, pubsub: t.app.pubsub, clock: t.clock, logger });
const setPolicy = async (changes: Record<string, unknown>) => {
  const admin = await t.user("ADMIN");
  await t.ok(`mutation($c: JSON!) { updatePolicy(input: { changes: $c, reason: "test change" }) { version } }`, { c: changes }, admin.token);
};

describe("availability and slots", () => {
  it("slots stay at the mentor's wall-clock hours across a DST change, in two time zones", async () => {
    t.clock.set("2026-03-04T00:00:00Z");
    // New York springs forward on 2026-03-08; the Berlin asker does not change until 2026-03-29.
    const ny = await mentorWithHours(t, { timeZone: "America/New_York", rules: [1, 5].map((weekday) => ({ weekday, start: "09:00", end: "10:00" })) });
    const berliner = await t.user("MENTEE", { timeZone: "Europe/Berlin" });
    const r = await t.ok(SLOTS, { m: ny.id, from: "2026-03-06T00:00:00Z", to: "2026-03-10T00:00:00Z", d: 60 }, berliner.token);
    expect(r.availableSlots.map((s: any) => [s.startsAt, s.localStart])).toEqual([
      ["2026-03-06T14:00:00.000Z", "2026-03-06T15:00:00+01:00"], // Fri 09:00 EST
      ["2026-03-09T13:00:00.000Z", "2026-03-09T14:00:00+01:00"], // Mon 09:00 EDT: one hour earlier for Berlin
    ]);
    expect(r.availableSlots[0].timeZone).toBe("Europe/Berlin");

    // Berlin springs forward on 2026-03-29; the New York asker already changed on 03-08.
    t.clock.set("2026-03-25T00:00:00Z");
    const berlin = await mentorWithHours(t, { timeZone: "Europe/Berlin", rules: [1, 5].map((weekday) => ({ weekday, start: "09:00", end: "10:00" })) });
    const newYorker = await t.user("MENTEE", { timeZone: "America/New_York" });
    const r2 = await t.ok(SLOTS, { m: berlin.id, from: "2026-03-27T00:00:00Z", to: "2026-03-31T00:00:00Z", d: 60 }, newYorker.token);
    expect(r2.availableSlots.map((s: any) => [s.startsAt, s.localStart])).toEqual([
      ["2026-03-27T08:00:00.000Z", "2026-03-27T04:00:00-04:00"], // Fri 09:00 CET
      ["2026-03-30T07:00:00.000Z", "2026-03-30T03:00:00-04:00"], // Mon 09:00 CEST
    ]);
    // an explicit zone argument overrides the viewer's
    const r3 = await t.ok(SLOTS, { m: berlin.id, from: "2026-03-30T00:00:00Z", to: "2026-03-31T00:00:00Z", d: 60, tz: "Asia/Kolkata" }, newYorker.token);
    expect(r3.availableSlots[0].localStart).toBe("2026-03-30T12:30:00+05:30");
  });

  it("honours minimum notice from the policy data", async () => {
    t.clock.set("2026-04-06T09:00:00Z");
    const m = await mentorWithHours(t);
    const mentee = await t.user("MENTEE");
    const slots = async () =>
      (await t.ok(SLOTS, { m: m.id, from: "2026-04-06T09:00:00Z", to: "2026-04-06T13:00:00Z", d: 60 }, mentee.token)).availableSlots.map((s: any) => s.startsAt);
    // default 120 minutes of notice: nothing before 11:00
    expect((await slots())[0]).toBe("2026-04-06T11:00:00.000Z");
    const early = await t.gql(BOOK, { i: { mentorId: m.id, startsAt: "2026-04-06T10:30:00Z", durationMinutes: 60 } }, mentee.token);
    expect(codes(early)).toEqual(["BAD_USER_INPUT"]);
    expect(early.errors![0].message).toMatch(/120 minutes/);
    await setPolicy({ scheduling: { minNoticeMinutes: 30 } });
    expect((await slots())[0]).toBe("2026-04-06T09:30:00.000Z");
    await setPolicy({ scheduling: { minNoticeMinutes: 120 } });
  });

  it("keeps the policy buffer between sessions and respects existing bookings", async () => {
    t.clock.set("2026-04-13T06:00:00Z");
    const m = await mentorWithHours(t);
    const [a, b] = [await t.user("MENTEE"), await t.user("MENTEE")];
    await book(t, a, m, "2026-04-13T10:00:00Z", 60);
    const q = { m: m.id, from: "2026-04-13T08:00:00Z", to: "2026-04-13T13:00:00Z", d: 60 };
    const starts = async () => (await t.ok(SLOTS, q, b.token)).availableSlots.map((s: any) => s.startsAt.slice(11, 16));
    // 10:00-11:00 booked, 10 min buffer: 09:00 (ends 10:00) and 11:00 (starts 11:00) are too close
    expect(await starts()).toEqual(["08:00", "08:30", "11:30", "12:00", "12:30"]);
    const close = await t.gql(BOOK, { i: { mentorId: m.id, startsAt: "2026-04-13T11:00:00Z", durationMinutes: 60 } }, b.token);
    expect(codes(close)).toEqual(["CONFLICT"]);
    await setPolicy({ scheduling: { bufferMinutes: 0 } });
    expect(await starts()).toEqual(["08:00", "08:30", "09:00", "11:00", "11:30", "12:00", "12:30"]);
    await setPolicy({ scheduling: { bufferMinutes: 10 } });
  });

  it("applies days off and extra hours in the mentor's zone", async () => {
    t.clock.set("2026-04-20T00:00:00Z");
    const m = await mentorWithHours(t, { timeZone: "Asia/Tokyo", rules: [{ weekday: 3, start: "09:00", end: "10:00" }] });
    const mentee = await t.user("MENTEE");
    const ADD = `mutation($i: AddAvailabilityExceptionInput!) { addAvailabilityException(input: $i) { id date kind start end timeZone } }`;
    const off = await t.ok(ADD, { i: { date: "2026-04-22", kind: "UNAVAILABLE" } }, m.token);
    expect(off.addAvailabilityException.timeZone).toBe("Asia/Tokyo");
    await t.ok(ADD, { i: { date: "2026-04-23", kind: "AVAILABLE", start: "14:00", end: "15:00" } }, m.token);
    const r = await t.ok(SLOTS, { m: m.id, from: "2026-04-21T00:00:00Z", to: "2026-04-30T00:00:00Z", d: 60 }, mentee.token);
    // Wed 22 off; Thu 23 14:00 JST extra; Wed 29 09:00 JST regular
    expect(r.availableSlots.map((s: any) => s.startsAt)).toEqual(["2026-04-23T05:00:00.000Z", "2026-04-29T00:00:00.000Z"]);
    expect(codes(await t.gql(ADD, { i: { date: "2026-04-24", kind: "AVAILABLE" } }, m.token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await t.gql(ADD, { i: { date: "2026-04-24", kind: "UNAVAILABLE" } }, mentee.token))).toEqual(["FORBIDDEN"]);
    await t.ok(`mutation($id: ID!) { removeAvailabilityException(id: $id) }`, { id: off.addAvailabilityException.id }, m.token);
    const other = await mentorWithHours(t);
    expect(codes(await t.gql(`mutation($id: ID!) { removeAvailabilityException(id: $id) }`, { id: off.addAvailabilityException.id }, other.token))).toEqual(["NOT_FOUND"]);
  });

  it("refuses bad slot queries and availability with coded errors", async () => {
    const m = await mentorWithHours(t);
    const mentee = await t.user("MENTEE");
    expect(codes(await t.gql(SLOTS, { m: m.id, from: "2026-05-02T00:00:00Z", to: "2026-05-01T00:00:00Z", d: 60 }, mentee.token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await t.gql(SLOTS, { m: m.id, from: "2026-05-01T00:00:00Z", to: "2026-07-01T00:00:00Z", d: 60 }, mentee.token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await t.gql(SLOTS, { m: m.id, from: "2026-05-01T00:00:00Z", to: "2026-05-02T00:00:00Z", d: 7 }, mentee.token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await t.gql(SLOTS, { m: m.id, from: "2026-05-01T00:00:00Z", to: "2026-05-02T00:00:00Z", d: 60, tz: "Mars/Base" }, mentee.token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await t.gql(SLOTS, { m: mentee.id, from: "2026-05-01T00:00:00Z", to: "2026-05-02T00:00:00Z", d: 60 }, mentee.token))).toEqual(["NOT_FOUND"]);
    expect(codes(await t.gql(SET_WEEKLY, { i: { rules: [{ weekday: 8, start: "09:00", end: "10:00" }] } }, m.token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await t.gql(SET_WEEKLY, { i: { rules: [{ weekday: 1, start: "11:00", end: "10:00" }] } }, m.token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await t.gql(SET_WEEKLY, { i: { rules: ALL_WEEK } }, mentee.token))).toEqual(["FORBIDDEN"]);
  });
});

describe("booking", () => {
  it("prices rate x duration x the mentor's multiplier, snapshots it and charges the mentee up front", async () => {
    t.clock.set("2026-05-04T06:00:00Z");
    const m = await mentorWithHours(t, { rate: 9000 });
    await t.db.mentorProfile.update({ where: { userId: m.id }, data: { feeMultiplierBps: 9500 } });
    const mentee = await t.user("MENTEE");
    const s = await book(t, mentee, m, "2026-05-04T10:00:00Z", 90);
    // 9000/h x 1.5 h x 0.95
    expect(s).toMatchObject({ priceMinor: 12825, feeMultiplierBps: 9500, state: "SCHEDULED" });
    const charge = await t.db.charge.findUniqueOrThrow({ where: { sessionId: s.id } });
    expect(charge).toMatchObject({ payerId: mentee.id, payeeId: m.id, amountMinor: 12825, currency: "USD", status: "CAPTURED" });
    // the snapshot does not follow later changes of rate or multiplier
    await t.db.mentorProfile.update({ where: { userId: m.id }, data: { feeMultiplierBps: 10000, hourlyRateMinor: 1 } });
    const again = await t.ok(`query($id: ID!) { session(id: $id) { priceMinor hourlyRateMinor feeMultiplierBps } }`, { id: s.id }, mentee.token);
    expect(again.session).toEqual({ priceMinor: 12825, hourlyRateMinor: 9000, feeMultiplierBps: 9500 });
  });

  it("books only approved mentors, only as a mentee, only available slots", async () => {
    t.clock.set("2026-05-11T06:00:00Z");
    const mentee = await t.user("MENTEE");
    const pending = await t.user("MENTOR", { approved: false });
    await t.db.availabilityRule.createMany({ data: ALL_WEEK.map((r) => ({ mentorId: pending.id, weekday: r.weekday, startMinute: 0, endMinute: 1440, timeZone: "UTC" })) });
    const r = await t.gql(BOOK, { i: { mentorId: pending.id, startsAt: "2026-05-11T10:00:00Z", durationMinutes: 60 } }, mentee.token);
    expect(codes(r)).toEqual(["PRECONDITION_FAILED"]);
    const m = await mentorWithHours(t, { rules: [{ weekday: 1, start: "09:00", end: "12:00" }] });
    const asMentor = await t.gql(BOOK, { i: { mentorId: m.id, startsAt: "2026-05-11T10:00:00Z", durationMinutes: 60 } }, (await mentorWithHours(t)).token);
    expect(codes(asMentor)).toEqual(["FORBIDDEN"]);
    expect(codes(await t.gql(BOOK, { i: { mentorId: m.id, startsAt: "2026-05-11T14:00:00Z", durationMinutes: 60 } }, mentee.token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await t.gql(BOOK, { i: { mentorId: m.id, startsAt: "2026-05-11T10:10:00Z", durationMinutes: 60 } }, mentee.token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await t.gql(BOOK, { i: { mentorId: m.id, startsAt: "not-a-date", durationMinutes: 60 } }, mentee.token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await t.gql(BOOK, { i: { mentorId: "nope", startsAt: "2026-05-11T10:00:00Z", durationMinutes: 60 } }, mentee.token))).toEqual(["NOT_FOUND"]);
    await book(t, mentee, m, "2026-05-11T10:00:00Z");
    // the same mentee cannot be in two sessions at once, with another mentor either
    const other = await mentorWithHours(t);
    expect(codes(await t.gql(BOOK, { i: { mentorId: other.id, startsAt: "2026-05-11T10:30:00Z", durationMinutes: 60 } }, mentee.token))).toEqual(["CONFLICT"]);
    expect(await t.db.session.count({ where: { menteeId: mentee.id } })).toBe(1);
  });

  it("50 concurrent overlapping bookings of one mentor: exactly one wins", async () => {
    t.clock.set("2026-05-18T06:00:00Z");
    const m = await mentorWithHours(t);
    const mentees = await Promise.all(Array.from({ length: 50 }, () => t.user("MENTEE")));
    const results = await Promise.all(
      mentees.map((u, i) =>
        t.gql(BOOK, { i: { mentorId: m.id, startsAt: i % 2 ? "2026-05-18T10:00:00Z" : "2026-05-18T10:30:00Z", durationMinutes: 60 } }, u.token),
      ),
    );
    const ok = results.filter((r) => r.data?.bookSession);
    expect(ok).toHaveLength(1);
    expect(results.filter((r) => !r.data?.bookSession).map((r) => codes(r)[0])).toEqual(Array(49).fill("CONFLICT"));
    expect(await t.db.session.count({ where: { mentorId: m.id } })).toBe(1);
    expect(await t.db.charge.count({ where: { payeeId: m.id } })).toBe(1);
  });

  it("the database itself refuses overlapping active sessions of a mentor or a mentee", async () => {
    const m = await mentorWithHours(t);
    const [a, b] = [await t.user("MENTEE"), await t.user("MENTEE")];
    const m2 = await mentorWithHours(t);
    const row = (mentorId: string, menteeId: string, start: string, end: string, state = "SCHEDULED" as const) => ({
      mentorId, menteeId, startsAt: new Date(start), endsAt: new Date(end), durationMinutes: 60, hourlyRateMinor: 1, feeMultiplierBps: 10000,
      priceMinor: 1, currency: "USD", policyVersion: 0, channelName: `c-${Math.random()}`, state,
    });
    await t.db.session.create({ data: row(m.id, a.id, "2026-06-01T10:00:00Z", "2026-06-01T11:00:00Z") });
    await expect(t.db.session.create({ data: row(m.id, b.id, "2026-06-01T10:59:00Z", "2026-06-01T11:59:00Z") })).rejects.toThrow(/exclusion|23P01|no_overlap/i);
    await expect(t.db.session.create({ data: row(m2.id, a.id, "2026-06-01T10:30:00Z", "2026-06-01T11:30:00Z") })).rejects.toThrow(/exclusion|23P01|no_overlap/i);
    // back to back is fine; cancelled sessions do not block
    await t.db.session.create({ data: row(m.id, b.id, "2026-06-01T11:00:00Z", "2026-06-01T12:00:00Z") });
    await t.db.session.create({ data: row(m.id, b.id, "2026-06-01T10:00:00Z", "2026-06-01T11:00:00Z", "CANCELLED" as never) });
  });
});

describe("cancel and reschedule windows (policy of the booking)", () => {
  it("mentee: full refund early, the late percentage inside the window; never after the start", async () => {
    t.clock.set("2026-06-08T06:00:00Z");
    const m = await mentorWithHours(t, { rate: 6000 });
    const mentee = await t.user("MENTEE");
    const early = await book(t, mentee, m, "2026-06-10T10:00:00Z");
    const c1 = await t.ok(CANCEL, { id: early.id }, mentee.token);
    expect(c1.cancelSession).toMatchObject({ state: "CANCELLED", cancelledBy: "MENTEE", refundPercent: 100, refundDueMinor: 6000 });
    const late = await book(t, mentee, m, "2026-06-08T20:00:00Z");
    const c2 = await t.ok(CANCEL, { id: late.id }, mentee.token);
    expect(c2.cancelSession).toMatchObject({ refundPercent: 50, refundDueMinor: 3000 });
    expect(codes(await t.gql(CANCEL, { id: late.id }, mentee.token))).toEqual(["CONFLICT"]);
    const started = await book(t, mentee, m, "2026-06-08T10:00:00Z");
    t.clock.set("2026-06-08T10:05:00Z");
    expect(codes(await t.gql(CANCEL, { id: started.id }, mentee.token))).toEqual(["PRECONDITION_FAILED"]);
  });

  it("mentor: only early enough; unrelated users cannot see it; support cancels with a reason", async () => {
    t.clock.set("2026-06-15T06:00:00Z");
    const m = await mentorWithHours(t);
    const mentee = await t.user("MENTEE");
    const stranger = await t.user("MENTEE");
    const soon = await book(t, mentee, m, "2026-06-15T20:00:00Z");
    const r = await t.gql(CANCEL, { id: soon.id }, m.token);
    expect(codes(r)).toEqual(["PRECONDITION_FAILED"]);
    expect(r.errors![0].extensions!.minHours).toBe(24);
    expect(codes(await t.gql(CANCEL, { id: soon.id }, stranger.token))).toEqual(["NOT_FOUND"]);
    const support = await t.user("SUPPORT");
    expect(codes(await t.gql(CANCEL, { id: soon.id }, support.token))).toEqual(["BAD_USER_INPUT"]);
    const bySupport = await t.ok(CANCEL, { id: soon.id, reason: "mentor emergency, confirmed by phone" }, support.token);
    expect(bySupport.cancelSession).toMatchObject({ cancelledBy: "STAFF", refundPercent: 100 });
    expect(await t.db.auditLog.count({ where: { subjectId: soon.id, action: "session.cancel", actorId: support.id } })).toBe(1);
    const later = await book(t, mentee, m, "2026-06-17T10:00:00Z");
    expect((await t.ok(CANCEL, { id: later.id }, m.token)).cancelSession).toMatchObject({ cancelledBy: "MENTOR", refundPercent: 100 });
    // the other party is told, in the outbox
    expect(await t.db.notification.count({ where: { userId: mentee.id, kind: "session.cancelled" } })).toBeGreaterThan(0);
  });

  it("the booking keeps the cancel terms of its policy version", async () => {
    t.clock.set("2026-06-22T06:00:00Z");
    const m = await mentorWithHours(t);
    const mentee = await t.user("MENTEE");
    const s = await book(t, mentee, m, "2026-06-22T20:00:00Z");
    await setPolicy({ scheduling: { menteeCancelLateRefundPercent: 10 } });
    expect((await t.ok(CANCEL, { id: s.id }, mentee.token)).cancelSession.refundPercent).toBe(50);
    const s2 = await book(t, mentee, m, "2026-06-22T22:00:00Z");
    expect((await t.ok(CANCEL, { id: s2.id }, mentee.token)).cancelSession.refundPercent).toBe(10);
    await setPolicy({ scheduling: { menteeCancelLateRefundPercent: 50 } });
  });

  it("reschedules to a free slot early enough; not inside the window, not onto a taken slot", async () => {
    t.clock.set("2026-06-29T06:00:00Z");
    const m = await mentorWithHours(t);
    const [mentee, other, stranger] = [await t.user("MENTEE"), await t.user("MENTEE"), await t.user("MENTEE")];
    const s = await book(t, mentee, m, "2026-07-02T10:00:00Z");
    await book(t, other, m, "2026-07-03T10:00:00Z");
    expect(codes(await t.gql(RESCHEDULE, { id: s.id, at: "2026-07-03T10:30:00Z" }, mentee.token))).toEqual(["CONFLICT"]);
    expect(codes(await t.gql(RESCHEDULE, { id: s.id, at: "2026-07-04T10:00:00Z" }, stranger.token))).toEqual(["NOT_FOUND"]);
    const moved = await t.ok(RESCHEDULE, { id: s.id, at: "2026-07-02T10:30:00Z" }, mentee.token);
    expect(moved.rescheduleSession).toMatchObject({ startsAt: "2026-07-02T10:30:00.000Z", endsAt: "2026-07-02T11:30:00.000Z", rescheduleCount: 1 });
    const byMentor = await t.ok(RESCHEDULE, { id: s.id, at: "2026-07-04T09:00:00Z" }, m.token);
    expect(byMentor.rescheduleSession.rescheduleCount).toBe(2);
    t.clock.set("2026-07-03T12:00:00Z");
    const late = await t.gql(RESCHEDULE, { id: s.id, at: "2026-07-05T09:00:00Z" }, mentee.token);
    expect(codes(late)).toEqual(["PRECONDITION_FAILED"]);
  });
});

describe("calendar and reminders", () => {
  it("serves a private .ics feed; only the token's hash is stored; rotating revokes the old URL", async () => {
    t.clock.set("2026-07-06T06:00:00Z");
    const m = await mentorWithHours(t);
    const mentee = await t.user("MENTEE", { displayName: "Ics Mentee" });
    const s = await book(t, mentee, m, "2026-07-08T10:00:00Z");
    const ROTATE = `mutation { rotateCalendarFeed { url path createdAt } }`;
    const first = (await t.ok(ROTATE, {}, m.token)).rotateCalendarFeed;
    const token = first.path.match(/\/calendar\/(.+)\.ics$/)[1];
    const stored = await t.db.calendarFeed.findUniqueOrThrow({ where: { userId: m.id } });
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.tokenHash).not.toContain(token);
    const res = await fetch(t.url + first.path);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/calendar/);
    const ics = await res.text();
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain(s.id);
    expect(ics).toContain("DTSTART:20260708T100000Z");
    expect(ics).toContain("Session with Ics Mentee (mentee)");
    const second = (await t.ok(ROTATE, {}, m.token)).rotateCalendarFeed;
    expect((await fetch(t.url + first.path)).status).toBe(404);
    expect((await fetch(t.url + second.path)).status).toBe(200);
    expect((await fetch(t.url + "/calendar/guessed-token-guessed-token.ics")).status).toBe(404);
    // the mentee's feed does not contain the mentor's other sessions
    const menteeFeed = (await t.ok(ROTATE, {}, mentee.token)).rotateCalendarFeed;
    const other = await t.user("MENTEE");
    const s2 = await book(t, other, m, "2026-07-09T10:00:00Z");
    expect(await (await fetch(t.url + menteeFeed.path)).text()).not.toContain(s2.id);
  });

  it("sends the 24 h and 1 h reminders once each, in the platform's terms", async () => {
    t.clock.set("2026-07-13T06:00:00Z");
    const admin = await t.user("ADMIN");
    await t.ok(`mutation { updatePlatform(input: { mentorLabel: "expert", menteeLabel: "client" }) { mentorLabel } }`, {}, admin.token);
    const m = await mentorWithHours(t);
    const mentee = await t.user("MENTEE", { timeZone: "Asia/Kolkata" });
    const s = await book(t, mentee, m, "2026-07-15T10:00:00Z");
    const reminders = () => t.db.notification.findMany({ where: { kind: "session.reminder", payload: { path: ["sessionId"], equals: s.id } }, orderBy: { createdAt: "asc" } });
    await sessionRemindersJob.run(jobDeps());
    expect(await reminders()).toHaveLength(0);
    t.clock.set("2026-07-14T10:00:00Z");
    await runAllJobs(jobDeps());
    await runAllJobs(jobDeps());
    let rows = await reminders();
    // one per participant per channel, once
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => (r.payload as any).minutesBefore === 1440)).toBe(true);
    const menteeNote = rows.find((r) => r.userId === mentee.id && r.channel === "IN_APP")!;
    expect(menteeNote.body).toContain("(expert)");
    expect(menteeNote.body).toContain("15:30 GMT+5:30");
    t.clock.set("2026-07-15T09:05:00Z");
    await Promise.all([sessionRemindersJob.run(jobDeps()), sessionRemindersJob.run(jobDeps())]);
    rows = await reminders();
    expect(rows).toHaveLength(8);
    expect(rows.filter((r) => (r.payload as any).minutesBefore === 60)).toHaveLength(4);
    // visible through GraphQL
    const mine = await t.ok(`{ myNotifications(first: 10) { edges { node { kind subject } } } }`, {}, mentee.token);
    expect(mine.myNotifications.edges.map((e: any) => e.node.kind)).toContain("session.reminder");
    await t.ok(`mutation { updatePlatform(input: { mentorLabel: "mentor", menteeLabel: "mentee" }) { mentorLabel } }`, {}, admin.token);
  });
});
