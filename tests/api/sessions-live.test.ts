// room opening, video tokens, auto-end (and catch-up on start), ending rules (seed 000),
// presence from Agora webhooks, no-shows, tardiness -> fee multiplier with reasons.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, PASSWORD, type TestApp, type TestUser } from "../helpers/app.js";
import { buildApp } from "../../api/src/app.js";
import { autoEndSessionsJob, mentorHangUpJob, tardinessWindowJob } from "../../api/src/modules/sessions/sessions.jobs.js";
import { tokenPrivilegeExpiry } from "../../api/src/modules/sessions/video-token.js";
import { DEV_AGORA_WEBHOOK_SECRET, signAgoraBody } from "../../api/src/modules/sessions/agora-webhook.js";
import { logger } from "../../api/src/lib/logger.js";
import { BOOK, END, JOIN, LEAVE, SESSION, at, book, mentorWithHours } from "../helpers/sessions.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T06:00:00Z" });
});
afterAll(() => t?.close());

const jobDeps = () => ({ db: t.db, pubsub: t.app.pubsub, clock: t.clock, logger });
let day = 0;
/** A session of `minutes` starting 3 h after a fresh day's 06:00 (fresh users, no interference). */
async function scheduled(minutes = 60, mentor?: TestUser) {
  day++;
  const base = new Date(Date.UTC(2026, 2, 2 + day * 2, 6));
  t.clock.set(base);
  const m = mentor ?? (await mentorWithHours(t));
  const mentee = await t.user("MENTEE");
  const s = await book(t, mentee, m, at(base, 180), minutes);
  return { m, mentee, s, start: new Date(s.startsAt), end: new Date(s.endsAt) };
}
const session = async (id: string, token: string) => (await t.ok(SESSION, { id }, token)).session;

describe("room and video token", () => {
  it("the room opens 10 minutes before the start (policy); the token expires at the stipulated end", async () => {
    const { m, mentee, s, start, end } = await scheduled(45);
    t.clock.set(at(start, -11));
    const early = await t.gql(JOIN, { id: s.id }, mentee.token);
    expect(codes(early)).toEqual(["PRECONDITION_FAILED"]);
    expect(early.errors![0].extensions!.opensAt).toBe(at(start, -10).toISOString());
    t.clock.set(at(start, -10));
    const j = (await t.ok(JOIN, { id: s.id }, mentee.token)).joinSession;
    expect(j.session.state).toBe("LIVE");
    expect(j.expiresAt).toBe(end.toISOString());
    expect(tokenPrivilegeExpiry(j.token)).toBe(end.getTime() / 1000);
    expect(j.token.startsWith("006")).toBe(true);
    expect(j.uid).toBe(2);
    const jm = (await t.ok(JOIN, { id: s.id }, m.token)).joinSession;
    expect(jm.uid).toBe(1);
    expect(jm.channelName).toBe(j.channelName);
  });

  it("only the two participants may join; not after the end", async () => {
    const { mentee, s, end } = await scheduled();
    t.clock.set(at(new Date(s.startsAt), 0));
    const stranger = await t.user("MENTEE");
    expect(codes(await t.gql(JOIN, { id: s.id }, stranger.token))).toEqual(["NOT_FOUND"]);
    const support = await t.user("SUPPORT");
    expect(codes(await t.gql(JOIN, { id: s.id }, support.token))).toEqual(["FORBIDDEN"]);
    t.clock.set(end);
    expect(codes(await t.gql(JOIN, { id: s.id }, mentee.token))).toEqual(["CONFLICT"]);
  });

  it("the policy moves the opening time", async () => {
    const admin = await t.user("ADMIN");
    await t.ok(`mutation { updatePolicy(input: { changes: { scheduling: { roomOpensMinutesBefore: 5 } }, reason: "seed 002 lower bound" }) { version } }`, {}, admin.token);
    const { mentee, s, start } = await scheduled();
    t.clock.set(at(start, -6));
    expect(codes(await t.gql(JOIN, { id: s.id }, mentee.token))).toEqual(["PRECONDITION_FAILED"]);
    t.clock.set(at(start, -5));
    expect((await t.ok(JOIN, { id: s.id }, mentee.token)).joinSession.session.state).toBe("LIVE");
    await t.ok(`mutation { updatePolicy(input: { changes: { scheduling: { roomOpensMinutesBefore: 10 } }, reason: "back to default" }) { version } }`, {}, admin.token);
  });
});

describe("ending rules", () => {
  it("ends automatically at the stipulated end, once", async () => {
    const { m, mentee, s, start, end } = await scheduled();
    t.clock.set(start);
    await t.ok(JOIN, { id: s.id }, m.token);
    await t.ok(JOIN, { id: s.id }, mentee.token);
    t.clock.set(at(end, -1));
    await autoEndSessionsJob.run(jobDeps());
    expect((await session(s.id, mentee.token)).state).toBe("LIVE");
    t.clock.set(end);
    expect(await autoEndSessionsJob.run(jobDeps())).toBeGreaterThanOrEqual(1);
    expect(await autoEndSessionsJob.run(jobDeps())).toBe(0);
    const after = await session(s.id, mentee.token);
    expect(after).toMatchObject({ state: "ENDED", endedBy: "SYSTEM", endedAt: end.toISOString(), mentorNoShow: false, menteeNoShow: false });
    expect(after.presence.filter((p: any) => p.kind === "AUTO_END")).toHaveLength(1);
    expect(await t.db.auditLog.count({ where: { subjectId: s.id, action: "session.auto_end", actorKind: "SYSTEM" } })).toBe(1);
  });

  it("on start-up, sessions already past their end are ended at their stipulated end", async () => {
    const a = await scheduled();
    t.clock.set(a.start);
    await t.ok(JOIN, { id: a.s.id }, a.m.token);
    await t.ok(JOIN, { id: a.s.id }, a.mentee.token);
    // no process ran for two days
    t.clock.set(at(a.end, 2 * 24 * 60));
    // a fresh API process on the same database: its start-up tick ends the overdue session
    // (the interval is an hour, so nothing but the start-up catch-up can do it here)
    process.env.JOB_INTERVAL_MS = "3600000";
    const restarted = await buildApp({ database: t.app.database, clock: t.clock, migrate: false, config: { jobsEnabled: true, consoleDist: undefined, redisUrl: undefined } });
    await restarted.start(0);
    try {
      const deadline = Date.now() + 10_000;
      while ((await t.db.session.findUniqueOrThrow({ where: { id: a.s.id } })).state === "LIVE" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    } finally {
      await restarted.stop();
      delete process.env.JOB_INTERVAL_MS;
    }
    const after = await session(a.s.id, a.mentee.token);
    expect(after).toMatchObject({ state: "ENDED", endedBy: "SYSTEM", endedAt: a.end.toISOString() });
  });

  it("the mentee may end early", async () => {
    const { m, mentee, s, start } = await scheduled();
    t.clock.set(start);
    await t.ok(JOIN, { id: s.id }, m.token);
    await t.ok(JOIN, { id: s.id }, mentee.token);
    t.clock.set(at(start, 20));
    const r = (await t.ok(END, { id: s.id }, mentee.token)).endSession;
    expect(r).toMatchObject({ state: "ENDED", endedBy: "MENTEE", unlapsedMinutes: null, endedAt: at(start, 20).toISOString() });
    expect(r.presence.map((p: any) => p.kind)).toEqual(["JOIN", "JOIN", "END_EARLY"]);
    expect(codes(await t.gql(END, { id: s.id }, mentee.token))).toEqual(["CONFLICT"]);
  });

  it("ending early is solely the mentee's: the mentor's endSession is refused and says the mentor can leave", async () => {
    const { m, mentee, s, start } = await scheduled(60);
    t.clock.set(start);
    await t.ok(JOIN, { id: s.id }, m.token);
    await t.ok(JOIN, { id: s.id }, mentee.token);
    t.clock.set(at(start, 22.5));
    const refused = await t.gql(END, { id: s.id, reason: "the mentee asked me to end" }, m.token);
    expect(codes(refused)).toEqual(["FORBIDDEN"]);
    expect(refused.errors![0].message).toMatch(/only the mentee ends .*early/i);
    expect(refused.errors![0].message).toMatch(/leave/i);
    expect(refused.errors![0].extensions).toMatchObject({ rule: "MENTEE_ENDS_EARLY", alternative: "leaveSession" });
    const cur = await session(s.id, mentee.token);
    expect(cur).toMatchObject({ state: "LIVE", endedBy: null, unlapsedMinutes: null });
    expect(cur.presence.map((p: any) => p.kind)).toEqual(["JOIN", "JOIN"]);
  });

  it("a mentor leaving between start and end is a hang-up; the call stays live for the mentee until the rejoin window passes", async () => {
    const { m, mentee, s, start } = await scheduled(60);
    t.clock.set(at(start, -5));
    await t.ok(JOIN, { id: s.id }, m.token);
    await t.ok(JOIN, { id: s.id }, mentee.token);
    // leaving before the start is only a leave
    expect((await t.ok(LEAVE, { id: s.id }, m.token)).leaveSession.state).toBe("LIVE");
    t.clock.set(at(start, 1));
    await t.ok(JOIN, { id: s.id }, m.token);
    t.clock.set(at(start, 10));
    expect((await t.ok(LEAVE, { id: s.id }, mentee.token)).leaveSession.state).toBe("LIVE");
    await t.ok(JOIN, { id: s.id }, mentee.token);
    t.clock.set(at(start, 45));
    const r = (await t.ok(LEAVE, { id: s.id }, m.token)).leaveSession;
    expect(r).toMatchObject({ state: "LIVE", endedBy: null, unlapsedMinutes: null });
    expect(r.presence.map((p: any) => `${p.party}:${p.kind}`)).toEqual([
      "MENTOR:JOIN", "MENTEE:JOIN", "MENTOR:LEAVE", "MENTOR:JOIN", "MENTEE:LEAVE", "MENTEE:JOIN", "MENTOR:HANG_UP",
    ]);
    expect(r.presence.at(-1).detail).toMatchObject({ unlapsedMinutes: 15, rejoinBy: at(start, 50).toISOString() });
    // inside the policy window (5 minutes) nothing ends it
    t.clock.set(at(start, 49.9));
    expect(await mentorHangUpJob.run(jobDeps())).toBe(0);
    expect((await session(s.id, mentee.token)).state).toBe("LIVE");
    // past it, the session ends as the mentor's hang-up, at the time the mentor left
    t.clock.set(at(start, 50));
    expect(await mentorHangUpJob.run(jobDeps())).toBe(1);
    expect(await mentorHangUpJob.run(jobDeps())).toBe(0);
    const ended = await session(s.id, mentee.token);
    expect(ended).toMatchObject({ state: "ENDED", endedBy: "MENTOR", unlapsedMinutes: 15, endedAt: at(start, 45).toISOString() });
    expect(ended.presence.filter((p: any) => p.kind === "HANG_UP")).toHaveLength(1);
    const audit = await t.db.auditLog.findFirst({ where: { subjectId: s.id, action: "session.hang_up" } });
    expect(audit).toMatchObject({ actorKind: "SYSTEM" });
    // a rejoin after the window is refused
    expect(codes(await t.gql(JOIN, { id: s.id }, m.token))).toEqual(["CONFLICT"]);
  });

  it("the rejoin window is policy data; a mentor back in time keeps the call going and the mentee's end stays the mentee's", async () => {
    const admin = await t.user("ADMIN");
    await t.ok(`mutation { updatePolicy(input: { changes: { scheduling: { mentorRejoinWindowMinutes: 2 } }, reason: "shorter rejoin window" }) { version } }`, {}, admin.token);
    try {
      const a = await scheduled(60);
      t.clock.set(a.start);
      await t.ok(JOIN, { id: a.s.id }, a.m.token);
      await t.ok(JOIN, { id: a.s.id }, a.mentee.token);
      t.clock.set(at(a.start, 10));
      await t.ok(LEAVE, { id: a.s.id }, a.m.token);
      t.clock.set(at(a.start, 11.5));
      await t.ok(JOIN, { id: a.s.id }, a.m.token);
      t.clock.set(at(a.start, 30));
      expect(await mentorHangUpJob.run(jobDeps())).toBe(0);
      const r = (await t.ok(END, { id: a.s.id }, a.mentee.token)).endSession;
      expect(r).toMatchObject({ state: "ENDED", endedBy: "MENTEE", unlapsedMinutes: null });

      const b = await scheduled(60);
      t.clock.set(b.start);
      await t.ok(JOIN, { id: b.s.id }, b.m.token);
      await t.ok(JOIN, { id: b.s.id }, b.mentee.token);
      t.clock.set(at(b.start, 20));
      await t.ok(LEAVE, { id: b.s.id }, b.m.token);
      t.clock.set(at(b.start, 22));
      expect(await mentorHangUpJob.run(jobDeps())).toBe(1);
      expect(await session(b.s.id, b.mentee.token)).toMatchObject({ state: "ENDED", endedBy: "MENTOR", unlapsedMinutes: 40 });
    } finally {
      const admin2 = await t.user("ADMIN");
      await t.ok(`mutation { updatePolicy(input: { changes: { scheduling: { mentorRejoinWindowMinutes: 5 } }, reason: "back to default" }) { version } }`, {}, admin2.token);
    }
  });

  it("a mentee ending, or the stipulated end, while the mentor is away is the mentor's hang-up", async () => {
    const a = await scheduled(60);
    t.clock.set(a.start);
    await t.ok(JOIN, { id: a.s.id }, a.m.token);
    await t.ok(JOIN, { id: a.s.id }, a.mentee.token);
    t.clock.set(at(a.start, 30));
    await t.ok(LEAVE, { id: a.s.id }, a.m.token);
    t.clock.set(at(a.start, 32));
    const r = (await t.ok(END, { id: a.s.id }, a.mentee.token)).endSession;
    expect(r).toMatchObject({ state: "ENDED", endedBy: "MENTOR", unlapsedMinutes: 30, endedAt: at(a.start, 30).toISOString() });

    const b = await scheduled(60);
    t.clock.set(b.start);
    await t.ok(JOIN, { id: b.s.id }, b.m.token);
    await t.ok(JOIN, { id: b.s.id }, b.mentee.token);
    t.clock.set(at(b.start, 58));
    await t.ok(LEAVE, { id: b.s.id }, b.m.token);
    t.clock.set(b.end);
    await autoEndSessionsJob.run(jobDeps());
    expect(await session(b.s.id, b.mentee.token)).toMatchObject({ state: "ENDED", endedBy: "MENTOR", unlapsedMinutes: 2, endedAt: at(b.start, 58).toISOString() });
  });

  it("support cannot end a call; an admin can, with a reason", async () => {
    const { m, s, start } = await scheduled();
    t.clock.set(start);
    await t.ok(JOIN, { id: s.id }, m.token);
    const support = await t.user("SUPPORT");
    expect(codes(await t.gql(END, { id: s.id, reason: "x" }, support.token))).toEqual(["FORBIDDEN"]);
    const admin = await t.user("ADMIN");
    expect(codes(await t.gql(END, { id: s.id }, admin.token))).toEqual(["BAD_USER_INPUT"]);
    const r = (await t.ok(END, { id: s.id, reason: "abusive call reported live" }, admin.token)).endSession;
    expect(r).toMatchObject({ endedBy: "STAFF", state: "NO_SHOW", menteeNoShow: true });
  });

  it("no-shows are recorded per party; an absent mentor gets a late record", async () => {
    const a = await scheduled();
    t.clock.set(a.start);
    await t.ok(JOIN, { id: a.s.id }, a.mentee.token);
    t.clock.set(a.end);
    await autoEndSessionsJob.run(jobDeps());
    expect(await session(a.s.id, a.mentee.token)).toMatchObject({ state: "NO_SHOW", mentorNoShow: true, menteeNoShow: false });
    expect(await t.db.lateRecord.findUnique({ where: { sessionId: a.s.id } })).toMatchObject({ noShow: true });
    const b = await scheduled();
    t.clock.set(b.start);
    await t.ok(JOIN, { id: b.s.id }, b.m.token);
    t.clock.set(b.end);
    await autoEndSessionsJob.run(jobDeps());
    expect(await session(b.s.id, b.mentee.token)).toMatchObject({ state: "NO_SHOW", mentorNoShow: false, menteeNoShow: true });
    expect(await t.db.lateRecord.findUnique({ where: { sessionId: b.s.id } })).toBeNull();
  });
});

describe("presence from Agora webhooks", () => {
  const post = (body: unknown, sig?: string) => {
    const text = JSON.stringify(body);
    return fetch(`${t.url}/webhooks/agora`, {
      method: "POST",
      headers: { "content-type": "application/json", "agora-signature-v2": sig ?? signAgoraBody(DEV_AGORA_WEBHOOK_SECRET, text) },
      body: text,
    });
  };

  it("verifies the signature, records joins and leaves once, and a mentor quitting early is a hang-up", async () => {
    const { mentee, s, start } = await scheduled();
    const channelName = (await t.db.session.findUniqueOrThrow({ where: { id: s.id } })).channelName;
    const ev = (noticeId: string, eventType: number, uid: number, minutes: number, reason?: number) => ({
      noticeId, productId: 1, eventType, notifyMs: 0, payload: { channelName, uid, ts: at(start, minutes).getTime() / 1000, ...(reason ? { reason } : {}) },
    });
    t.clock.set(at(start, 30));
    expect((await post(ev("n1", 103, 2, 0), "0".repeat(64))).status).toBe(401);
    expect(await t.db.sessionPresence.count({ where: { sessionId: s.id } })).toBe(0);
    expect((await post(ev("n1", 103, 2, 0))).status).toBe(200);
    expect((await post(ev("n1", 103, 2, 0))).status).toBe(200); // retried notice
    expect((await post(ev("n2", 103, 1, 2))).status).toBe(200);
    let cur = await session(s.id, mentee.token);
    expect(cur).toMatchObject({ state: "LIVE", mentorLateMinutes: 2 });
    expect(cur.presence.map((p: any) => `${p.party}:${p.kind}:${p.source}`)).toEqual(["MENTEE:JOIN:WEBHOOK", "MENTOR:JOIN:WEBHOOK"]);
    // a dropped connection (reason 2) is a leave; a normal quit (reason 1) by the mentor hangs up
    expect((await post(ev("n3", 104, 1, 10, 2))).status).toBe(200);
    expect((await session(s.id, mentee.token)).state).toBe("LIVE");
    expect((await post(ev("n4", 104, 1, 20, 1))).status).toBe(200);
    cur = await session(s.id, mentee.token);
    expect(cur).toMatchObject({ state: "LIVE", endedBy: null });
    expect(cur.presence.at(-1)).toMatchObject({ kind: "HANG_UP", source: "WEBHOOK", party: "MENTOR" });
    // the mentor did not rejoin within the window: a hang-up from the time of the quit
    expect(await mentorHangUpJob.run(jobDeps())).toBe(1);
    cur = await session(s.id, mentee.token);
    expect(cur).toMatchObject({ state: "ENDED", endedBy: "MENTOR", unlapsedMinutes: 40 });
    expect((await fetch(`${t.url}/webhooks/agora`, { method: "POST", headers: { "agora-signature-v2": signAgoraBody(DEV_AGORA_WEBHOOK_SECRET, "{") }, body: "{" })).status).toBe(400);
  });
});

describe("tardiness and the fee multiplier", () => {
  const HISTORY = `query($m: ID) { feeMultiplierHistory(mentorId: $m, first: 20) { edges { node { fromBps toBps rule reason sessionIds } } } }`;

  it("a late mentor gets a lower multiplier with its reason, applied to later bookings", async () => {
    const m = await mentorWithHours(t, { rate: 10000 });
    const { mentee, s, start } = await scheduled(60, m);
    t.clock.set(start);
    await t.ok(JOIN, { id: s.id }, mentee.token);
    // grace 5 minutes: 5 is on time, 6 is late
    t.clock.set(at(start, 6));
    await t.ok(JOIN, { id: s.id }, m.token);
    const h = await t.ok(HISTORY, {}, m.token);
    expect(h.feeMultiplierHistory.edges).toHaveLength(1);
    const change = h.feeMultiplierHistory.edges[0].node;
    expect(change).toMatchObject({ fromBps: 10000, toBps: 9500, rule: "LATE_PENALTY", sessionIds: [s.id] });
    expect(change.reason).toMatch(/Joined 6 min after the start/);
    expect(change.reason).toMatch(/grace 5 min/);
    // shown to the mentor on the profile, and used for the next booking's price
    const prof = await t.ok(`{ viewer { user { mentorProfile { feeMultiplierBps feeMultiplierChanges { rule } } } } }`, {}, m.token);
    expect(prof.viewer.user.mentorProfile).toEqual({ feeMultiplierBps: 9500, feeMultiplierChanges: [{ rule: "LATE_PENALTY" }] });
    const next = await scheduled(60, m);
    expect(next.s).toMatchObject({ feeMultiplierBps: 9500, priceMinor: 9500 });
    // other mentees and mentors do not see the history
    const other = await mentorWithHours(t);
    expect((await t.ok(HISTORY, { m: m.id }, other.token)).feeMultiplierHistory.edges).toHaveLength(0);
    expect(codes(await t.gql(HISTORY, { m: m.id }, mentee.token))).toEqual(["FORBIDDEN"]);
    const support = await t.user("SUPPORT");
    expect((await t.ok(HISTORY, { m: m.id }, support.token)).feeMultiplierHistory.edges).toHaveLength(1);
    // the late record behind it, and the change's sessions, under the same rules
    const LATE = `query($m: ID) { lateRecords(mentorId: $m, first: 10) { edges { node { lateMinutes noShow penaltyBps expiredAt session { id } } } } }`;
    expect((await t.ok(LATE, {}, m.token)).lateRecords.edges.map((e: any) => e.node)).toEqual([{ lateMinutes: 6, noShow: false, penaltyBps: 500, expiredAt: null, session: { id: s.id } }]);
    expect((await t.ok(LATE, { m: m.id }, other.token)).lateRecords.edges).toHaveLength(0);
    expect(codes(await t.gql(LATE, { m: m.id }, mentee.token))).toEqual(["FORBIDDEN"]);
    expect((await t.ok(LATE, { m: m.id }, support.token)).lateRecords.edges).toHaveLength(1);
    const withSessions = await t.ok(`query($m: ID) { feeMultiplierHistory(mentorId: $m, first: 5) { edges { node { sessions { id } } } } }`, { m: m.id }, support.token);
    expect(withSessions.feeMultiplierHistory.edges[0].node.sessions).toEqual([{ id: s.id }]);
    // the penalty is lifted once the record leaves the policy window (90 days)
    t.clock.set(at(start, 91 * 24 * 60));
    expect(await tardinessWindowJob.run(jobDeps())).toBeGreaterThanOrEqual(1);
    expect(await tardinessWindowJob.run(jobDeps())).toBe(0);
    expect((await t.db.lateRecord.findUniqueOrThrow({ where: { sessionId: s.id } })).expiredAt).not.toBeNull();
    expect((await t.db.mentorProfile.findUniqueOrThrow({ where: { userId: m.id } })).feeMultiplierBps).toBe(10000);
    // (sign in again: three months outlive the token)
    const again = await t.ok(`mutation($i: LogInInput!) { logIn(input: $i) { token } }`, { i: { email: m.email, password: PASSWORD } });
    const after = await t.ok(HISTORY, {}, again.logIn.token);
    expect(after.feeMultiplierHistory.edges[0].node).toMatchObject({ rule: "LATE_EXPIRED", fromBps: 9500, toBps: 10000 });
  });

  it("a streak of on-time sessions raises the multiplier, within the cap", async () => {
    const m = await mentorWithHours(t);
    await t.db.mentorProfile.update({ where: { userId: m.id }, data: { feeMultiplierBps: 11900 } });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { s, start } = await scheduled(30, m);
      ids.push(s.id);
      t.clock.set(at(start, 5));
      await t.ok(JOIN, { id: s.id }, m.token);
      if (i < 4) expect((await t.db.feeMultiplierChange.count({ where: { mentorId: m.id } }))).toBe(0);
    }
    const p = await t.db.mentorProfile.findUniqueOrThrow({ where: { userId: m.id } });
    // +2.00% would be 12100; the cap is 12000
    expect(p).toMatchObject({ feeMultiplierBps: 12000, onTimeStreak: 0 });
    const change = await t.db.feeMultiplierChange.findFirstOrThrow({ where: { mentorId: m.id } });
    expect(change).toMatchObject({ rule: "ON_TIME_STREAK", fromBps: 11900, toBps: 12000 });
    expect(change.reason).toMatch(/5 sessions in a row on time/);
    expect([...change.sessionIds].sort()).toEqual([...ids].sort());
  });

  it("bad input to the live mutations is a coded error", async () => {
    const mentee = await t.user("MENTEE");
    expect(codes(await t.gql(JOIN, { id: "does-not-exist" }, mentee.token))).toEqual(["NOT_FOUND"]);
    expect(codes(await t.gql(END, { id: "" }, mentee.token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await t.gql(BOOK, { i: { mentorId: "x", startsAt: "2026-01-01T00:00:00Z", durationMinutes: 100000 } }, mentee.token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await t.gql(`query($id: ID!) { session(id: $id) { localStartsAt(timeZone: "Nowhere/Land") } }`, { id: "x" }, mentee.token))).toEqual(["NOT_FOUND"]);
  });
});
