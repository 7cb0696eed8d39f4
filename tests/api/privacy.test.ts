// Privacy (seed 004): exportMyData holds the viewer's rows of every module; account deletion
// erases or anonymises personal data, revokes tokens and keeps money and enforcement records.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, PASSWORD, type TestApp } from "../helpers/app.js";
import { exportableModels } from "../../api/src/modules/privacy/export.service.js";
import { activeMentorship, endedSession } from "../helpers/mentorships.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T09:00:00Z" });
});
afterAll(() => t?.close());

const EXPORT = `{ exportMyData }`;
const DELETE = `mutation($i: RequestAccountDeletionInput!) { requestAccountDeletion(input: $i) { id completedAt summary } }`;
const LOG_IN = `mutation($i: LogInInput!) { logIn(input: $i) { token } }`;
const VIEWER = `{ viewer { id } }`;

type Tables = Record<string, { id?: string; [k: string]: unknown }[]>;
const ids = (tables: Tables, model: string) => (tables[model] ?? []).map((r) => r.id);

/** A mentee with rows in many modules: sessions + charge, a report, notifications, mentorship and agreement, progress, feedback, acceptance. */
async function busyMentee() {
  const { mentor, mentee, mentorshipId, agreementId } = await activeMentorship(t);
  const s = await endedSession(t, mentor.id, mentee.id, new Date("2026-03-01T10:00:00Z"));
  const charge = await t.db.charge.create({ data: { sessionId: s.id, payerId: mentee.id, payeeId: mentor.id, amountMinor: 6000, currency: "USD", createdAt: new Date() } });
  const other = await t.user("MENTEE");
  const filed = await t.db.report.create({ data: { reporterId: mentee.id, reporterRole: "MENTEE", subjectId: mentor.id, category: "RUDENESS", description: "rude", dedupeKey: `k1-${mentee.id}`, createdAt: new Date() } });
  const against = await t.db.report.create({ data: { reporterId: other.id, reporterRole: "MENTEE", subjectId: mentee.id, category: "SPAM", description: "spam", dedupeKey: `k2-${mentee.id}`, createdAt: new Date() } });
  await t.ok(`mutation($i: LeaveFeedbackInput!) { leaveFeedback(input: $i) { id } }`, { i: { sessionId: s.id, rating: 5, comment: "thanks, very personal comment" } }, mentee.token);
  const goal = await t.ok(`mutation($i: CreateGoalInput!) { createGoal(input: $i) { id } }`, { i: { mentorshipId, title: "Goal" } }, mentee.token);
  const task = await t.ok(`mutation($i: AssignTaskInput!) { assignTask(input: $i) { id } }`, { i: { mentorshipId, title: "Task" } }, mentor.token);
  await t.db.notification.create({ data: { userId: mentee.id, kind: "test", channel: "IN_APP", subject: "hi", body: "b", dedupeKey: `n-${mentee.id}` } });
  return { mentor, mentee, mentorshipId, agreementId, sessionId: s.id, chargeId: charge.id, filedId: filed.id, againstId: against.id, goalId: goal.createGoal.id, taskId: task.assignTask.id };
}

describe("exportMyData", () => {
  it("contains the viewer's rows of every module, without secrets or reports against them", async () => {
    const b = await busyMentee();
    const exp = (await t.ok(EXPORT, {}, b.mentee.token)).exportMyData as { userId: string; tables: Tables };
    expect(exp.userId).toBe(b.mentee.id);
    const tables = exp.tables;
    // every model that can hold a user's rows is present (the list comes from the datamodel)
    for (const model of exportableModels()) expect(Object.keys(tables), model).toContain(model);
    expect(ids(tables, "User")).toEqual([b.mentee.id]);
    expect(tables.User[0]).not.toHaveProperty("passwordHash");
    expect(tables.AuthSession.length).toBeGreaterThan(0);
    expect(tables.AuthSession[0]).not.toHaveProperty("tokenHash");
    expect(ids(tables, "Session")).toContain(b.sessionId);
    expect(ids(tables, "Charge")).toContain(b.chargeId);
    expect(ids(tables, "Report")).toEqual([b.filedId]);
    expect(ids(tables, "Mentorship")).toEqual([b.mentorshipId]);
    expect(ids(tables, "MentorshipAgreement")).toEqual([b.agreementId]);
    expect(ids(tables, "Goal")).toEqual([b.goalId]);
    expect(ids(tables, "Task")).toEqual([b.taskId]);
    expect(tables.SessionFeedback.map((f) => f.comment)).toContain("thanks, very personal comment");
    expect(tables.Notification.length).toBeGreaterThan(0);
    expect(tables.LoginAttempt.length).toBeGreaterThan(0);
    // nobody else's data: the mentor's own export does not contain the mentee's user row or login attempts
    const mentorExp = (await t.ok(EXPORT, {}, b.mentor.token)).exportMyData as { tables: Tables };
    expect(ids(mentorExp.tables, "User")).toEqual([b.mentor.id]);
    expect(ids(mentorExp.tables, "Report")).not.toContain(b.filedId);
    expect(codes(await t.gql(EXPORT))).toEqual(["UNAUTHENTICATED"]);
  });
});

describe("account deletion", () => {
  it("needs the password, waits for upcoming sessions, and is not for staff", async () => {
    const mentee = await t.user("MENTEE");
    expect(codes(await t.gql(DELETE, { i: { password: "wrong-password" } }, mentee.token))).toEqual(["BAD_USER_INPUT"]);
    const support = await t.user("SUPPORT");
    expect(codes(await t.gql(DELETE, { i: { password: PASSWORD } }, support.token))).toEqual(["FORBIDDEN"]);
    const mentor = await t.user("MENTOR");
    const s = await endedSession(t, mentor.id, mentee.id, new Date("2026-03-09T10:00:00Z"));
    await t.db.session.update({ where: { id: s.id }, data: { state: "SCHEDULED", endedAt: null } });
    const r = await t.gql(DELETE, { i: { password: PASSWORD } }, mentee.token);
    expect(codes(r)).toEqual(["PRECONDITION_FAILED"]);
    expect(r.errors![0].extensions).toMatchObject({ upcomingSessions: 1 });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: mentee.id } })).status).toBe("ACTIVE");
  });

  it("erases or anonymises personal data, revokes tokens, keeps money and enforcement records", async () => {
    const b = await busyMentee();
    const before = await t.db.user.findUniqueOrThrow({ where: { id: b.mentee.id } });
    const res = (await t.ok(DELETE, { i: { password: PASSWORD, reason: "leaving" } }, b.mentee.token)).requestAccountDeletion;
    expect(res.summary).toMatchObject({ tokensRevoked: 1, notificationsDeleted: expect.any(Number), feedbackCommentsErased: 1, mentorshipsEnded: 1 });
    // Each owning module reports its part (privacy.accountDeleted handlers): the summary lists every kind.
    expect(Object.keys(res.summary).sort()).toEqual(
      ["tokensRevoked", "notificationsDeleted", "calendarFeedsDeleted", "availabilityRulesDeleted", "availabilityExceptionsDeleted", "loginAttemptsDeleted", "feedbackCommentsErased", "checkInCommentsErased", "mentorshipsEnded", "chatScrubbed", "forumScrubbed", "ticketsScrubbed", "heldScrubbed"].sort(),
    );
    expect(await t.db.loginAttempt.count({ where: { email: before.email } })).toBe(0);
    // tokens revoked and log-in impossible
    expect(codes(await t.gql(VIEWER, {}, b.mentee.token))).toEqual(["UNAUTHENTICATED"]);
    expect(codes(await t.gql(LOG_IN, { i: { email: before.email, password: PASSWORD } }))).not.toEqual([]);
    // personal data anonymised or erased
    const after = await t.db.user.findUniqueOrThrow({ where: { id: b.mentee.id } });
    expect(after).toMatchObject({ displayName: "Deleted user", status: "DEACTIVATED", email: `deleted-${b.mentee.id}@deleted.invalid` });
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(await t.db.notification.count({ where: { userId: b.mentee.id } })).toBe(0);
    expect((await t.db.sessionFeedback.findFirstOrThrow({ where: { authorId: b.mentee.id } })).comment).toBe("");
    expect((await t.db.sessionFeedback.findFirstOrThrow({ where: { authorId: b.mentee.id } })).rating).toBe(5);
    expect((await t.db.mentorship.findUniqueOrThrow({ where: { id: b.mentorshipId } })).status).toBe("ENDED");
    // kept: money, enforcement, the accepted agreement (immutable contract), the audit trail
    expect(await t.db.charge.count({ where: { id: b.chargeId } })).toBe(1);
    expect(await t.db.session.count({ where: { id: b.sessionId } })).toBe(1);
    expect(await t.db.report.count({ where: { id: { in: [b.filedId, b.againstId] } } })).toBe(2);
    expect((await t.db.mentorshipAgreement.findUniqueOrThrow({ where: { id: b.agreementId } })).status).toBe("ACCEPTED");
    expect(await t.db.accountDeletionRequest.count({ where: { userId: b.mentee.id } })).toBe(1);
    expect(await t.db.auditLog.count({ where: { subjectId: b.mentee.id, action: "account.delete" } })).toBe(1);
    // the e-mail is free again
    const again = await t.gql(`mutation($i: SignUpInput!) { signUp(input: $i) { user { id } } }`, { i: { email: before.email, password: "long-enough-pw", displayName: "Back", role: "MENTEE" } });
    expect(codes(again)).toEqual([]);
  });
});
