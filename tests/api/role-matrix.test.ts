// Role x operation matrix: every mutation is called as every role (and anonymously) with
// placeholder arguments. A role outside the table must be refused (UNAUTHENTICATED/FORBIDDEN);
// a role inside it must get past authorisation (the placeholder input may then fail with
// BAD_USER_INPUT / NOT_FOUND / CONFLICT, which is fine). A mutation missing from the table fails.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isAbstractType,
  isScalarType,
  type GraphQLInputType,
  type GraphQLField,
} from "graphql";
import { schema } from "../../api/src/schema/index.js";
import { observeCommands } from "../../api/src/lib/command.js";
import { MUTATION_COMMANDS } from "../helpers/commands.js";
import { startTestApp, type TestApp, type TestUser } from "../helpers/app.js";

type R = "ADMIN" | "SUPPORT" | "MENTOR" | "MENTEE";
const ALL: R[] = ["ADMIN", "SUPPORT", "MENTOR", "MENTEE"];
const STAFF: R[] = ["ADMIN", "SUPPORT"];
const PUBLIC = "PUBLIC" as const;

/** Who may call each mutation. Keep in step with the fields' authScopes: that is the point. */
export const MATRIX: Record<string, R[] | typeof PUBLIC> = {
  // auth
  signUp: PUBLIC,
  logIn: PUBLIC,
  logOut: ALL,
  // users
  updateMyProfile: ALL,
  updateMentorProfile: ["MENTOR"],
  createAccount: ["ADMIN"],
  setUserRole: ["ADMIN"],
  setAccountStatus: ["ADMIN"],
  submitMentorApplication: ["MENTOR"],
  decideMentorApplication: ["ADMIN"],
  // programs
  createProgram: ["ADMIN"],
  addProgramMember: ["ADMIN"],
  removeProgramMember: ["ADMIN"],
  // platform and policy
  updatePlatform: ["ADMIN"],
  updatePolicy: ["ADMIN"],
  // notifications
  markNotificationRead: ALL,
  // trust & safety: anyone reports; staff review and enforce; a banned user appeals with credentials
  fileReport: ALL,
  reviewReport: STAFF,
  issueEnforcement: STAFF,
  fileAppeal: PUBLIC,
  decideAppeal: STAFF,
  // sessions: row rules in the services (participants only; staff cancel; admins end)
  setWeeklyAvailability: ["MENTOR"],
  addAvailabilityException: ["MENTOR"],
  removeAvailabilityException: ["MENTOR"],
  bookSession: ["MENTEE"],
  cancelSession: ALL,
  rescheduleSession: ["MENTOR", "MENTEE"],
  joinSession: ["MENTOR", "MENTEE"],
  leaveSession: ["MENTOR", "MENTEE"],
  endSession: ["MENTOR", "MENTEE", "ADMIN"],
  rotateCalendarFeed: ALL,
  // money and disputes: staff refund and run disputes; parties request, contest, open and message (row rules in the services)
  issueRefund: STAFF,
  requestPartialRefund: ["MENTEE"],
  contestPartialRefund: ["MENTOR"],
  openDispute: ["MENTOR", "MENTEE"],
  assignDispute: STAFF,
  addDisputeNote: STAFF,
  postDisputeMessage: ALL,
  resolveDispute: STAFF,
  // library: mentors write drafts (own drafts only, service); staff publish and archive
  createLibraryItem: ["MENTOR", "SUPPORT", "ADMIN"],
  updateLibraryItem: ["MENTOR", "SUPPORT", "ADMIN"],
  publishLibraryItem: STAFF,
  archiveLibraryItem: STAFF,
  // support tickets: users ask; the asker or staff reply and close (row rules in the service)
  openSupportTicket: ["MENTOR", "MENTEE"],
  replyToSupportTicket: ALL,
  assignSupportTicket: STAFF,
  closeSupportTicket: ALL,
  // forums: everyone posts; staff moderate and curate categories
  createForumCategory: STAFF,
  startForumThread: ALL,
  postToForumThread: ALL,
  editForumPost: ALL,
  moderateForumPost: STAFF,
  moderateForumThread: STAFF,
  moderateChatMessage: STAFF,
  // webinars: approved mentors host; the host or staff cancel; anyone registers and joins
  scheduleWebinar: ["MENTOR"],
  cancelWebinar: ["MENTOR", "SUPPORT", "ADMIN"],
  registerForWebinar: ALL,
  joinWebinar: ALL,
  // program features A: parties work on their mentorship (party checks in the services)
  acceptMentorship: ["MENTOR", "MENTEE"],
  declineMentorship: ["MENTOR", "MENTEE"],
  startMentorship: ALL,
  endMentorship: ALL,
  proposeAgreement: ["MENTOR", "MENTEE"],
  updateAgreementProposal: ["MENTOR", "MENTEE"],
  acceptAgreement: ["MENTOR", "MENTEE"],
  declineAgreement: ["MENTOR", "MENTEE"],
  createGoal: ["MENTOR", "MENTEE"],
  setGoalStatus: ["MENTOR", "MENTEE"],
  addMilestone: ["MENTOR", "MENTEE"],
  setMilestoneReached: ["MENTOR"],
  assignTask: ["MENTOR"],
  cancelTask: ["MENTOR"],
  completeTask: ["MENTEE"],
  publishPolicyDocument: ["ADMIN"],
  acceptPolicyDocument: ALL,
  markExpectationCovered: ["MENTOR"],
  giveRecordingConsent: ["MENTOR", "MENTEE"],
  withdrawRecordingConsent: ["MENTOR", "MENTEE"],
  leaveFeedback: ["MENTOR", "MENTEE"],
  hideFeedback: STAFF,
  answerCheckIn: ["MENTOR", "MENTEE"],
  requestAccountDeletion: ["MENTOR", "MENTEE"],
  // chat: the two members of a mentorship (checked by the service)
  sendChatMessage: ["MENTOR", "MENTEE"],
  // certification: admins define programs; mentees enrol; mentors evaluate their mentees; staff issue and revoke
  createCertificationProgram: ["ADMIN"],
  enrollInCertification: ["MENTEE"],
  evaluateMentee: ["MENTOR"],
  issueCertificate: STAFF,
  revokeCertificate: STAFF,
};
void STAFF;

function placeholder(type: GraphQLInputType, depth = 0): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType, depth);
  if (isListType(type)) return [placeholder(type.ofType, depth)];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) if (isNonNullType(f.type) && depth < 4) out[f.name] = placeholder(f.type, depth + 1);
    return out;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case "ID":
        return "00000000-0000-7000-8000-000000000000";
      case "Int":
        return 1;
      case "Float":
        return 1.5;
      case "Boolean":
        return true;
      case "DateTime":
        return "2030-01-01T10:00:00Z";
      case "JSON":
        return {};
      default:
        return "placeholder";
    }
  }
  return null;
}

function operationFor(name: string, field: GraphQLField<unknown, unknown>) {
  const vars: Record<string, unknown> = {};
  const defs: string[] = [];
  const args: string[] = [];
  for (const a of field.args) {
    if (!isNonNullType(a.type)) continue;
    defs.push(`$${a.name}: ${a.type.toString()}`);
    args.push(`${a.name}: $${a.name}`);
    vars[a.name] = placeholder(a.type);
  }
  const named = getNamedType(field.type);
  const selection = isObjectType(named) || isAbstractType(named) ? " { __typename }" : "";
  const query = `mutation M${defs.length ? `(${defs.join(", ")})` : ""} { ${name}${args.length ? `(${args.join(", ")})` : ""}${selection} }`;
  return { query, vars };
}

const DENIED = ["UNAUTHENTICATED", "FORBIDDEN"];

let t: TestApp;
const users = {} as Record<R, TestUser>;
let tables: string[] = [];
beforeAll(async () => {
  t = await startTestApp();
  for (const r of ALL) users[r] = await t.user(r);
  tables = (await t.db.$queryRawUnsafe<{ name: string }[]>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY 1`)).map((r) => r.name);
});
afterAll(() => t?.close());

/** Row counts of every table: a refused mutation must leave all of them as they were. */
async function rowCounts(): Promise<Record<string, number>> {
  const sql = tables.map((n) => `SELECT '${n}' AS name, count(*)::int AS n FROM "${n}"`).join(" UNION ALL ");
  const rows = await t.db.$queryRawUnsafe<{ name: string; n: number }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
}

/** The commands each mutation was seen starting, over all its calls in this file. */
const observed = new Map<string, Set<string>>();
/** Mutations whose every call here was refused as BAD_USER_INPUT (placeholder input parsed before any command). */
const inputOnly = new Map<string, boolean>();
let current = "";
const stopObserving = observeCommands((name) => {
  if (!current) return;
  const set = observed.get(current) ?? new Set<string>();
  set.add(name);
  observed.set(current, set);
});
afterAll(() => stopObserving());

describe("role x mutation matrix", () => {
  const mutations = Object.entries(schema.getMutationType()!.getFields());

  it("every mutation has a row in the matrix", () => {
    expect(mutations.map(([n]) => n).filter((n) => !(n in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((n) => !mutations.some(([m]) => m === n))).toEqual([]);
  });

  for (const [name, field] of mutations) {
    // Log-out would end the shared sessions; it gets its own tests in auth.test.ts.
    if (name === "logOut") continue;
    it(`${name}: allowed ${JSON.stringify(MATRIX[name])}`, async () => {
      const { query, vars } = operationFor(name, field);
      const allowed = MATRIX[name];
      current = name;
      // Refused calls first: anonymous (unless public) and every role outside the table. None
      // of them may write anything.
      const refused = ALL.filter((role) => allowed !== PUBLIC && !allowed.includes(role));
      const before = await rowCounts();
      const anon = await t.gql(query, vars);
      const anonCodes = (anon.errors ?? []).map((e) => e.extensions?.code);
      if (allowed === PUBLIC) expect(anonCodes.filter((c) => DENIED.includes(c))).toEqual([]);
      else expect(anonCodes).toContain("UNAUTHENTICATED");
      for (const role of refused) {
        const r = await t.gql(query, vars, users[role].token);
        expect((r.errors ?? []).map((e) => e.extensions?.code), `${name} as ${role} should be refused`).toContain("FORBIDDEN");
      }
      if (allowed !== PUBLIC) expect(await rowCounts(), `${name}: a refused call wrote rows`).toEqual(before);
      inputOnly.set(name, allowed !== PUBLIC || anonCodes.includes("BAD_USER_INPUT"));
      for (const role of ALL) {
        const r = await t.gql(query, vars, users[role].token);
        const got = (r.errors ?? []).map((e) => e.extensions?.code);
        if (!got.includes("BAD_USER_INPUT") && (allowed === PUBLIC || allowed.includes(role))) inputOnly.set(name, false);
        expect(got, `${name} as ${role}: ${JSON.stringify(r.errors)}`).not.toContain("INTERNAL_SERVER_ERROR");
        if (allowed === PUBLIC || allowed.includes(role)) expect(got.filter((c) => DENIED.includes(c)), `${name} as ${role} should pass authorisation`).toEqual([]);
        else expect(got, `${name} as ${role} should be refused`).toContain("FORBIDDEN");
      }
      current = "";
    });
  }

  it("every mutation ran through the commands listed for it (tests/helpers/commands.ts)", () => {
    for (const [name, names] of Object.entries(MUTATION_COMMANDS)) {
      if (name === "logOut") continue;
      const seen = [...(observed.get(name) ?? [])];
      // Refused as bad input by every allowed role: parsed before its command started (the
      // mapping itself is checked by command-path.test.ts and by the mutation's own tests).
      if (!inputOnly.get(name)) expect(seen.length, `${name} ran no command`).toBeGreaterThan(0);
      expect(seen.filter((n) => !names.includes(n)), `${name} ran commands not listed for it`).toEqual([]);
    }
    // A mutation missing from the table must not run commands unnoticed.
    for (const [name, set] of observed) if (!(name in MUTATION_COMMANDS)) expect([...set], `${name} runs commands: list it in MUTATION_COMMANDS`).toEqual([]);
  });
});
