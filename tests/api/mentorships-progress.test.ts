// Progress tracking (seed 004): goals with milestones, tasks the mentor assigns and the mentee
// completes; the percentage is derived from them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, type TestApp } from "../helpers/app.js";
import { MENTORSHIP, activeMentorship } from "../helpers/mentorships.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const GOAL = `mutation($i: CreateGoalInput!) { createGoal(input: $i) { id progressPercent } }`;
const MILESTONE = `mutation($i: AddMilestoneInput!) { addMilestone(input: $i) { id position progressPercent } }`;
const REACHED = `mutation($i: SetMilestoneReachedInput!) { setMilestoneReached(input: $i) { id reachedAt progressPercent } }`;
const ASSIGN = `mutation($i: AssignTaskInput!) { assignTask(input: $i) { id status goalId milestoneId } }`;
const COMPLETE = `mutation($i: CompleteTaskInput!) { completeTask(input: $i) { id status completedAt } }`;
const CANCEL = `mutation($i: CancelTaskInput!) { cancelTask(input: $i) { id status } }`;
const GOAL_STATUS = `mutation($i: SetGoalStatusInput!) { setGoalStatus(input: $i) { id status progressPercent } }`;

describe("progress", () => {
  it("derives percentages from milestones and tasks; only the right party writes", async () => {
    const { mentor, mentee, mentorshipId } = await activeMentorship(t);
    const stranger = await t.user("MENTOR");
    const g1 = (await t.ok(GOAL, { i: { mentorshipId, title: "Backend job", targetDate: "2026-06-01" } }, mentee.token)).createGoal;
    expect(g1.progressPercent).toBe(0);
    expect(codes(await t.gql(GOAL, { i: { mentorshipId, title: "x" } }, stranger.token))).toEqual(["NOT_FOUND"]);
    const m1 = (await t.ok(MILESTONE, { i: { goalId: g1.id, title: "CV ready" } }, mentor.token)).addMilestone;
    const m2 = (await t.ok(MILESTONE, { i: { goalId: g1.id, title: "Mock interviews" } }, mentee.token)).addMilestone;
    expect([m1.position, m2.position]).toEqual([0, 1]);

    // tasks: the mentor assigns, the mentee completes
    const ta = (await t.ok(ASSIGN, { i: { mentorshipId, milestoneId: m2.id, title: "Interview 1" } }, mentor.token)).assignTask;
    expect(ta.goalId).toBe(g1.id);
    const tb = (await t.ok(ASSIGN, { i: { mentorshipId, milestoneId: m2.id, title: "Interview 2" } }, mentor.token)).assignTask;
    const tc = (await t.ok(ASSIGN, { i: { mentorshipId, milestoneId: m2.id, title: "Interview 3" } }, mentor.token)).assignTask;
    expect(codes(await t.gql(ASSIGN, { i: { mentorshipId, title: "self-assigned" } }, mentee.token))).toEqual(["FORBIDDEN"]);
    expect(codes(await t.gql(COMPLETE, { i: { taskId: ta.id } }, mentor.token))).toEqual(["FORBIDDEN"]);
    expect(codes(await t.gql(REACHED, { i: { milestoneId: m1.id, reached: true } }, mentee.token))).toEqual(["FORBIDDEN"]);

    await t.ok(COMPLETE, { i: { taskId: ta.id, note: "done" } }, mentee.token);
    expect(codes(await t.gql(COMPLETE, { i: { taskId: ta.id } }, mentee.token))).toEqual(["CONFLICT"]);
    // m2: 1 of 3 tasks done = 33; m1: 0; goal = mean(0, 33.3) = 17
    let view = (await t.ok(MENTORSHIP, { id: mentorshipId }, mentee.token)).mentorship;
    expect(view.goals[0].milestones.map((m: { progressPercent: number }) => m.progressPercent)).toEqual([0, 33]);
    expect(view.goals[0].progressPercent).toBe(17);
    expect(view.progressPercent).toBe(17);

    // a cancelled task no longer counts: 1 of 2 = 50; reaching m1 makes it 100 -> goal 75
    await t.ok(CANCEL, { i: { taskId: tc.id } }, mentor.token);
    await t.ok(REACHED, { i: { milestoneId: m1.id, reached: true } }, mentor.token);
    view = (await t.ok(MENTORSHIP, { id: mentorshipId }, mentor.token)).mentorship;
    expect(view.goals[0].milestones.map((m: { progressPercent: number }) => m.progressPercent)).toEqual([100, 50]);
    expect(view.goals[0].progressPercent).toBe(75);

    // a second goal without milestones counts by its own tasks; an abandoned goal does not count
    const g2 = (await t.ok(GOAL, { i: { mentorshipId, title: "Side project" } }, mentor.token)).createGoal;
    const td = (await t.ok(ASSIGN, { i: { mentorshipId, goalId: g2.id, title: "Ship it" } }, mentor.token)).assignTask;
    view = (await t.ok(MENTORSHIP, { id: mentorshipId }, mentor.token)).mentorship;
    expect(view.progressPercent).toBe(38); // mean(75, 0) = 37.5
    await t.ok(COMPLETE, { i: { taskId: td.id } }, mentee.token);
    expect((await t.ok(MENTORSHIP, { id: mentorshipId }, mentor.token)).mentorship.progressPercent).toBe(88); // mean(75, 100)
    await t.ok(GOAL_STATUS, { i: { goalId: g2.id, status: "ABANDONED" } }, mentee.token);
    expect((await t.ok(MENTORSHIP, { id: mentorshipId }, mentor.token)).mentorship.progressPercent).toBe(75);
    const achieved = (await t.ok(GOAL_STATUS, { i: { goalId: g1.id, status: "ACHIEVED" } }, mentee.token)).setGoalStatus;
    expect(achieved.progressPercent).toBe(100);
    void tb;
  });

  it("refuses bad input and tasks pointing into another mentorship", async () => {
    const a = await activeMentorship(t);
    const b = await activeMentorship(t, { mentor: a.mentor });
    const g = (await t.ok(GOAL, { i: { mentorshipId: a.mentorshipId, title: "A goal" } }, a.mentee.token)).createGoal;
    const ms = (await t.ok(MILESTONE, { i: { goalId: g.id, title: "A milestone" } }, a.mentee.token)).addMilestone;
    expect(codes(await t.gql(ASSIGN, { i: { mentorshipId: b.mentorshipId, milestoneId: ms.id, title: "cross" } }, a.mentor.token))).toEqual(["NOT_FOUND"]);
    expect(codes(await t.gql(GOAL, { i: { mentorshipId: a.mentorshipId, title: "", targetDate: "soon" } }, a.mentee.token))).toEqual(["BAD_USER_INPUT"]);
  });
});
