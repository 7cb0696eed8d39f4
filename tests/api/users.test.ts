import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, type TestApp, type TestUser } from "../helpers/app.js";

let t: TestApp;
let admin: TestUser, support: TestUser, mentor: TestUser, mentee: TestUser, otherMentee: TestUser, pendingMentor: TestUser;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.user("ADMIN");
  support = await t.user("SUPPORT");
  mentor = await t.user("MENTOR", { approved: true });
  pendingMentor = await t.user("MENTOR", { approved: false });
  mentee = await t.user("MENTEE");
  otherMentee = await t.user("MENTEE");
});
afterAll(() => t?.close());

const USER = `query($id: ID!) { user(id: $id) { id displayName email role } }`;

describe("row filtering", () => {
  it("a mentee cannot read another mentee by id (NOT_FOUND, as if it did not exist)", async () => {
    const r = await t.gql(USER, { id: otherMentee.id }, mentee.token);
    expect(codes(r)).toEqual(["NOT_FOUND"]);
  });

  it("a mentee reads themselves with their email, and an approved mentor without it", async () => {
    expect((await t.ok(USER, { id: mentee.id }, mentee.token)).user.email).toBe(mentee.email);
    const m = await t.ok(USER, { id: mentor.id }, mentee.token);
    expect(m.user).toMatchObject({ id: mentor.id, role: "MENTOR", email: null });
  });

  it("unapproved mentors are not in the directory", async () => {
    expect(codes(await t.gql(USER, { id: pendingMentor.id }, mentee.token))).toEqual(["NOT_FOUND"]);
    const list = await t.ok(`{ mentors(first: 50) { edges { node { id } } } }`, {}, mentee.token);
    const ids = list.mentors.edges.map((e: any) => e.node.id);
    expect(ids).toContain(mentor.id);
    expect(ids).not.toContain(pendingMentor.id);
  });

  it("support staff read any account and its email; mentees cannot list users", async () => {
    expect((await t.ok(USER, { id: otherMentee.id }, support.token)).user.email).toBe(otherMentee.email);
    const list = await t.ok(`query($s: String) { users(first: 50, filter: { search: $s }) { edges { node { id } } } }`, { s: otherMentee.email }, support.token);
    expect(list.users.edges.map((e: any) => e.node.id)).toEqual([otherMentee.id]);
    expect(codes(await t.gql(`{ users(first: 5) { edges { node { id } } } }`, {}, mentee.token))).toEqual(["FORBIDDEN"]);
  });

  it("relations are filtered too: program members visible only inside the program", async () => {
    const p = await t.ok(`mutation { createProgram(input: { name: "Filter Program" }) { id } }`, {}, admin.token);
    await t.ok(`mutation($p: ID!, $u: ID!) { addProgramMember(programId: $p, userId: $u) { role } }`, { p: p.createProgram.id, u: mentor.id }, admin.token);
    await t.ok(`mutation($p: ID!, $u: ID!) { addProgramMember(programId: $p, userId: $u) { role } }`, { p: p.createProgram.id, u: support.id }, admin.token);
    const asMentor = await t.ok(`{ programs { name members { user { id } role } } }`, {}, mentor.token);
    expect(asMentor.programs.map((x: any) => x.name)).toEqual(["Filter Program"]);
    expect(asMentor.programs[0].members).toHaveLength(2);
    const asMentee = await t.ok(`{ programs { name } }`, {}, mentee.token);
    expect(asMentee.programs).toEqual([]);
    expect(codes(await t.gql(`query($id: ID!) { program(id: $id) { name } }`, { id: p.createProgram.id }, mentee.token))).toEqual(["NOT_FOUND"]);
  });
});

describe("profiles", () => {
  it("validates the IANA time zone", async () => {
    const bad = await t.gql(`mutation { updateMyProfile(input: { timeZone: "Europe/Atlantis" }) { timeZone } }`, {}, mentee.token);
    expect(codes(bad)).toEqual(["BAD_USER_INPUT"]);
    const ok = await t.ok(`mutation { updateMyProfile(input: { timeZone: "America/Sao_Paulo" }) { timeZone } }`, {}, mentee.token);
    expect(ok.updateMyProfile.timeZone).toBe("America/Sao_Paulo");
  });

  it("mentor rates are integer minor units with an ISO currency", async () => {
    const r = await t.ok(`mutation { updateMentorProfile(input: { hourlyRateMinor: 12050, currency: "EUR", expertise: ["go"] }) { hourlyRateMinor currency expertise } }`, {}, mentor.token);
    expect(r.updateMentorProfile).toEqual({ hourlyRateMinor: 12050, currency: "EUR", expertise: ["go"] });
    expect(codes(await t.gql(`mutation { updateMentorProfile(input: { currency: "euro" }) { currency } }`, {}, mentor.token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await t.gql(`mutation { updateMentorProfile(input: { hourlyRateMinor: -5 }) { currency } }`, {}, mentor.token))).toEqual(["BAD_USER_INPUT"]);
  });

  it("approval is not client-writable: the mentor profile input has no such field", async () => {
    const r = await t.gql(`mutation { updateMentorProfile(input: { approved: true }) { approved } }`, {}, pendingMentor.token);
    expect(codes(r)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
  });
});

describe("mentor applications (seed 004 selection criteria)", () => {
  const SUBMIT = `mutation($i: SubmitMentorApplicationInput!) { submitMentorApplication(input: $i) { id status } }`;
  const input = {
    experience: "Ten years building payment systems at two banks.",
    trackRecord: "Mentored six engineers, four promoted within a year.",
    qualifications: "BSc Computer Science",
    motivation: "I want to give back what my own mentors gave me.",
  };

  it("a mentor applies, an admin approves, and only then the mentor is listed", async () => {
    const applicant = await t.user("MENTOR", { approved: false });
    const a = await t.ok(SUBMIT, { i: input }, applicant.token);
    expect(a.submitMentorApplication.status).toBe("PENDING");
    expect(codes(await t.gql(SUBMIT, { i: input }, applicant.token))).toEqual(["CONFLICT"]);
    const queue = await t.ok(`{ mentorApplications(first: 50, status: PENDING) { edges { node { id applicant { id } } } } }`, {}, support.token);
    expect(queue.mentorApplications.edges.map((e: any) => e.node.id)).toContain(a.submitMentorApplication.id);
    // support reads the queue but cannot decide
    const denied = await t.gql(`mutation($id: ID!) { decideMentorApplication(applicationId: $id, approve: true, reason: "ok") { status } }`, { id: a.submitMentorApplication.id }, support.token);
    expect(codes(denied)).toEqual(["FORBIDDEN"]);
    const d = await t.ok(`mutation($id: ID!) { decideMentorApplication(applicationId: $id, approve: true, reason: "Strong track record") { status reviewer { id } } }`, { id: a.submitMentorApplication.id }, admin.token);
    expect(d.decideMentorApplication).toEqual({ status: "APPROVED", reviewer: { id: admin.id } });
    expect((await t.ok(USER, { id: applicant.id }, mentee.token)).user.id).toBe(applicant.id);
    // deciding twice is a conflict, and the decision is audited
    const again = await t.gql(`mutation($id: ID!) { decideMentorApplication(applicationId: $id, approve: false, reason: "changed my mind") { status } }`, { id: a.submitMentorApplication.id }, admin.token);
    expect(codes(again)).toEqual(["CONFLICT"]);
    const audit = await t.ok(`query($s: String) { auditLog(first: 10, filter: { subjectId: $s }) { edges { node { action actor { id } reason } } } }`, { s: a.submitMentorApplication.id }, admin.token);
    expect(audit.auditLog.edges.map((e: any) => e.node)).toEqual([{ action: "mentorApplication.approve", actor: { id: admin.id }, reason: "Strong track record" }]);
  });

  it("too-thin applications are rejected with field errors and nothing is stored", async () => {
    const applicant = await t.user("MENTOR", { approved: false });
    const r = await t.gql(SUBMIT, { i: { ...input, experience: "short" } }, applicant.token);
    expect(codes(r)).toEqual(["BAD_USER_INPUT"]);
    expect(r.errors![0].extensions!.fields).toHaveProperty("experience");
    expect(await t.db.mentorApplication.count({ where: { applicantId: applicant.id } })).toBe(0);
  });
});

describe("account administration", () => {
  it("an admin changes a role: the old tokens stop working and the change is audited", async () => {
    const u = await t.user("MENTEE");
    const r = await t.ok(`mutation($u: ID!) { setUserRole(userId: $u, role: MENTOR, reason: "Passed the interview") { role mentorProfile { approved } } }`, { u: u.id }, admin.token);
    expect(r.setUserRole).toEqual({ role: "MENTOR", mentorProfile: { approved: false } });
    expect(codes(await t.gql(`{ viewer { id } }`, {}, u.token))).toEqual(["UNAUTHENTICATED"]);
    const audit = await t.db.auditLog.findFirst({ where: { subjectId: u.id, action: "user.setRole" } });
    expect(audit).toMatchObject({ actorId: admin.id, before: { role: "MENTEE" }, after: { role: "MENTOR" } });
  });

  it("deactivation blocks log-in; support cannot change accounts", async () => {
    const u = await t.user("MENTEE");
    expect(codes(await t.gql(`mutation($u: ID!) { setAccountStatus(userId: $u, status: DEACTIVATED, reason: "asked to leave") { status } }`, { u: u.id }, support.token))).toEqual(["FORBIDDEN"]);
    await t.ok(`mutation($u: ID!) { setAccountStatus(userId: $u, status: DEACTIVATED, reason: "asked to leave") { status } }`, { u: u.id }, admin.token);
    const login = await t.gql(`mutation($i: LogInInput!) { logIn(input: $i) { token } }`, { i: { email: u.email, password: "correct-horse-battery" } });
    expect(codes(login)).toEqual(["FORBIDDEN"]);
  });

  it("admins create staff accounts; nobody else can", async () => {
    const q = `mutation($i: CreateAccountInput!) { createAccount(input: $i) { role } }`;
    const i = { email: "agent7@example.com", password: "long-enough-pw", displayName: "Agent", role: "SUPPORT" };
    expect(codes(await t.gql(q, { i }, support.token))).toEqual(["FORBIDDEN"]);
    expect((await t.ok(q, { i }, admin.token)).createAccount.role).toBe("SUPPORT");
  });

  it("viewer permissions come from the server and differ by role", async () => {
    const q = `{ viewer { permissions { action subject } } }`;
    const has = (p: any[], action: string, subject: string) => p.some((x) => x.action === action && x.subject === subject);
    const a = (await t.ok(q, {}, admin.token)).viewer.permissions;
    const s = (await t.ok(q, {}, support.token)).viewer.permissions;
    const m = (await t.ok(q, {}, mentee.token)).viewer.permissions;
    expect(has(a, "update", "PolicyVersion")).toBe(true);
    expect(has(s, "update", "PolicyVersion")).toBe(false);
    expect(has(s, "read", "AuditLog")).toBe(true);
    expect(has(m, "read", "AuditLog")).toBe(false);
  });
});

describe("platform terminology and policy", () => {
  it("terminology is configuration returned by the public platform query", async () => {
    await t.ok(`mutation { updatePlatform(input: { mentorLabel: "expert", menteeLabel: "client" }) { mentorLabel } }`, {}, admin.token);
    expect((await t.ok(`{ platform { mentorLabel menteeLabel } }`)).platform).toEqual({ mentorLabel: "expert", menteeLabel: "client" });
    await t.ok(`mutation { updatePlatform(input: { mentorLabel: "mentor", menteeLabel: "mentee" }) { mentorLabel } }`, {}, admin.token);
  });

  it("updatePolicy writes a new version with a reason; invalid values are refused", async () => {
    const before = (await t.ok(`{ policy { version values } }`, {}, mentee.token)).policy;
    const bad = await t.gql(`mutation { updatePolicy(input: { changes: { safety: { strikeWindowDays: -1 } }, reason: "test" }) { version } }`, {}, admin.token);
    expect(codes(bad)).toEqual(["BAD_USER_INPUT"]);
    const r = await t.ok(`mutation { updatePolicy(input: { changes: { auth: { loginMaxFailures: 7 } }, reason: "fewer lock-outs" }) { version values } }`, {}, admin.token);
    expect(r.updatePolicy.version).toBe(before.version + 1);
    expect(r.updatePolicy.values.auth.loginMaxFailures).toBe(7);
    const stale = await t.gql(`mutation($v: Int) { updatePolicy(input: { changes: {}, reason: "stale edit", expectedVersion: $v }) { version } }`, { v: before.version }, admin.token);
    expect(codes(stale)).toEqual(["CONFLICT"]);
  });
});
