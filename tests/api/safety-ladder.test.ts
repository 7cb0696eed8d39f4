// Review queue, the Warning -> Strike -> Ban ladder (seed 003), suspensions, appeals, standing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestApp, codes, type TestApp, type TestUser } from "../helpers/app.js";
import { DAY, ISSUE, LOG_IN, PASSWORD, REVIEW, STANDING, enforcementsOf, report, users } from "../helpers/safety.js";
import { expireSuspensionsJob } from "../../api/src/modules/safety/safety.jobs.js";
import { logger } from "../../api/src/lib/logger.js";

let t: TestApp;
let support: TestUser;
let admin: TestUser;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T09:00:00Z" });
  support = await t.user("SUPPORT");
  admin = await t.user("ADMIN");
});
afterAll(() => t?.close());
// The clock moves months ahead in some tests: staff sign in again so their tokens are fresh.
beforeEach(async () => {
  await relogin(support);
  await relogin(admin);
});

const uphold = (reportId: string, extra: Record<string, unknown> = {}) =>
  t.ok(REVIEW, { i: { reportId, decision: "UPHOLD", reason: "confirmed by review", ...extra } }, support.token).then((r) => r.reviewReport);
const relogin = async (u: TestUser) => {
  const r = await t.gql(LOG_IN, { i: { email: u.email, password: PASSWORD } });
  if (r.data) u.token = r.data.logIn.token;
  return r;
};

describe("review queue", () => {
  it("only staff review; the reporter follows the status; the subject never sees who reported", async () => {
    const mentor = await t.user("MENTOR");
    const [mentee, other] = await users(t, "MENTEE", 2);
    const r = await report(t, mentee, mentor.id, "HARASSMENT");
    for (const u of [mentor, other, mentee]) expect(codes(await t.gql(REVIEW, { i: { reportId: r.id, decision: "DISMISS", reason: "nope" } }, u.token))).toEqual(["FORBIDDEN"]);
    const queue = await t.ok(`{ reports(filter: { status: OPEN }) { edges { node { id reporter { id } } } } }`, {}, support.token);
    expect(queue.reports.edges.map((e: any) => e.node)).toContainEqual({ id: r.id, reporter: { id: mentee.id } });
    expect(codes(await t.gql(`{ reports { edges { node { id } } } }`, {}, mentor.token))).toEqual(["FORBIDDEN"]);
    // the subject cannot open the report
    expect(codes(await t.gql(`query($id: ID!) { report(id: $id) { id } }`, { id: r.id }, mentor.token))).toEqual(["NOT_FOUND"]);
    const reviewed = await uphold(r.id);
    expect(reviewed.status).toBe("UPHELD");
    const mine = await t.ok(`{ myReports { edges { node { id status } } } }`, {}, mentee.token);
    expect(mine.myReports.edges.map((e: any) => e.node)).toEqual([{ id: r.id, status: "UPHELD" }]);
    // the warning is visible to the mentor, but not the reports behind it
    const seen = await t.ok(`{ enforcements { edges { node { id kind reports { id } } } } }`, {}, mentor.token);
    expect(seen.enforcements.edges.map((e: any) => e.node)).toEqual([{ id: reviewed.enforcement.id, kind: "WARNING", reports: [] }]);
    // deciding twice differently is a conflict; the same decision again is idempotent
    expect(codes(await t.gql(REVIEW, { i: { reportId: r.id, decision: "DISMISS", reason: "changed mind" } }, support.token))).toEqual(["CONFLICT"]);
    expect((await uphold(r.id)).enforcement.id).toBe(reviewed.enforcement.id);
    expect(await enforcementsOf(t, mentor.id)).toHaveLength(1);
  });

  it("a dismissed report takes no action", async () => {
    const mentor = await t.user("MENTOR");
    const [mentee] = await users(t, "MENTEE", 1);
    const r = await report(t, mentee, mentor.id, "SPAM");
    const d = await t.ok(REVIEW, { i: { reportId: r.id, decision: "DISMISS", reason: "not spam" } }, support.token);
    expect(d.reviewReport).toMatchObject({ status: "DISMISSED", enforcement: null });
    expect(await enforcementsOf(t, mentor.id)).toHaveLength(0);
  });
});

describe("the ladder", () => {
  it("Warning -> Strike (one-month suspension) -> Ban", async () => {
    const mentor = await t.user("MENTOR");
    const mentees = await users(t, "MENTEE", 3);
    const steps = [];
    for (const m of mentees) {
      const r = await report(t, m, mentor.id, "OFF_PLATFORM");
      steps.push((await uphold(r.id)).enforcement);
    }
    expect(steps.map((e) => e.kind)).toEqual(["WARNING", "STRIKE", "BAN"]);
    expect(new Date(steps[1].endsAt).getTime() - t.clock.now().getTime()).toBe(30 * DAY);
    expect(steps[2].endsAt).toBeNull();
    expect((await t.db.user.findUniqueOrThrow({ where: { id: mentor.id } })).status).toBe("BANNED");
  });

  it("staff may skip steps for severity, recorded in the audit log", async () => {
    const mentor = await t.user("MENTOR");
    const [mentee] = await users(t, "MENTEE", 1);
    const r = await report(t, mentee, mentor.id, "HARASSMENT");
    const e = (await uphold(r.id, { action: "BAN" })).enforcement;
    expect(e.kind).toBe("BAN");
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { subjectId: e.id, action: "safety.enforce" } });
    expect(audit.after).toMatchObject({ ladderStep: "WARNING", applied: "BAN", skipped: true });
    // manual enforcement may skip as well
    const other = await t.user("MENTEE");
    const strike = (await t.ok(ISSUE, { i: { userId: other.id, kind: "STRIKE", reason: "severe harassment in chat" } }, support.token)).issueEnforcement;
    expect(strike.kind).toBe("STRIKE");
    const a2 = await t.db.auditLog.findFirstOrThrow({ where: { subjectId: strike.id, action: "safety.enforce" } });
    expect(a2.after).toMatchObject({ ladderStep: "WARNING", skipped: true });
    for (const u of [mentor, other, mentee]) expect(codes(await t.gql(ISSUE, { i: { userId: u.id, kind: "WARNING", reason: "x" } }, (await t.user("MENTOR")).token))).toEqual(["FORBIDDEN"]);
  });

  it("an idempotency key enforces once", async () => {
    const u = await t.user("MENTEE");
    const i = { userId: u.id, kind: "WARNING", reason: "first warning", idempotencyKey: "retry-key-123" };
    const a = (await t.ok(ISSUE, { i }, support.token)).issueEnforcement;
    const b = (await t.ok(ISSUE, { i }, support.token)).issueEnforcement;
    expect(b.id).toBe(a.id);
    expect(await enforcementsOf(t, u.id)).toHaveLength(1);
  });

  it("strikes drop out of the rolling window by themselves", async () => {
    const mentor = await t.user("MENTOR");
    await t.ok(ISSUE, { i: { userId: mentor.id, kind: "WARNING", reason: "spam" } }, support.token);
    const strike = (await t.ok(ISSUE, { i: { userId: mentor.id, kind: "STRIKE", reason: "spam again" } }, support.token)).issueEnforcement;
    expect(new Date(strike.dropsOutAt).getTime() - t.clock.now().getTime()).toBe(182 * DAY);
    t.clock.advance(40 * DAY);
    await relogin(mentor);
    let s = (await t.ok(STANDING, {}, mentor.token)).viewer.standing;
    expect(s).toMatchObject({ status: "ACTIVE", nextStep: "BAN", activeStrikes: [{ id: strike.id, kind: "STRIKE", dropsOutAt: strike.dropsOutAt }] });
    t.clock.advance(143 * DAY);
    await relogin(mentor);
    s = (await t.ok(STANDING, {}, mentor.token)).viewer.standing;
    expect(s).toMatchObject({ activeStrikes: [], warnings: [], nextStep: "WARNING" });
    // and the next violation starts the ladder again
    await relogin(support);
    const [mentee] = await users(t, "MENTEE", 1);
    const e = (await uphold((await report(t, mentee, mentor.id, "SPAM")).id)).enforcement;
    expect(e.kind).toBe("WARNING");
  });

  it("a strike suspends the account with a coded error until its end, then stops applying by itself", async () => {
    const mentee = await t.user("MENTEE");
    const strike = (await t.ok(ISSUE, { i: { userId: mentee.id, kind: "STRIKE", reason: "asked a mentor for free coupons", category: "REVIEW_FAVOURS" } }, support.token)).issueEnforcement;
    expect(codes(await t.gql(`{ viewer { id } }`, {}, mentee.token))).toEqual(["UNAUTHENTICATED"]);
    const blocked = await relogin(mentee);
    expect(codes(blocked)).toEqual(["ACCOUNT_SUSPENDED"]);
    expect(blocked.errors![0].extensions).toMatchObject({ reason: "asked a mentor for free coupons", endsAt: strike.endsAt, enforcementId: strike.id });
    t.clock.advance(30 * DAY + 1000);
    // no job has run: the clock alone ends the suspension
    expect((await relogin(mentee)).data?.logIn.token).toBeTruthy();
    expect((await t.ok(STANDING, {}, mentee.token)).viewer.standing.status).toBe("ACTIVE");
    expect((await t.db.user.findUniqueOrThrow({ where: { id: mentee.id } })).status).toBe("SUSPENDED");
    const n = await expireSuspensionsJob.run({ db: t.db, pubsub: t.app.pubsub, clock: t.clock, logger });
    expect(n).toBeGreaterThanOrEqual(1);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: mentee.id } })).status).toBe("ACTIVE");
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { subjectId: mentee.id, action: "safety.suspensionEnded" } });
    expect(audit).toMatchObject({ actorKind: "SYSTEM", actorId: null, reason: "system:safety.expireSuspensions" });
    // a second run (another process) changes nothing
    expect(await t.db.auditLog.count({ where: { subjectId: mentee.id, action: "safety.suspensionEnded" } })).toBe(1);
  });

  it("upheld rudeness lowers the mentor's fee multiplier with an explainable history and shows on the profile", async () => {
    const mentor = await t.user("MENTOR");
    const [mentee] = await users(t, "MENTEE", 1);
    const r = await report(t, mentee, mentor.id, "RUDENESS", { sessionId: "sess-1" });
    await uphold(r.id);
    expect((await t.db.mentorProfile.findUniqueOrThrow({ where: { userId: mentor.id } })).feeMultiplierBps).toBe(9500);
    const [change] = await t.db.feeMultiplierChange.findMany({ where: { mentorId: mentor.id } });
    expect(change).toMatchObject({ fromBps: 10000, toBps: 9500, rule: "UPHELD_COMPLAINT", sessionIds: ["sess-1"], policyVersion: 0 });
    expect(change.reason).toContain(r.id);
    const p = await t.ok(`query($id: ID!) { user(id: $id) { mentorProfile { upheldConductComplaints } } }`, { id: mentor.id }, mentee.token);
    expect(p.user.mentorProfile.upheldConductComplaints).toBe(1);
  });
});

describe("feature and program scope", () => {
  it("a feature suspension blocks that feature with FEATURE_SUSPENDED, reason and end date; the rest works", async () => {
    const mentor = await t.user("MENTOR");
    const e = (await t.ok(ISSUE, { i: { userId: mentor.id, kind: "STRIKE", scope: "FEATURE", feature: "profile", reason: "misleading profile claims" } }, support.token)).issueEnforcement;
    // not an account suspension: the token still works
    const r = await t.gql(`mutation { updateMentorProfile(input: { headline: "new" }) { headline } }`, {}, mentor.token);
    expect(codes(r)).toEqual(["FEATURE_SUSPENDED"]);
    expect(r.errors![0].extensions).toMatchObject({ reason: "misleading profile claims", endsAt: e.endsAt, feature: "profile", enforcementId: e.id });
    expect((await t.ok(`mutation { updateMyProfile(input: { displayName: "Still here" }) { displayName } }`, {}, mentor.token)).updateMyProfile.displayName).toBe("Still here");
    expect(codes(await t.gql(`mutation { updateMentorProfile(input: { headline: "x" }) { headline } }`, {}, (await t.user("MENTOR")).token))).toEqual([]);
    t.clock.advance(30 * DAY + 1);
    expect(codes(await t.gql(`mutation { updateMentorProfile(input: { headline: "back" }) { headline } }`, {}, (await relogin(mentor), mentor.token)))).toEqual([]);
  });

  it("a program-scoped strike disables the program for exactly its mentors and support staff", async () => {
    const [tiedMentor, otherMentor] = await users(t, "MENTOR", 2);
    const [tiedSupport] = await users(t, "SUPPORT", 1);
    const [tiedMentee] = await users(t, "MENTEE", 1);
    const p = (await t.ok(`mutation { createProgram(input: { name: "Course in violation" }) { id } }`, {}, admin.token)).createProgram;
    const other = (await t.ok(`mutation { createProgram(input: { name: "Clean course" }) { id } }`, {}, admin.token)).createProgram;
    for (const u of [tiedMentor, tiedSupport, tiedMentee]) await t.ok(`mutation($p: ID!, $u: ID!) { addProgramMember(programId: $p, userId: $u) { role } }`, { p: p.id, u: u.id }, admin.token);
    for (const u of [otherMentor, tiedMentor]) await t.ok(`mutation($p: ID!, $u: ID!) { addProgramMember(programId: $p, userId: $u) { role } }`, { p: other.id, u: u.id }, admin.token);
    const e = (await t.ok(ISSUE, { i: { userId: tiedMentor.id, kind: "STRIKE", scope: "PROGRAM", programId: p.id, reason: "students taken off-platform in this course" } }, support.token)).issueEnforcement;
    const q = `query($id: ID!) { program(id: $id) { featureSuspension { enforcementId reason endsAt } } }`;
    for (const u of [tiedMentor, tiedSupport]) {
      const s = (await t.ok(q, { id: p.id }, u.token)).program.featureSuspension;
      expect(s).toEqual({ enforcementId: e.id, reason: "students taken off-platform in this course", endsAt: e.endsAt });
      expect((await t.ok(STANDING, {}, u.token)).viewer.standing.suspensions).toEqual([{ id: e.id, kind: "STRIKE", scope: "PROGRAM", endsAt: e.endsAt }]);
      // the other program is unaffected, and the account still works
      expect((await t.ok(q, { id: other.id }, tiedMentor.token)).program.featureSuspension).toBeNull();
    }
    expect((await t.ok(q, { id: p.id }, tiedMentee.token)).program.featureSuspension).toBeNull();
    expect((await t.ok(q, { id: other.id }, otherMentor.token)).program.featureSuspension).toBeNull();
    expect((await t.ok(STANDING, {}, tiedMentee.token)).viewer.standing.suspensions).toEqual([]);
    // every tied staff member got a notice
    expect(await t.db.notification.count({ where: { userId: tiedSupport.id, kind: "safety.programSuspended" } })).toBe(2);
    expect(await t.db.notification.count({ where: { userId: tiedMentee.id } })).toBe(0);
  });
});

describe("appeals", () => {
  it("a banned user appeals with their credentials; approval overturns the ban and it stops counting", async () => {
    const mentor = await t.user("MENTOR");
    const ban = (await t.ok(ISSUE, { i: { userId: mentor.id, kind: "BAN", reason: "fraud" } }, support.token)).issueEnforcement;
    const FILE_APPEAL = `mutation($i: FileAppealInput!) { fileAppeal(input: $i) { id status } }`;
    const wrong = await t.gql(FILE_APPEAL, { i: { enforcementId: ban.id, statement: "This was a misunderstanding, please review.", email: mentor.email, password: "wrong-password" } });
    expect(codes(wrong)).toEqual(["UNAUTHENTICATED"]);
    const appeal = (await t.ok(FILE_APPEAL, { i: { enforcementId: ban.id, statement: "This was a misunderstanding, please review.", email: mentor.email, password: PASSWORD } })).fileAppeal;
    expect(appeal.status).toBe("PENDING");
    // one appeal per enforcement
    expect(codes(await t.gql(FILE_APPEAL, { i: { enforcementId: ban.id, statement: "Second try at an appeal here.", email: mentor.email, password: PASSWORD } }))).toEqual(["CONFLICT"]);
    const DECIDE = `mutation($i: DecideAppealInput!) { decideAppeal(input: $i) { id status enforcement { overturnedAt } } }`;
    expect(codes(await t.gql(DECIDE, { i: { appealId: appeal.id, approve: true, reason: "evidence was wrong" } }, (await t.user("MENTEE")).token))).toEqual(["FORBIDDEN"]);
    const d = (await t.ok(DECIDE, { i: { appealId: appeal.id, approve: true, reason: "evidence was wrong" } }, support.token)).decideAppeal;
    expect(d.status).toBe("APPROVED");
    expect(d.enforcement.overturnedAt).toBeTruthy();
    expect((await t.db.user.findUniqueOrThrow({ where: { id: mentor.id } })).status).toBe("ACTIVE");
    expect((await relogin(mentor)).data?.logIn.token).toBeTruthy();
    expect((await t.ok(STANDING, {}, mentor.token)).viewer.standing).toMatchObject({ ban: null, nextStep: "WARNING" });
  });

  it("a rejected appeal keeps the enforcement; appeals close with the appeal window", async () => {
    const mentee = await t.user("MENTEE");
    const w1 = (await t.ok(ISSUE, { i: { userId: mentee.id, kind: "WARNING", reason: "asked for personal information" } }, support.token)).issueEnforcement;
    const s = (await t.ok(STANDING, {}, mentee.token)).viewer.standing;
    expect(s.appealable).toEqual([{ id: w1.id, appealDeadline: w1.appealDeadline }]);
    const a = (await t.ok(`mutation($i: FileAppealInput!) { fileAppeal(input: $i) { id } }`, { i: { enforcementId: w1.id, statement: "I only asked for a time zone." } }, mentee.token)).fileAppeal;
    const d = await t.ok(`mutation($i: DecideAppealInput!) { decideAppeal(input: $i) { status } }`, { i: { appealId: a.id, approve: false, reason: "the chat log shows otherwise" } }, support.token);
    expect(d.decideAppeal.status).toBe("REJECTED");
    expect((await t.ok(STANDING, {}, mentee.token)).viewer.standing).toMatchObject({ warnings: [{ id: w1.id }], nextStep: "STRIKE", appealable: [] });
    const w2 = (await t.ok(ISSUE, { i: { userId: mentee.id, kind: "WARNING", reason: "again" } }, support.token)).issueEnforcement;
    t.clock.advance(15 * DAY);
    await relogin(mentee);
    const late = await t.gql(`mutation($i: FileAppealInput!) { fileAppeal(input: $i) { id } }`, { i: { enforcementId: w2.id, statement: "Too late but please look." } }, mentee.token);
    expect(codes(late)).toEqual(["PRECONDITION_FAILED"]);
    // nobody appeals someone else's enforcement
    const stranger = await t.user("MENTEE");
    expect(codes(await t.gql(`mutation($i: FileAppealInput!) { fileAppeal(input: $i) { id } }`, { i: { enforcementId: w2.id, statement: "Not mine to appeal at all." } }, stranger.token))).toEqual(["NOT_FOUND"]);
  });
});
