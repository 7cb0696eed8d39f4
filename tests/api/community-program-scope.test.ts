// Forum categories and webinars can belong to a program; a program-scoped suspension (seed 003:
// everyone tied to the program loses its features) refuses them with its reason and leaves the
// rest of the forum and the other webinars alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, type TestApp, type TestUser } from "../helpers/app.js";

const CATEGORY = `mutation($i: CreateForumCategoryInput!) { createForumCategory(input: $i) { id programId } }`;
const START = `mutation($c: ID!, $t: String!, $b: String!) { startForumThread(input: { categoryId: $c, title: $t, body: $b }) { id } }`;
const POST = `mutation($t: ID!, $b: String!) { postToForumThread(input: { threadId: $t, body: $b }) { id } }`;
const SCHEDULE = `mutation($i: ScheduleWebinarInput!) { scheduleWebinar(input: $i) { id programId } }`;
const REGISTER = `mutation($id: ID!) { registerForWebinar(input: { webinarId: $id }) { webinarId } }`;
const ISSUE = `mutation($i: IssueEnforcementInput!) { issueEnforcement(input: $i) { id } }`;

let t: TestApp;
let admin: TestUser;
let support: TestUser;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T09:00:00Z" });
  admin = await t.user("ADMIN");
  support = await t.user("SUPPORT");
});
afterAll(() => t.close());

async function programWith(...members: TestUser[]) {
  const p = (await t.ok(`mutation($n: String!) { createProgram(input: { name: $n }) { id } }`, { n: `Program ${Math.random().toString(36).slice(2, 8)}` }, admin.token)).createProgram;
  for (const u of members) await t.ok(`mutation($p: ID!, $u: ID!) { addProgramMember(programId: $p, userId: $u) { role } }`, { p: p.id, u: u.id }, admin.token);
  return p.id as string;
}

describe("program scope on forums and webinars", () => {
  it("a program suspension refuses the program's forum category and webinars, with its reason, and nothing else", async () => {
    const mentor = await t.user("MENTOR");
    const colleague = await t.user("MENTOR");
    const programId = await programWith(mentor, colleague);
    const inProgram = (await t.ok(CATEGORY, { i: { name: `Cohort ${programId.slice(-6)}`, programId } }, admin.token)).createForumCategory;
    expect(inProgram.programId).toBe(programId);
    const open = (await t.ok(CATEGORY, { i: { name: `Open ${programId.slice(-6)}` } }, admin.token)).createForumCategory;
    const thread = (await t.ok(START, { c: inProgram.id, t: "Week one", b: "Introductions" }, mentor.token)).startForumThread;
    const webinar = (await t.ok(SCHEDULE, { i: { title: "Cohort kickoff", startsAt: "2026-03-10T17:00:00Z", durationMinutes: 60, programId } }, colleague.token)).scheduleWebinar;
    expect(webinar.programId).toBe(programId);
    // a program's webinar is hosted by its members only
    const outsider = await t.user("MENTOR");
    expect(codes(await t.gql(SCHEDULE, { i: { title: "Not mine", startsAt: "2026-03-10T17:00:00Z", durationMinutes: 60, programId } }, outsider.token))).toEqual(["PRECONDITION_FAILED"]);

    const reason = "students taken off-platform in this cohort";
    await t.ok(ISSUE, { i: { userId: mentor.id, kind: "STRIKE", scope: "PROGRAM", programId, reason } }, support.token);

    for (const refused of [
      await t.gql(START, { c: inProgram.id, t: "Week two", b: "More" }, mentor.token),
      await t.gql(POST, { t: thread.id, b: "A reply" }, mentor.token),
      await t.gql(SCHEDULE, { i: { title: "Another kickoff", startsAt: "2026-03-11T17:00:00Z", durationMinutes: 60, programId } }, mentor.token),
      await t.gql(REGISTER, { id: webinar.id }, mentor.token),
    ]) {
      expect(codes(refused)).toEqual(["FEATURE_SUSPENDED"]);
      expect(refused.errors![0].extensions).toMatchObject({ reason, programId });
    }
    // nothing was written by the refused calls
    expect(await t.db.forumThread.count({ where: { programId } })).toBe(1);
    expect(await t.db.forumPost.count({ where: { programId } })).toBe(1);
    expect(await t.db.webinar.count({ where: { programId } })).toBe(1);

    // the rest of the forum and webinars outside the program stay open to the same mentor
    await t.ok(START, { c: open.id, t: "General question", b: "Anyone?" }, mentor.token);
    await t.ok(SCHEDULE, { i: { title: "Open office hours", startsAt: "2026-03-12T17:00:00Z", durationMinutes: 60 } }, mentor.token);
  });
});
