// Evaluation and certification: criteria (ended sessions, milestones reached,
// minimum average evaluation score), rubric evaluations by the mentee's mentor, automatic issue
// exactly once (on the triggering write or by the job), staff issue/revoke, public verification.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, type TestApp, type TestUser } from "../helpers/app.js";
import { runAllJobs } from "../../api/src/jobs/runner.js";
import { issueCertificatesJob } from "../../api/src/modules/certifications/certifications.jobs.js";
import { createLogger } from "../../api/src/lib/logger.js";

const CREATE = `mutation($i: CreateCertificationProgramInput!) { createCertificationProgram(input: $i) { id name rubric { key maxPoints } minEvaluationScore } }`;
const ENROL = `mutation($p: ID!) { enrollInCertification(programId: $p) { menteeId enrolledAt } }`;
const EVALUATE = `mutation($i: EvaluateMenteeInput!) { evaluateMentee(input: $i) { id scorePercent scores { key points } } }`;
const CERTS = `query { certificates(first: 20) { edges { node { id code issuedBy revokedAt program { name } holderName } } } }`;
const VERIFY = `query($c: String!) { verifyCertificate(code: $c) { code valid status programName holderName issuedAt revokedAt } }`;
const REVOKE = `mutation($id: ID!, $r: String!) { revokeCertificate(input: { certificateId: $id, reason: $r }) { id revokedAt revokeReason } }`;
const ISSUE = `mutation($p: ID!, $m: ID!) { issueCertificate(input: { programId: $p, menteeId: $m, reason: "completed the offline course", overrideUnmetCriteria: true }) { id issuedBy code } }`;
const PROGRESS = `query($p: ID!, $m: ID) { certificationProgress(programId: $p, menteeId: $m) { completedSessions milestonesReached evaluationScore met } }`;

let t: TestApp;
let admin: TestUser, support: TestUser, mentor: TestUser, otherMentor: TestUser;
let programId: string;
let seq = 0;

beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T09:00:00Z" });
  [admin, support, mentor, otherMentor] = await Promise.all([t.user("ADMIN"), t.user("SUPPORT"), t.user("MENTOR"), t.user("MENTOR")]);
  const p = await t.ok(
    CREATE,
    {
      i: {
        name: "Career Launch Certificate",
        minCompletedSessions: 1,
        minMilestonesReached: 1,
        minEvaluationScore: 70,
        rubric: [
          { key: "communication", label: "Communication", maxPoints: 10 },
          { key: "delivery", label: "Delivers the agreed tasks", maxPoints: 10 },
        ],
      },
    },
    admin.token,
  );
  programId = p.createCertificationProgram.id;
  await t.ok(`mutation { updatePolicy(input: { changes: { certification: { evaluationPeriodDays: 1 } }, reason: "daily evaluations in these tests" }) { version } }`, {}, admin.token);
});
afterAll(() => t?.close());

async function pair() {
  const mentee = await t.user("MENTEE");
  const now = t.clock.now();
  // an accepted request (both sides' consent), written directly: the consent tests cover the flow
  const m = await t.db.mentorship.create({
    data: { mentorId: mentor.id, menteeId: mentee.id, status: "ACTIVE", startedBy: "MENTEE", createdAt: now, menteeAcceptedAt: now, mentorAcceptedAt: now, activatedAt: now },
  });
  return { mentee, mentorshipId: m.id };
}

/** Facts written by other modules: an ENDED session (sessions) and a reached milestone (progress). */
async function endedSession(menteeId: string) {
  // after the enrolment and the mentorship's acceptance: only such work counts
  const startsAt = new Date(t.clock.now().getTime() + 3_600_000 * seq++);
  await t.db.session.create({
    data: {
      mentorId: mentor.id, menteeId, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), durationMinutes: 60, state: "ENDED",
      hourlyRateMinor: 6000, feeMultiplierBps: 10000, priceMinor: 6000, currency: "USD", policyVersion: 1, channelName: `c-${menteeId}-${seq}`, endedAt: startsAt,
    },
  });
}
async function reachedMilestone(mentorshipId: string) {
  const g = await t.db.goal.create({ data: { mentorshipId, title: "Land a first job", createdBy: "MENTOR", createdAt: t.clock.now() } });
  await t.db.milestone.create({ data: { goalId: g.id, mentorshipId, title: "CV reviewed", createdAt: t.clock.now(), reachedAt: t.clock.now() } });
}
const evaluate = (by: TestUser, mentorshipId: string, c: number, d: number) =>
  t.gql(EVALUATE, { i: { programId, mentorshipId, scores: [{ key: "communication", points: c }, { key: "delivery", points: d }], comment: "good" } }, by.token);
const jobDeps = () => ({ db: t.db, pubsub: t.app.pubsub, clock: t.clock, logger: createLogger("silent") }) as never;

describe("automatic certificate", () => {
  it("is issued on the evaluation that completes the criteria, once", async () => {
    const { mentee, mentorshipId } = await pair();
    await t.ok(ENROL, { p: programId }, mentee.token);
    await endedSession(mentee.id);
    await reachedMilestone(mentorshipId);
    // 50 %: below the minimum average of 70
    expect((await evaluate(mentor, mentorshipId, 5, 5)).data.evaluateMentee.scorePercent).toBe(50);
    expect(await t.db.certificate.count({ where: { menteeId: mentee.id } })).toBe(0);
    // one evaluation per mentorship per period (policy; one day here)
    expect(codes(await evaluate(mentor, mentorshipId, 10, 10))).toEqual(["CONFLICT"]);
    t.clock.advanceMinutes(24 * 60);
    // average (50 + 100) / 2 = 75: met by this write
    await evaluate(mentor, mentorshipId, 10, 10);
    const certs = (await t.ok(CERTS, {}, mentee.token)).certificates.edges;
    expect(certs).toHaveLength(1);
    expect(certs[0].node).toMatchObject({ issuedBy: "AUTOMATIC", revokedAt: null, program: { name: "Career Launch Certificate" } });
    // further triggers do not issue again
    t.clock.advanceMinutes(24 * 60);
    await evaluate(mentor, mentorshipId, 10, 10);
    await runAllJobs(jobDeps(), [issueCertificatesJob]);
    expect(await t.db.certificate.count({ where: { menteeId: mentee.id } })).toBe(1);
    expect(await t.db.notification.count({ where: { userId: mentee.id, kind: "certificate.issued" } })).toBe(2); // in-app + e-mail, once
    expect((await t.ok(PROGRESS, { p: programId }, mentee.token)).certificationProgress).toEqual({ completedSessions: 1, milestonesReached: 1, evaluationScore: 83, met: true });
  });

  it("is issued by the job when a session or milestone completes the criteria later, exactly once across processes", async () => {
    const { mentee, mentorshipId } = await pair();
    await t.ok(ENROL, { p: programId }, mentee.token);
    await evaluate(mentor, mentorshipId, 8, 8);
    await reachedMilestone(mentorshipId);
    await runAllJobs(jobDeps(), [issueCertificatesJob]);
    expect(await t.db.certificate.count({ where: { menteeId: mentee.id } })).toBe(0); // no ended session yet
    await endedSession(mentee.id);
    await Promise.all([runAllJobs(jobDeps(), [issueCertificatesJob]), runAllJobs(jobDeps(), [issueCertificatesJob])]);
    const rows = await t.db.certificate.findMany({ where: { menteeId: mentee.id } });
    expect(rows).toHaveLength(1);
    expect(await t.db.auditLog.count({ where: { subjectId: rows[0].id, action: "certification.issue", actorKind: "SYSTEM" } })).toBe(1);
  });
});

describe("verification and revocation", () => {
  it("anyone verifies a code without signing in; a revoked certificate fails verification", async () => {
    const { mentee } = await pair();
    const issued = (await t.ok(ISSUE, { p: programId, m: mentee.id }, support.token)).issueCertificate;
    expect(issued.issuedBy).toBe("STAFF");
    const ok = (await t.ok(VERIFY, { c: issued.code })).verifyCertificate;
    expect(ok).toMatchObject({ valid: true, status: "VALID", programName: "Career Launch Certificate", revokedAt: null });

    expect(codes(await t.gql(REVOKE, { id: issued.id, r: "obtained by misrepresentation" }, mentee.token))).toEqual(["FORBIDDEN"]);
    expect(codes(await t.gql(REVOKE, { id: issued.id, r: "" }, support.token))).toEqual(["BAD_USER_INPUT"]);
    t.clock.advanceMinutes(5);
    const revoked = (await t.ok(REVOKE, { id: issued.id, r: "obtained by misrepresentation" }, support.token)).revokeCertificate;
    expect(revoked).toMatchObject({ revokeReason: "obtained by misrepresentation", revokedAt: t.clock.now().toISOString() });
    const bad = (await t.ok(VERIFY, { c: issued.code.toLowerCase() })).verifyCertificate;
    expect(bad).toMatchObject({ valid: false, status: "REVOKED" });
    expect(codes(await t.gql(REVOKE, { id: issued.id, r: "again" }, support.token))).toEqual(["CONFLICT"]);
    // revoked is final: not re-issued by staff or by the criteria
    expect(codes(await t.gql(ISSUE, { p: programId, m: mentee.id }, admin.token))).toEqual(["CONFLICT"]);
    expect((await t.ok(VERIFY, { c: "HS-NONE-NONE-NONE" })).verifyCertificate).toMatchObject({ valid: false, status: "UNKNOWN", holderName: null });
    expect(codes(await t.gql(VERIFY, { c: "x".repeat(100) }))).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("who evaluates", () => {
  it("only the mentee's own mentor evaluates, against the rubric, an enrolled mentee", async () => {
    const { mentee, mentorshipId } = await pair();
    expect(codes(await evaluate(mentor, mentorshipId, 5, 5))).toEqual(["PRECONDITION_FAILED"]); // not enrolled
    await t.ok(ENROL, { p: programId }, mentee.token);
    expect(codes(await evaluate(otherMentor, mentorshipId, 5, 5))).toEqual(["NOT_FOUND"]);
    expect(codes(await evaluate(mentor, mentorshipId, 11, 5))).toEqual(["BAD_USER_INPUT"]);
    const missing = await t.gql(EVALUATE, { i: { programId, mentorshipId, scores: [{ key: "communication", points: 5 }] } }, mentor.token);
    expect(codes(missing)).toEqual(["BAD_USER_INPUT"]);
    expect(missing.errors![0].extensions!.fields).toHaveProperty(["scores.delivery"]);
    expect(codes(await t.gql(EVALUATE, { i: { programId, mentorshipId, scores: [{ key: "communication", points: 5 }, { key: "delivery", points: 5 }] } }, mentee.token))).toEqual(["FORBIDDEN"]);
    expect(await t.db.evaluation.count({ where: { menteeId: mentee.id } })).toBe(0);
    // mentees see their own progress; another mentor does not
    expect(codes(await t.gql(PROGRESS, { p: programId, m: mentee.id }, otherMentor.token))).toEqual(["FORBIDDEN"]);
    expect((await t.ok(PROGRESS, { p: programId, m: mentee.id }, mentor.token)).certificationProgress.met).toBe(false);
  });

  it("only admins create programs; the rubric is validated", async () => {
    const i = { name: "Another", rubric: [{ key: "a", label: "A crit", maxPoints: 5 }] };
    expect(codes(await t.gql(CREATE, { i }, support.token))).toEqual(["FORBIDDEN"]);
    expect(codes(await t.gql(CREATE, { i: { ...i, rubric: [] } }, admin.token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await t.gql(CREATE, { i: { ...i, rubric: [i.rubric[0], i.rubric[0]] } }, admin.token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await t.gql(CREATE, { i: { ...i, name: "Career Launch Certificate" } }, admin.token))).toEqual(["CONFLICT"]);
  });
});
