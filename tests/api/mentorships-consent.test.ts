// Consent to a mentorship (seed 004): a request by one side is ACTIVE only once the other side
// accepts; either side may decline; unanswered requests expire (policy data, a job); a pending,
// declined, expired or ended mentorship grants nothing (chat, goals, milestones, tasks,
// agreement writes, evaluations).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, type TestApp, type TestUser } from "../helpers/app.js";
import { logger } from "../../api/src/lib/logger.js";
import { expireMentorshipRequestsJob } from "../../api/src/modules/mentorships/mentorships.jobs.js";
import { ACCEPT_REQUEST, DECLINE_REQUEST, MENTORSHIP, PROPOSE, START, TERMS } from "../helpers/mentorships.js";

const SEND = `mutation($m: ID!, $b: String!) { sendChatMessage(input: { mentorshipId: $m, body: $b }) { id } }`;
const GOAL = `mutation($i: CreateGoalInput!) { createGoal(input: $i) { id } }`;
const MILESTONE = `mutation($i: AddMilestoneInput!) { addMilestone(input: $i) { id } }`;
const REACHED = `mutation($i: SetMilestoneReachedInput!) { setMilestoneReached(input: $i) { id reachedAt } }`;
const ASSIGN = `mutation($i: AssignTaskInput!) { assignTask(input: $i) { id } }`;
const COMPLETE = `mutation($i: CompleteTaskInput!) { completeTask(input: $i) { id status } }`;
const EVALUATE = `mutation($i: EvaluateMenteeInput!) { evaluateMentee(input: $i) { id } }`;
const ENROL = `mutation($p: ID!) { enrollInCertification(programId: $p) { menteeId } }`;
const CREATE_CERT = `mutation($i: CreateCertificationProgramInput!) { createCertificationProgram(input: $i) { id } }`;
const END = `mutation($i: EndMentorshipInput!) { endMentorship(input: $i) { id status } }`;
const SET_POLICY = `mutation($c: JSON!) { updatePolicy(input: { changes: $c, reason: "test change" }) { version } }`;

let t: TestApp;
let admin: TestUser;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T09:00:00Z" });
  admin = await t.user("ADMIN");
});
afterAll(() => t?.close());

const request = async (by: "MENTOR" | "MENTEE") => {
  const mentor = await t.user("MENTOR");
  const mentee = await t.user("MENTEE");
  const m =
    by === "MENTEE"
      ? (await t.ok(START, { i: { mentorId: mentor.id } }, mentee.token)).startMentorship
      : (await t.ok(START, { i: { menteeId: mentee.id } }, mentor.token)).startMentorship;
  return { mentor, mentee, id: m.id as string, status: m.status as string };
};

/** Every write a mentorship grants, tried by its parties: each must be refused with `code`. */
async function grantsNothing(mentorshipId: string, mentor: TestUser, mentee: TestUser, allowed: string[]) {
  // rows a fixture puts there directly, so the writes on existing rows are tried too
  const goal = await t.db.goal.create({ data: { mentorshipId, title: "fixture goal", createdBy: "MENTOR", createdAt: t.clock.now() } });
  const ms = await t.db.milestone.create({ data: { goalId: goal.id, mentorshipId, title: "fixture milestone", createdAt: t.clock.now() } });
  const task = await t.db.task.create({ data: { mentorshipId, title: "fixture task", createdAt: t.clock.now() } });
  const cert = (await t.ok(CREATE_CERT, { i: { name: `Consent ${mentorshipId}`, rubric: [{ key: "a", label: "A crit", maxPoints: 5 }] } }, admin.token)).createCertificationProgram;
  await t.ok(ENROL, { p: cert.id }, mentee.token);
  const tries = {
    chatMentor: await t.gql(SEND, { m: mentorshipId, b: "hello" }, mentor.token),
    chatMentee: await t.gql(SEND, { m: mentorshipId, b: "hello" }, mentee.token),
    goal: await t.gql(GOAL, { i: { mentorshipId, title: "A goal" } }, mentee.token),
    milestone: await t.gql(MILESTONE, { i: { goalId: goal.id, title: "A milestone" } }, mentor.token),
    reached: await t.gql(REACHED, { i: { milestoneId: ms.id, reached: true } }, mentor.token),
    task: await t.gql(ASSIGN, { i: { mentorshipId, title: "A task" } }, mentor.token),
    complete: await t.gql(COMPLETE, { i: { taskId: task.id } }, mentee.token),
    agreement: await t.gql(PROPOSE, { i: { mentorshipId, terms: TERMS } }, mentor.token),
    evaluation: await t.gql(EVALUATE, { i: { programId: cert.id, mentorshipId, scores: [{ key: "a", points: 0 }] } }, mentor.token),
  };
  for (const [k, r] of Object.entries(tries)) expect({ [k]: codes(r).length === 1 && allowed.includes(codes(r)[0]) }, `${k}: ${JSON.stringify(codes(r))}`).toEqual({ [k]: true });
  expect(await t.db.chatMessage.count({ where: { mentorshipId } })).toBe(0);
  expect(await t.db.evaluation.count({ where: { mentorshipId } })).toBe(0);
  expect(await t.db.milestone.findUniqueOrThrow({ where: { id: ms.id } })).toMatchObject({ reachedAt: null });
  expect(await t.db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: "OPEN" });
  expect(await t.db.mentorshipAgreement.count({ where: { mentorshipId } })).toBe(0);
}

describe("consent", () => {
  it("a request by one side is ACTIVE only when the other side accepts", async () => {
    const { mentor, mentee, id, status } = await request("MENTEE");
    expect(status).toBe("PENDING");
    // the requester's own acceptance is implied; it cannot accept for the other side
    expect(codes(await t.gql(ACCEPT_REQUEST, { id }, mentee.token))).toEqual(["CONFLICT"]);
    const stranger = await t.user("MENTOR");
    expect(codes(await t.gql(ACCEPT_REQUEST, { id }, stranger.token))).toEqual(["NOT_FOUND"]);
    expect((await t.ok(MENTORSHIP, { id }, mentor.token)).mentorship.status).toBe("PENDING");
    t.clock.advanceMinutes(30);
    const ok = (await t.ok(ACCEPT_REQUEST, { id }, mentor.token)).acceptMentorship;
    expect(ok).toMatchObject({ status: "ACTIVE", activatedAt: t.clock.now().toISOString() });
    expect(await t.db.notification.count({ where: { userId: mentee.id, kind: "mentorship.accepted" } })).toBeGreaterThan(0);
    // once active, it grants its writes
    await t.ok(SEND, { m: id, b: "hello" }, mentee.token);
    await t.ok(GOAL, { i: { mentorshipId: id, title: "A goal" } }, mentor.token);
    expect(codes(await t.gql(ACCEPT_REQUEST, { id }, mentor.token))).toEqual(["CONFLICT"]);
  });

  it("a staff-made request needs both sides", async () => {
    const support = await t.user("SUPPORT");
    const mentor = await t.user("MENTOR");
    const mentee = await t.user("MENTEE");
    const m = (await t.ok(START, { i: { mentorId: mentor.id, menteeId: mentee.id } }, support.token)).startMentorship;
    expect((await t.ok(ACCEPT_REQUEST, { id: m.id }, mentee.token)).acceptMentorship.status).toBe("PENDING");
    expect((await t.ok(ACCEPT_REQUEST, { id: m.id }, mentor.token)).acceptMentorship.status).toBe("ACTIVE");
  });

  it("a pending request grants nothing", async () => {
    const { mentor, mentee, id } = await request("MENTOR");
    await grantsNothing(id, mentor, mentee, ["PRECONDITION_FAILED"]);
  });

  it("either side may decline; a declined request grants nothing and may be made again", async () => {
    const a = await request("MENTEE");
    const d = (await t.ok(DECLINE_REQUEST, { id: a.id, reason: "no capacity this quarter" }, a.mentor.token)).declineMentorship;
    expect(d).toMatchObject({ status: "DECLINED", endReason: "no capacity this quarter" });
    expect(codes(await t.gql(ACCEPT_REQUEST, { id: a.id }, a.mentor.token))).toEqual(["CONFLICT"]);
    await grantsNothing(a.id, a.mentor, a.mentee, ["PRECONDITION_FAILED"]);
    // the requester may withdraw their own request too
    const b = await request("MENTOR");
    expect((await t.ok(DECLINE_REQUEST, { id: b.id }, b.mentor.token)).declineMentorship.status).toBe("DECLINED");
    // a new request renews the same pair's row
    const again = (await t.ok(START, { i: { mentorId: a.mentor.id } }, a.mentee.token)).startMentorship;
    expect(again).toMatchObject({ id: a.id, status: "PENDING" });
    expect((await t.ok(ACCEPT_REQUEST, { id: a.id }, a.mentor.token)).acceptMentorship.status).toBe("ACTIVE");
  });

  it("an ended mentorship grants nothing", async () => {
    const { mentor, mentee, id } = await request("MENTEE");
    await t.ok(ACCEPT_REQUEST, { id }, mentor.token);
    await t.ok(END, { i: { mentorshipId: id, reason: "moving on" } }, mentee.token);
    await grantsNothing(id, mentor, mentee, ["CONFLICT", "PRECONDITION_FAILED"]);
  });

  it("unanswered requests expire after the policy window (a job, once); a late answer is refused", async () => {
    await t.ok(SET_POLICY, { c: { mentorships: { requestExpiryDays: 3 } } }, admin.token);
    const a = await request("MENTEE");
    const row = await t.db.mentorship.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.expiresAt).toEqual(new Date(t.clock.now().getTime() + 3 * 86_400_000));
    await t.ok(SET_POLICY, { c: { mentorships: { requestExpiryDays: 14 } } }, admin.token);
    const jobDeps = { db: t.db, pubsub: t.app.pubsub, clock: t.clock, logger };
    t.clock.advanceMinutes(3 * 24 * 60 - 1);
    expect(await expireMentorshipRequestsJob.run(jobDeps)).toBe(0);
    t.clock.advanceMinutes(1);
    // past the expiry an answer is refused even before the job ran
    expect(codes(await t.gql(ACCEPT_REQUEST, { id: a.id }, a.mentor.token))).toEqual(["CONFLICT"]);
    expect(await expireMentorshipRequestsJob.run(jobDeps)).toBeGreaterThanOrEqual(1);
    expect(await expireMentorshipRequestsJob.run(jobDeps)).toBe(0);
    expect((await t.ok(MENTORSHIP, { id: a.id }, a.mentee.token)).mentorship.status).toBe("EXPIRED");
    expect(await t.db.notification.count({ where: { userId: a.mentor.id, kind: "mentorship.expired" } })).toBeGreaterThan(0);
    expect(await t.db.auditLog.count({ where: { subjectId: a.id, action: "mentorship.expire", actorKind: "SYSTEM" } })).toBe(1);
    await grantsNothing(a.id, a.mentor, a.mentee, ["PRECONDITION_FAILED"]);
  });
});
