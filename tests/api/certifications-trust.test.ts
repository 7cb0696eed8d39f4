// What certification counts and who moves it: only work done in ACTIVE mentorships of the
// certification's mentoring program since the mentee's enrolment; evaluations only from the
// mentee's mentor in that program, once per mentorship per period (policy); staff issuing with
// unmet criteria need an explicit, audited override.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, type TestApp, type TestUser } from "../helpers/app.js";

const CREATE = `mutation($i: CreateCertificationProgramInput!) { createCertificationProgram(input: $i) { id mentoringProgramId } }`;
const ENROL = `mutation($p: ID!) { enrollInCertification(programId: $p) { menteeId enrolledAt } }`;
const EVALUATE = `mutation($i: EvaluateMenteeInput!) { evaluateMentee(input: $i) { id scorePercent } }`;
const PROGRESS = `query($p: ID!, $m: ID) { certificationProgress(programId: $p, menteeId: $m) { completedSessions milestonesReached evaluationScore met } }`;
const ISSUE = `mutation($i: IssueCertificateInput!) { issueCertificate(input: $i) { id issuedBy } }`;

let t: TestApp;
let admin: TestUser, support: TestUser;
let seq = 0;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T09:00:00Z" });
  [admin, support] = await Promise.all([t.user("ADMIN"), t.user("SUPPORT")]);
});
afterAll(() => t?.close());

const rubric = [{ key: "skill", label: "Skill", maxPoints: 10 }];
async function certification(opts: { mentoringProgramId?: string; sessions?: number; milestones?: number; score?: number | null } = {}) {
  const r = await t.ok(
    CREATE,
    { i: { name: `Cert ${++seq}`, minCompletedSessions: opts.sessions ?? 0, minMilestonesReached: opts.milestones ?? 0, minEvaluationScore: opts.score === undefined ? null : opts.score, rubric, mentoringProgramId: opts.mentoringProgramId } },
    admin.token,
  );
  return r.createCertificationProgram.id as string;
}

type Status = "PENDING" | "ACTIVE" | "DECLINED" | "ENDED";
/** Mentorship rows written directly (the consent tests cover the flow): this file tests counting. */
async function mentorship(mentor: TestUser, mentee: TestUser, status: Status, programId: string | null = null) {
  const now = t.clock.now();
  const active = status === "ACTIVE" || status === "ENDED";
  return t.db.mentorship.create({
    data: {
      mentorId: mentor.id, menteeId: mentee.id, programId, status, startedBy: "MENTOR", createdAt: now, mentorAcceptedAt: now,
      ...(active ? { menteeAcceptedAt: now, activatedAt: now } : {}), ...(status === "ENDED" || status === "DECLINED" ? { endedAt: now } : {}),
    },
  });
}
async function work(mentorshipId: string, mentorId: string, menteeId: string, o: { at?: Date; score?: number; programId?: string } = {}) {
  const at = o.at ?? t.clock.now();
  const startsAt = new Date(at.getTime() + 1000 * ++seq);
  await t.db.session.create({
    data: {
      mentorId, menteeId, startsAt, endsAt: new Date(startsAt.getTime() + 60_000), durationMinutes: 60, state: "ENDED", hourlyRateMinor: 6000, feeMultiplierBps: 10000,
      priceMinor: 6000, currency: "USD", policyVersion: 1, channelName: `w-${seq}`, endedAt: startsAt,
    },
  });
  const g = await t.db.goal.create({ data: { mentorshipId, title: "g", createdBy: "MENTOR", createdAt: at } });
  await t.db.milestone.create({ data: { goalId: g.id, mentorshipId, title: "m", createdAt: at, reachedAt: at } });
  if (o.programId && o.score !== undefined)
    await t.db.evaluation.create({ data: { programId: o.programId, menteeId, mentorId, mentorshipId, scores: { skill: o.score }, scorePercent: o.score * 10, createdAt: at } });
}

describe("criteria count only consented work in the program since enrolment", () => {
  it("pending, declined and other-program mentorships and work before the enrolment count for nothing", async () => {
    const program = (await t.ok(`mutation { createProgram(input: { name: "Data track ${Date.now()}" }) { id } }`, {}, admin.token)).createProgram.id;
    const cert = await certification({ mentoringProgramId: program, sessions: 1, milestones: 1, score: 50 });
    const mentee = await t.user("MENTEE");
    const [m1, m2, m3, m4] = await Promise.all([t.user("MENTOR"), t.user("MENTOR"), t.user("MENTOR"), t.user("MENTOR")]);
    // before the enrolment, in an active mentorship of the program: not counted
    const early = await mentorship(m1, mentee, "ACTIVE", program);
    await work(early.id, m1.id, mentee.id, { programId: cert, score: 10 });
    t.clock.advanceMinutes(60);
    await t.ok(ENROL, { p: cert }, mentee.token);
    t.clock.advanceMinutes(60);
    // a stranger's pending request, a declined one, and an active mentorship without the program
    const pending = await mentorship(m2, mentee, "PENDING", program);
    await work(pending.id, m2.id, mentee.id, { programId: cert, score: 0 });
    const declined = await mentorship(m3, mentee, "DECLINED", program);
    await work(declined.id, m3.id, mentee.id, { programId: cert, score: 0 });
    const other = await mentorship(m4, mentee, "ACTIVE", null);
    await work(other.id, m4.id, mentee.id, { programId: cert, score: 0 });
    const p = (await t.ok(PROGRESS, { p: cert, m: mentee.id }, admin.token)).certificationProgress;
    expect(p).toEqual({ completedSessions: 0, milestonesReached: 0, evaluationScore: null, met: false });
    // the same work in the active program mentorship after the enrolment counts
    await work(early.id, m1.id, mentee.id, { programId: cert, score: 6 });
    expect((await t.ok(PROGRESS, { p: cert, m: mentee.id }, admin.token)).certificationProgress).toEqual({ completedSessions: 1, milestonesReached: 1, evaluationScore: 60, met: true });
  });
});

describe("evaluations", () => {
  it("only on an active mentorship of the program, by its mentor, once per period (policy)", async () => {
    const program = (await t.ok(`mutation { createProgram(input: { name: "Eval track ${Date.now()}" }) { id } }`, {}, admin.token)).createProgram.id;
    const cert = await certification({ mentoringProgramId: program, score: 50 });
    const mentee = await t.user("MENTEE");
    const mentor = await t.user("MENTOR");
    const other = await t.user("MENTOR");
    await t.ok(ENROL, { p: cert }, mentee.token);
    const evaluate = (by: TestUser, mentorshipId: string, points = 5) => t.gql(EVALUATE, { i: { programId: cert, mentorshipId, scores: [{ key: "skill", points }] } }, by.token);
    const outside = await mentorship(other, mentee, "ACTIVE", null);
    expect(codes(await evaluate(other, outside.id))).toEqual(["PRECONDITION_FAILED"]);
    const pending = await mentorship(mentor, mentee, "PENDING", program);
    expect(codes(await evaluate(mentor, pending.id, 0))).toEqual(["PRECONDITION_FAILED"]);
    await t.db.mentorship.update({ where: { id: pending.id }, data: { status: "ACTIVE", menteeAcceptedAt: t.clock.now(), activatedAt: t.clock.now() } });
    // another mentor cannot evaluate through this mentorship
    expect(codes(await evaluate(other, pending.id, 0))).toEqual(["NOT_FOUND"]);
    expect((await t.ok(EVALUATE, { i: { programId: cert, mentorshipId: pending.id, scores: [{ key: "skill", points: 5 }] } }, mentor.token)).evaluateMentee.scorePercent).toBe(50);
    expect(codes(await evaluate(mentor, pending.id, 0))).toEqual(["CONFLICT"]);
    t.clock.advanceMinutes(24 * 60);
    expect(codes(await evaluate(mentor, pending.id, 0))).toEqual(["CONFLICT"]); // default period 30 days
    await t.ok(`mutation { updatePolicy(input: { changes: { certification: { evaluationPeriodDays: 1 } }, reason: "daily" }) { version } }`, {}, admin.token);
    try {
      expect((await t.ok(EVALUATE, { i: { programId: cert, mentorshipId: pending.id, scores: [{ key: "skill", points: 7 }] } }, mentor.token)).evaluateMentee.scorePercent).toBe(70);
    } finally {
      await t.ok(`mutation { updatePolicy(input: { changes: { certification: { evaluationPeriodDays: 30 } }, reason: "back" }) { version } }`, {}, admin.token);
    }
    expect(await t.db.evaluation.count({ where: { menteeId: mentee.id } })).toBe(2);
  });
});

describe("staff issue", () => {
  it("unmet criteria need an explicit override with a reason, recorded in the audit log", async () => {
    const cert = await certification({ sessions: 3 });
    const mentee = await t.user("MENTEE");
    const refused = await t.gql(ISSUE, { i: { programId: cert, menteeId: mentee.id, reason: "finished the offline course" } }, support.token);
    expect(codes(refused)).toEqual(["PRECONDITION_FAILED"]);
    expect(refused.errors![0].extensions!.criteria).toMatchObject({ completedSessions: 0, requiredSessions: 3, met: false });
    expect(await t.db.certificate.count({ where: { menteeId: mentee.id } })).toBe(0);
    expect(codes(await t.gql(ISSUE, { i: { programId: cert, menteeId: mentee.id, reason: "", overrideUnmetCriteria: true } }, support.token))).toEqual(["BAD_USER_INPUT"]);
    const c = (await t.ok(ISSUE, { i: { programId: cert, menteeId: mentee.id, reason: "finished the offline course", overrideUnmetCriteria: true } }, support.token)).issueCertificate;
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { subjectId: c.id } });
    expect(audit).toMatchObject({ action: "certification.issue_override", actorId: support.id, reason: "finished the offline course", after: expect.objectContaining({ override: true }) });
  });
});
