// Feedback (seed 004): one rating per side after a session, mentor rating aggregate, staff hide
// with audit; regular check-ins (every N sessions or weeks) as a staff health signal. Recording
// consent (seed 000): both or nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, type TestApp } from "../helpers/app.js";
import { logger } from "../../api/src/lib/logger.js";
import { openCheckInsJob } from "../../api/src/modules/feedback/feedback.jobs.js";
import { activeMentorship, endedSession } from "../helpers/mentorships.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T09:00:00Z" });
});
afterAll(() => t?.close());

const LEAVE = `mutation($i: LeaveFeedbackInput!) { leaveFeedback(input: $i) { id rating comment authorParty hidden } }`;
const HIDE = `mutation($i: HideFeedbackInput!) { hideFeedback(input: $i) { id hidden hiddenReason } }`;
const RATING = `query($id: ID!) { user(id: $id) { id mentorRating { average count } } }`;
const REVIEWS = `query($id: ID!) { mentorReviews(mentorId: $id) { edges { node { id rating hidden } } } }`;
const ANSWER = `mutation($i: AnswerCheckInInput!) { answerCheckIn(input: $i) { id party score } }`;
const HEALTH = `query($id: ID!) { mentorship(id: $id) { id health { responses averageScore lastScore lowScores unansweredCheckIns } checkIns { id sequence trigger responses { party score } answeredByMe } } }`;
const GIVE = `mutation($i: GiveRecordingConsentInput!) { giveRecordingConsent(input: $i) { id text givenAt withdrawnAt } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawRecordingConsent(input: { sessionId: $id }) { id withdrawnAt } }`;
const CONSENTED = `query($id: ID!) { session(id: $id) { id recordingConsented recordingConsents { user { id } text } } }`;

describe("session feedback", () => {
  it("each side rates once after the session; ratings 1-5; the mentor rating aggregates visible mentee ratings", async () => {
    const mentor = await t.user("MENTOR");
    const menteeA = await t.user("MENTEE");
    const menteeB = await t.user("MENTEE");
    const s1 = await endedSession(t, mentor.id, menteeA.id, new Date("2026-03-01T10:00:00Z"));
    const s2 = await endedSession(t, mentor.id, menteeB.id, new Date("2026-03-01T12:00:00Z"));
    expect(codes(await t.gql(LEAVE, { i: { sessionId: s1.id, rating: 6 } }, menteeA.token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await t.gql(LEAVE, { i: { sessionId: s1.id, rating: 5 } }, menteeB.token))).toEqual(["NOT_FOUND"]);
    const f1 = (await t.ok(LEAVE, { i: { sessionId: s1.id, rating: 5, comment: "great" } }, menteeA.token)).leaveFeedback;
    expect(f1.authorParty).toBe("MENTEE");
    expect(codes(await t.gql(LEAVE, { i: { sessionId: s1.id, rating: 1 } }, menteeA.token))).toEqual(["CONFLICT"]);
    // the other side rates too, once
    await t.ok(LEAVE, { i: { sessionId: s1.id, rating: 4 } }, mentor.token);
    expect(codes(await t.gql(LEAVE, { i: { sessionId: s1.id, rating: 4 } }, mentor.token))).toEqual(["CONFLICT"]);
    // the database keeps one per side as well
    await expect(t.db.sessionFeedback.create({ data: { sessionId: s1.id, authorId: menteeA.id, subjectId: mentor.id, authorParty: "MENTEE", rating: 3, createdAt: new Date() } })).rejects.toThrow();
    const f2 = (await t.ok(LEAVE, { i: { sessionId: s2.id, rating: 2, comment: "meh" } }, menteeB.token)).leaveFeedback;
    expect((await t.ok(RATING, { id: mentor.id }, menteeA.token)).user.mentorRating).toEqual({ average: 3.5, count: 2 });

    // staff hide a review (audited); the aggregate and the public list leave it out
    expect(codes(await t.gql(HIDE, { i: { feedbackId: f2.id, reason: "review for favours" } }, mentor.token))).toEqual(["FORBIDDEN"]);
    const support = await t.user("SUPPORT");
    const hidden = (await t.ok(HIDE, { i: { feedbackId: f2.id, reason: "review for favours" } }, support.token)).hideFeedback;
    expect(hidden).toMatchObject({ hidden: true, hiddenReason: "review for favours" });
    expect((await t.ok(RATING, { id: mentor.id }, menteeA.token)).user.mentorRating).toEqual({ average: 5, count: 1 });
    const publicList = (await t.ok(REVIEWS, { id: mentor.id }, menteeA.token)).mentorReviews.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(publicList).toEqual([f1.id]);
    const staffList = (await t.ok(REVIEWS, { id: mentor.id }, support.token)).mentorReviews.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(staffList).toHaveLength(2);
    const audit = await t.db.auditLog.findFirst({ where: { subjectId: f2.id, action: "feedback.hide" } });
    expect(audit).toMatchObject({ actorId: support.id, reason: "review for favours" });
  });

  it("feedback opens after the session and closes after the policy window", async () => {
    const mentor = await t.user("MENTOR");
    const mentee = await t.user("MENTEE");
    const old = await endedSession(t, mentor.id, mentee.id, new Date("2026-02-01T10:00:00Z"));
    expect(codes(await t.gql(LEAVE, { i: { sessionId: old.id, rating: 4 } }, mentee.token))).toEqual(["PRECONDITION_FAILED"]);
    const s = await endedSession(t, mentor.id, mentee.id, new Date("2026-03-02T08:00:00Z"));
    await t.db.session.update({ where: { id: s.id }, data: { state: "SCHEDULED", endedAt: null } });
    expect(codes(await t.gql(LEAVE, { i: { sessionId: s.id, rating: 4 } }, mentee.token))).toEqual(["PRECONDITION_FAILED"]);
  });
});

describe("check-ins", () => {
  it("opens every N ended sessions or W weeks, once across processes, notifies both; staff see the health signal", async () => {
    const { mentor, mentee, mentorshipId } = await activeMentorship(t);
    const run = () => openCheckInsJob.run({ db: t.db, pubsub: t.app.pubsub, clock: t.clock, logger });
    // policy default: every 4 sessions
    for (let i = 0; i < 3; i++) await endedSession(t, mentor.id, mentee.id, new Date(t.clock.now().getTime() + (i + 1) * 3_600_000));
    t.clock.set("2026-03-03T09:00:00Z");
    await run();
    expect(await t.db.mentorshipCheckIn.count({ where: { mentorshipId } })).toBe(0);
    await endedSession(t, mentor.id, mentee.id, new Date("2026-03-03T08:00:00Z"));
    const [a, b] = await Promise.all([run(), run()]);
    expect(a + b).toBe(1);
    const checkIns = await t.db.mentorshipCheckIn.findMany({ where: { mentorshipId } });
    expect(checkIns).toMatchObject([{ sequence: 1, trigger: "SESSIONS", sessionCount: 4 }]);
    expect(await t.db.notification.count({ where: { kind: "mentorship.checkIn", channel: "IN_APP" } })).toBe(2);
    expect(await t.db.auditLog.count({ where: { action: "checkIn.open", actorKind: "SYSTEM", subjectId: checkIns[0].id } })).toBe(1);

    // answers: once per party; the parties do not get the health signal, staff do
    await t.ok(ANSWER, { i: { checkInId: checkIns[0].id, score: 2, comment: "too slow" } }, mentee.token);
    expect(codes(await t.gql(ANSWER, { i: { checkInId: checkIns[0].id, score: 3 } }, mentee.token))).toEqual(["CONFLICT"]);
    expect(codes(await t.gql(ANSWER, { i: { checkInId: checkIns[0].id, score: 0 } }, mentor.token))).toEqual(["BAD_USER_INPUT"]);
    await t.ok(ANSWER, { i: { checkInId: checkIns[0].id, score: 4 } }, mentor.token);
    const partyView = (await t.ok(HEALTH, { id: mentorshipId }, mentor.token)).mentorship;
    expect(partyView.health).toBeNull();
    expect(partyView.checkIns[0].responses).toEqual([{ party: "MENTOR", score: 4 }]);
    const support = await t.user("SUPPORT");
    const staffView = (await t.ok(HEALTH, { id: mentorshipId }, support.token)).mentorship;
    expect(staffView.health).toEqual({ responses: 2, averageScore: 3, lastScore: 4, lowScores: 1, unansweredCheckIns: 0 });

    // no sessions for the policy's weeks: a WEEKS check-in
    t.clock.set("2026-03-31T08:59:00Z");
    await run();
    expect(await t.db.mentorshipCheckIn.count({ where: { mentorshipId } })).toBe(1);
    t.clock.set("2026-03-31T09:00:00Z");
    await run();
    const again = await t.db.mentorshipCheckIn.findMany({ where: { mentorshipId }, orderBy: { sequence: "asc" } });
    expect(again.map((c) => `${c.sequence}:${c.trigger}`)).toEqual(["1:SESSIONS", "2:WEEKS"]);
    t.clock.set("2026-03-02T09:00:00Z");
  });
});

describe("recording consent", () => {
  it("a session counts as consented only while both written consents stand", async () => {
    const mentor = await t.user("MENTOR");
    const mentee = await t.user("MENTEE");
    const s = await endedSession(t, mentor.id, mentee.id, new Date("2026-03-05T10:00:00Z"));
    await t.db.session.update({ where: { id: s.id }, data: { state: "SCHEDULED", endedAt: null } });
    const text = "I consent to this session being recorded by the other participant.";
    expect(codes(await t.gql(GIVE, { i: { sessionId: s.id, text: "ok" } }, mentee.token))).toEqual(["BAD_USER_INPUT"]);
    await t.ok(GIVE, { i: { sessionId: s.id, text } }, mentee.token);
    expect((await t.ok(CONSENTED, { id: s.id }, mentor.token)).session.recordingConsented).toBe(false);
    const stranger = await t.user("MENTOR");
    expect(codes(await t.gql(GIVE, { i: { sessionId: s.id, text } }, stranger.token))).toEqual(["NOT_FOUND"]);
    const support = await t.user("SUPPORT");
    expect(codes(await t.gql(GIVE, { i: { sessionId: s.id, text } }, support.token))).toEqual(["FORBIDDEN"]);
    await t.ok(GIVE, { i: { sessionId: s.id, text } }, mentor.token);
    const both = (await t.ok(CONSENTED, { id: s.id }, mentee.token)).session;
    expect(both.recordingConsented).toBe(true);
    expect(both.recordingConsents.map((c: { text: string }) => c.text)).toEqual([text, text]);
    const stored = await t.db.recordingConsent.findMany({ where: { sessionId: s.id } });
    expect(stored.every((c) => c.givenAt.toISOString() === "2026-03-02T09:00:00.000Z")).toBe(true);
    await t.ok(WITHDRAW, { id: s.id }, mentor.token);
    expect((await t.ok(CONSENTED, { id: s.id }, support.token)).session.recordingConsented).toBe(false);
    // after the session no consent can be given any more
    await t.db.session.update({ where: { id: s.id }, data: { state: "ENDED" } });
    expect(codes(await t.gql(GIVE, { i: { sessionId: s.id, text } }, mentor.token))).toEqual(["CONFLICT"]);
  });
});
