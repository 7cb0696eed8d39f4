// Complaint thresholds (seeds 000/001): distinct complainants per category inside the window.
// Complainants here had a verified interaction (an ended session) with the subject; what happens
// without one is in safety-complainants.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, type TestApp } from "../helpers/app.js";
import { DAY, LOG_IN, PASSWORD, enforcementsOf, meet, menteesOf, report, users } from "../helpers/safety.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T09:00:00Z" });
});
afterAll(() => t?.close());

describe("complaint thresholds", () => {
  it("5 distinct mentees reporting rudeness -> temporary ban of the policy length; log-in says why and until when", async () => {
    const mentor = await t.user("MENTOR");
    const mentees = await menteesOf(t, mentor.id, 5);
    for (const m of mentees.slice(0, 4)) await report(t, m, mentor.id, "RUDENESS");
    expect(await enforcementsOf(t, mentor.id)).toHaveLength(0);
    await report(t, mentees[4], mentor.id, "RUDENESS");
    const [e] = await enforcementsOf(t, mentor.id);
    expect(e).toMatchObject({ kind: "SUSPENSION", scope: "ACCOUNT", category: "RUDENESS", origin: "THRESHOLD", policyVersion: 0 });
    expect(e.endsAt!.getTime() - t.clock.now().getTime()).toBe(30 * DAY);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: mentor.id } })).status).toBe("SUSPENDED");
    // every counted complaint is linked to the action
    expect(await t.db.report.count({ where: { thresholdEnforcementId: e.id } })).toBe(5);
    // tokens revoked at once
    expect(codes(await t.gql(`{ viewer { id } }`, {}, mentor.token))).toEqual(["UNAUTHENTICATED"]);
    const login = await t.gql(LOG_IN, { i: { email: mentor.email, password: PASSWORD } });
    expect(codes(login)).toEqual(["ACCOUNT_SUSPENDED"]);
    expect(login.errors![0].extensions).toMatchObject({ enforcementId: e.id, endsAt: e.endsAt!.toISOString(), permanent: false, appealDeadline: e.appealDeadline.toISOString() });
    expect(login.errors![0].extensions!.reason).toMatch(/5 distinct mentees/);
  });

  it("4 mentees plus duplicate reports -> no action (duplicates count once, mentors do not count as mentees)", async () => {
    const mentor = await t.user("MENTOR");
    const mentees = await menteesOf(t, mentor.id, 4);
    for (const m of mentees) {
      await report(t, m, mentor.id, "RUDENESS", { sessionId: "s-1" });
      // the same reporter, subject, category and session: the same report comes back
      await report(t, m, mentor.id, "RUDENESS", { sessionId: "s-1" });
      // another session: a second report, but still one complainant
      await report(t, m, mentor.id, "RUDENESS", { sessionId: "s-2" });
    }
    const otherMentor = await t.user("MENTOR");
    await meet(t, mentor.id, otherMentor.id);
    await report(t, otherMentor, mentor.id, "RUDENESS");
    expect(await t.db.report.count({ where: { subjectId: mentor.id } })).toBe(9);
    expect(await enforcementsOf(t, mentor.id)).toHaveLength(0);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: mentor.id } })).status).toBe("ACTIVE");
  });

  it("a duplicate filed again returns the first report", async () => {
    const mentor = await t.user("MENTOR");
    const [m] = await users(t, "MENTEE", 1);
    const a = await report(t, m, mentor.id, "SPAM");
    const b = await report(t, m, mentor.id, "SPAM");
    expect(b.id).toBe(a.id);
  });

  it("per category: deception from 5 mentees and privacy from 5 users -> permanent ban; spam from 5 -> review only", async () => {
    const deceiver = await t.user("MENTOR");
    const recorder = await t.user("MENTOR");
    const spammer = await t.user("MENTOR");
    const mentees = await users(t, "MENTEE", 5);
    const mentors = await users(t, "MENTOR", 2);
    for (const m of mentees) await meet(t, deceiver.id, m.id);
    for (const m of mentees.slice(0, 3)) await meet(t, recorder.id, m.id);
    // privacy: an interaction in either direction verifies (here the recorder was the mentee)
    for (const m of mentors) await meet(t, m.id, recorder.id);
    for (const m of mentees) await report(t, m, deceiver.id, "DECEPTION");
    // privacy counts distinct users of any role
    for (const u of [...mentees.slice(0, 3), ...mentors]) await report(t, u, recorder.id, "PRIVACY");
    for (const m of mentees) await report(t, m, spammer.id, "SPAM");
    expect((await enforcementsOf(t, deceiver.id)).map((e) => [e.kind, e.endsAt])).toEqual([["BAN", null]]);
    expect((await enforcementsOf(t, recorder.id)).map((e) => e.kind)).toEqual(["BAN"]);
    expect(await enforcementsOf(t, spammer.id)).toHaveLength(0);
    const login = await t.gql(LOG_IN, { i: { email: deceiver.email, password: PASSWORD } });
    expect(codes(login)).toEqual(["ACCOUNT_BANNED"]);
    expect(login.errors![0].extensions).toMatchObject({ permanent: true, endsAt: null });
  });

  it("privacy from 4 users -> no action; deception from 4 mentees and a mentor -> no action", async () => {
    const a = await t.user("MENTOR");
    const b = await t.user("MENTOR");
    const mentees = await users(t, "MENTEE", 4);
    const [mentor] = await users(t, "MENTOR", 1);
    for (const m of mentees) await meet(t, a.id, m.id);
    for (const m of [...mentees, mentor]) await meet(t, b.id, m.id);
    for (const m of mentees) await report(t, m, a.id, "PRIVACY");
    for (const m of [...mentees, mentor]) await report(t, m, b.id, "DECEPTION");
    expect(await enforcementsOf(t, a.id)).toHaveLength(0);
    expect(await enforcementsOf(t, b.id)).toHaveLength(0);
  });

  it("complaints outside the window do not count", async () => {
    const mentor = await t.user("MENTOR");
    const [early] = await menteesOf(t, mentor.id, 1);
    await report(t, early, mentor.id, "RUDENESS");
    t.clock.advance(366 * DAY);
    for (const m of await menteesOf(t, mentor.id, 4)) await report(t, m, mentor.id, "RUDENESS");
    expect(await enforcementsOf(t, mentor.id)).toHaveLength(0);
    // inside the window the same five complainants would have been enough
    await report(t, (await menteesOf(t, mentor.id, 1))[0], mentor.id, "RUDENESS");
    expect((await enforcementsOf(t, mentor.id)).map((e) => e.kind)).toEqual(["SUSPENSION"]);
  });

  it("a repeat after a temporary ban -> permanent ban", async () => {
    const mentor = await t.user("MENTOR");
    const first = await menteesOf(t, mentor.id, 5);
    for (const m of first) await report(t, m, mentor.id, "RUDENESS");
    expect((await enforcementsOf(t, mentor.id)).map((e) => e.kind)).toEqual(["SUSPENSION"]);
    t.clock.advance(31 * DAY);
    // the suspension ended by itself: log-in works again
    expect((await t.gql(LOG_IN, { i: { email: mentor.email, password: PASSWORD } })).data?.logIn.token).toBeTruthy();
    // complaints already acted on are not counted again: one new complaint is no repeat
    const second = await menteesOf(t, mentor.id, 5);
    await report(t, second[0], mentor.id, "RUDENESS");
    expect(await enforcementsOf(t, mentor.id)).toHaveLength(1);
    for (const m of second.slice(1)) await report(t, m, mentor.id, "RUDENESS");
    const es = await enforcementsOf(t, mentor.id);
    expect(es.map((e) => [e.kind, e.endsAt])).toEqual([["SUSPENSION", es[0].endsAt], ["BAN", null]]);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: mentor.id } })).status).toBe("BANNED");
  });

  it("with countReports = UPHELD only upheld complaints count", async () => {
    const admin = await t.user("ADMIN");
    const support = await t.user("SUPPORT");
    await t.ok(`mutation($i: UpdatePolicyInput!) { updatePolicy(input: $i) { version } }`, { i: { changes: { safety: { countReports: "UPHELD" } }, reason: "count upheld complaints only" } }, admin.token);
    const mentor = await t.user("MENTOR");
    const mentees = await menteesOf(t, mentor.id, 5);
    const ids = [];
    for (const m of mentees) ids.push((await report(t, m, mentor.id, "DECEPTION")).id);
    expect(await enforcementsOf(t, mentor.id)).toHaveLength(0);
    for (const id of ids.slice(0, 4))
      await t.ok(`mutation($i: ReviewReportInput!) { reviewReport(input: $i) { id } }`, { i: { reportId: id, decision: "UPHOLD", reason: "confirmed", action: "NONE" } }, support.token);
    expect(await enforcementsOf(t, mentor.id)).toHaveLength(0);
    await t.ok(`mutation($i: ReviewReportInput!) { reviewReport(input: $i) { id } }`, { i: { reportId: ids[4], decision: "UPHOLD", reason: "confirmed", action: "NONE" } }, support.token);
    const es = await enforcementsOf(t, mentor.id);
    expect(es.map((e) => [e.kind, e.origin, e.policyVersion])).toEqual([["BAN", "THRESHOLD", 1]]);
    await t.ok(`mutation($i: UpdatePolicyInput!) { updatePolicy(input: $i) { version } }`, { i: { changes: { safety: { countReports: "NOT_DISMISSED" } }, reason: "back to the default" } }, admin.token);
  });

  it("bad input is a coded error, never a 500", async () => {
    const [m] = await users(t, "MENTEE", 1);
    const self = await t.gql(`mutation($i: FileReportInput!) { fileReport(input: $i) { id } }`, { i: { subjectId: m.id, category: "SPAM" } }, m.token);
    expect(codes(self)).toEqual(["BAD_USER_INPUT"]);
    const missing = await t.gql(`mutation($i: FileReportInput!) { fileReport(input: $i) { id } }`, { i: { subjectId: "nope", category: "SPAM" } }, m.token);
    expect(codes(missing)).toEqual(["NOT_FOUND"]);
    const badEnum = await t.gql(`mutation($i: FileReportInput!) { fileReport(input: $i) { id } }`, { i: { subjectId: m.id, category: "NOPE" } }, m.token);
    expect(codes(badEnum)).toEqual(["BAD_USER_INPUT"]);
    const anon = await t.gql(`mutation($i: FileReportInput!) { fileReport(input: $i) { id } }`, { i: { subjectId: m.id, category: "SPAM" } });
    expect(codes(anon)).toEqual(["UNAUTHENTICATED"]);
  });
});
