// Every suspendable feature refuses the write with FEATURE_SUSPENDED and the enforcement's reason:
// a feature suspension (booking, chat, forums, webinars, library; the first-session checklist and
// recording consent belong to taking a session, so "booking" covers them) or a program suspension
// (the writes on a program's mentorship: goals, milestones, tasks, agreements, check-ins). The
// same write by someone not suspended goes through, so each refusal is the suspension's doing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, type TestApp, type TestUser, type GqlResult } from "../helpers/app.js";
import { ISSUE } from "../helpers/safety.js";
import { ACCEPT, ACCEPT_REQUEST, PROPOSE, START, TERMS } from "../helpers/mentorships.js";
import { endedSession } from "../helpers/mentorships.js";

let t: TestApp;
let support: TestUser;
let admin: TestUser;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T09:00:00Z" });
  support = await t.user("SUPPORT");
  admin = await t.user("ADMIN");
});
afterAll(() => t?.close());

async function suspend(userId: string, i: { scope: "FEATURE"; feature: string } | { scope: "PROGRAM"; programId: string }) {
  const reason = `suspended for ${"feature" in i ? i.feature : "the program"} (test)`;
  const e = (await t.ok(ISSUE, { i: { userId, kind: "STRIKE", reason, ...i } }, support.token)).issueEnforcement;
  return { reason, endsAt: e.endsAt as string };
}

function expectSuspended(r: GqlResult, s: { reason: string; endsAt: string }) {
  expect(codes(r), JSON.stringify(r.errors)).toEqual(["FEATURE_SUSPENDED"]);
  expect(r.errors![0].extensions).toMatchObject({ reason: s.reason, endsAt: s.endsAt });
}

const countAll = async () => ({
  goals: await t.db.goal.count(),
  milestones: await t.db.milestone.count(),
  tasks: await t.db.task.count(),
  agreements: await t.db.mentorshipAgreement.count(),
  responses: await t.db.checkInResponse.count(),
  expectations: await t.db.sessionExpectation.count(),
  consents: await t.db.recordingConsent.count(),
});

describe("feature suspensions", () => {
  it("chat: sendChatMessage", async () => {
    const mentor = await t.user("MENTOR");
    const mentee = await t.user("MENTEE");
    const m = (await t.ok(START, { i: { mentorId: mentor.id } }, mentee.token)).startMentorship;
    // Consent first: the chat opens once the mentor accepted the request.
    await t.ok(ACCEPT_REQUEST, { id: m.id }, mentor.token);
    const SEND = `mutation($m: ID!) { sendChatMessage(input: { mentorshipId: $m, body: "hello" }) { id } }`;
    const s = await suspend(mentor.id, { scope: "FEATURE", feature: "chat" });
    expectSuspended(await t.gql(SEND, { m: m.id }, mentor.token), s);
    expect((await t.ok(SEND, { m: m.id }, mentee.token)).sendChatMessage.id).toBeTruthy();
  });

  it("forums: startForumThread", async () => {
    const [a, b] = [await t.user("MENTEE"), await t.user("MENTEE")];
    const cat = (await t.ok(`mutation { createForumCategory(input: { name: "General", description: "all" }) { id } }`, {}, support.token)).createForumCategory;
    const START_THREAD = `mutation($c: ID!) { startForumThread(input: { categoryId: $c, title: "A question", body: "How do I start?" }) { id } }`;
    const s = await suspend(a.id, { scope: "FEATURE", feature: "forum" });
    expectSuspended(await t.gql(START_THREAD, { c: cat.id }, a.token), s);
    expect((await t.ok(START_THREAD, { c: cat.id }, b.token)).startForumThread.id).toBeTruthy();
  });

  it("webinars: scheduleWebinar", async () => {
    const [a, b] = [await t.user("MENTOR"), await t.user("MENTOR")];
    const SCHEDULE = `mutation { scheduleWebinar(input: { title: "Breaking into product", startsAt: "2026-03-05T17:00:00Z", durationMinutes: 60 }) { id } }`;
    const s = await suspend(a.id, { scope: "FEATURE", feature: "webinars" });
    expectSuspended(await t.gql(SCHEDULE, {}, a.token), s);
    expect((await t.ok(SCHEDULE, {}, b.token)).scheduleWebinar.id).toBeTruthy();
  });

  it("library: createLibraryItem", async () => {
    const [a, b] = [await t.user("MENTOR"), await t.user("MENTOR")];
    const CREATE = `mutation { createLibraryItem(input: { kind: ARTICLE, title: "Salary talks", body: "Know your number." }) { id } }`;
    const s = await suspend(a.id, { scope: "FEATURE", feature: "library" });
    expectSuspended(await t.gql(CREATE, {}, a.token), s);
    expect((await t.ok(CREATE, {}, b.token)).createLibraryItem.id).toBeTruthy();
  });

  it("booking: bookSession, the first-session checklist and recording consent", async () => {
    const mentor = await t.user("MENTOR");
    const [blocked, free] = [await t.user("MENTEE"), await t.user("MENTEE")];
    const BOOK = `mutation($m: ID!) { bookSession(input: { mentorId: $m, startsAt: "2026-03-04T10:00:00Z", durationMinutes: 60 }) { id } }`;
    const CHECK = `mutation($s: ID!) { markExpectationCovered(input: { sessionId: $s, item: CONFIDENTIALITY }) { item covered } }`;
    const CONSENT = `mutation($s: ID!) { giveRecordingConsent(input: { sessionId: $s, text: "I consent to recording this session." }) { id } }`;
    // A first session of each pair, scheduled (fixture written directly).
    const session = async (mentee: TestUser, endsAt: string) => {
      const s = await endedSession(t, mentor.id, mentee.id, new Date(endsAt));
      return t.db.session.update({ where: { id: s.id }, data: { state: "SCHEDULED", endedAt: null, endedBy: null } });
    };
    const mine = await session(blocked, "2026-03-03T11:00:00Z");
    const before = await countAll();
    const s = await suspend(blocked.id, { scope: "FEATURE", feature: "booking" });
    expectSuspended(await t.gql(BOOK, { m: mentor.id }, blocked.token), s);
    expectSuspended(await t.gql(CONSENT, { s: mine.id }, blocked.token), s);
    // the mentor of a suspended mentor's session: the checklist is the mentor's write
    const ms = await suspend(mentor.id, { scope: "FEATURE", feature: "booking" });
    expectSuspended(await t.gql(CHECK, { s: mine.id }, mentor.token), ms);
    expect(await countAll()).toEqual(before);
    // someone not suspended gives consent on their own session
    const theirs = await session(free, "2026-03-03T14:00:00Z");
    expect((await t.ok(CONSENT, { s: theirs.id }, free.token)).giveRecordingConsent.id).toBeTruthy();
  });
});

describe("program suspension: writes on the program's mentorship", () => {
  it("goals, milestones, tasks, agreements and check-ins are refused with the reason; another mentorship is not affected", async () => {
    const mentor = await t.user("MENTOR");
    const mentee = await t.user("MENTEE");
    const p = (await t.ok(`mutation { createProgram(input: { name: "Backend course" }) { id } }`, {}, admin.token)).createProgram;
    for (const u of [mentor, mentee]) await t.ok(`mutation($p: ID!, $u: ID!) { addProgramMember(programId: $p, userId: $u) { role } }`, { p: p.id, u: u.id }, admin.token);
    const m = (await t.ok(START, { i: { mentorId: mentor.id, programId: p.id } }, mentee.token)).startMentorship;
    await t.ok(ACCEPT_REQUEST, { id: m.id }, mentor.token);
    const a = (await t.ok(PROPOSE, { i: { mentorshipId: m.id, terms: TERMS } }, mentor.token)).proposeAgreement;
    await t.ok(ACCEPT, { id: a.id }, mentee.token);
    const goal = (await t.ok(`mutation($m: ID!) { createGoal(input: { mentorshipId: $m, title: "First job" }) { id } }`, { m: m.id }, mentor.token)).createGoal;
    const checkIn = await t.db.mentorshipCheckIn.create({ data: { mentorshipId: m.id, sequence: 1, trigger: "WEEKS", sessionCount: 0, createdAt: t.clock.now() } });
    // the same mentor's mentorship outside the program
    const other = await t.user("MENTEE");
    const free = (await t.ok(START, { i: { mentorId: mentor.id } }, other.token)).startMentorship;
    await t.ok(ACCEPT_REQUEST, { id: free.id }, mentor.token);
    const fa = (await t.ok(PROPOSE, { i: { mentorshipId: free.id, terms: TERMS } }, mentor.token)).proposeAgreement;
    await t.ok(ACCEPT, { id: fa.id }, other.token);

    const s = await suspend(mentor.id, { scope: "PROGRAM", programId: p.id });
    const before = await countAll();
    const writes: [string, Record<string, unknown>][] = [
      [`mutation($m: ID!) { createGoal(input: { mentorshipId: $m, title: "Second" }) { id } }`, { m: m.id }],
      [`mutation($g: ID!) { addMilestone(input: { goalId: $g, title: "CV" }) { id } }`, { g: goal.id }],
      [`mutation($g: ID!) { setGoalStatus(input: { goalId: $g, status: ACHIEVED }) { id } }`, { g: goal.id }],
      [`mutation($m: ID!) { assignTask(input: { mentorshipId: $m, title: "Read" }) { id } }`, { m: m.id }],
      [`mutation($i: ProposeAgreementInput!) { proposeAgreement(input: $i) { id } }`, { i: { mentorshipId: m.id, terms: TERMS } }],
      [`mutation($c: ID!) { answerCheckIn(input: { checkInId: $c, score: 4 }) { id } }`, { c: checkIn.id }],
    ];
    for (const [q, v] of writes) expectSuspended(await t.gql(q, v, mentor.token), s);
    expect(await countAll()).toEqual(before);
    expect((await t.ok(`mutation($m: ID!) { createGoal(input: { mentorshipId: $m, title: "Elsewhere" }) { id } }`, { m: free.id }, mentor.token)).createGoal.id).toBeTruthy();
    // the mentee, not suspended, still writes on the program mentorship
    expect((await t.ok(`mutation($c: ID!) { answerCheckIn(input: { checkInId: $c, score: 4 }) { id } }`, { c: checkIn.id }, mentee.token)).answerCheckIn.id).toBeTruthy();
  });

  it("a PENDING mentorship takes no goals or tasks until an agreement is accepted", async () => {
    const mentor = await t.user("MENTOR");
    const mentee = await t.user("MENTEE");
    const m = (await t.ok(START, { i: { mentorId: mentor.id } }, mentee.token)).startMentorship;
    const r = await t.gql(`mutation($m: ID!) { createGoal(input: { mentorshipId: $m, title: "Too early" }) { id } }`, { m: m.id }, mentee.token);
    expect(codes(r)).toEqual(["PRECONDITION_FAILED"]);
    expect(await t.db.goal.count({ where: { mentorshipId: m.id } })).toBe(0);
  });
});
