// Shared GraphQL documents and helpers for the trust & safety tests.
import type { TestApp, TestUser } from "./app.js";
import { endedSession } from "./mentorships.js";

export const FILE = `mutation($i: FileReportInput!) { fileReport(input: $i) { id status category } }`;
export const REVIEW = `mutation($i: ReviewReportInput!) { reviewReport(input: $i) { id status enforcement { id kind scope endsAt policyVersion } } }`;
export const ISSUE = `mutation($i: IssueEnforcementInput!) { issueEnforcement(input: $i) { id kind scope endsAt dropsOutAt appealDeadline policyVersion } }`;
export const STANDING = `{ viewer { standing { status nextStep warnings { id } activeStrikes { id kind dropsOutAt } suspensions { id kind scope endsAt } ban { id } appealable { id appealDeadline } } } }`;
export const LOG_IN = `mutation($i: LogInInput!) { logIn(input: $i) { token } }`;
export const PASSWORD = "correct-horse-battery";

export async function users(t: TestApp, role: "MENTEE" | "MENTOR" | "SUPPORT", n: number): Promise<TestUser[]> {
  const out: TestUser[] = [];
  for (let i = 0; i < n; i++) out.push(await t.user(role));
  return out;
}

export async function report(t: TestApp, by: TestUser, subjectId: string, category: string, extra: Record<string, unknown> = {}) {
  return (await t.ok(FILE, { i: { subjectId, category, description: "test report", ...extra } }, by.token)).fileReport as { id: string; status: string };
}

export async function enforcementsOf(t: TestApp, userId: string) {
  return t.db.enforcement.findMany({ where: { userId }, orderBy: { startsAt: "asc" } });
}

export const DAY = 86_400_000;

let slot = 0;
/**
 * An ended session between the two (fixture written directly), each in its own past two-hour
 * slot so one mentor's sessions never overlap: a verified interaction for complaints.
 */
export async function meet(t: TestApp, mentorId: string, menteeId: string) {
  slot++;
  return endedSession(t, mentorId, menteeId, new Date(t.clock.now().getTime() - slot * 2 * 3_600_000));
}

/** `n` mentees who each had an ended session with the mentor: complainants a threshold counts. */
export async function menteesOf(t: TestApp, mentorId: string, n: number): Promise<TestUser[]> {
  const out = await users(t, "MENTEE", n);
  for (const m of out) await meet(t, mentorId, m.id);
  return out;
}

/** A GraphQL request from a given client address (the API reads X-Forwarded-For). */
export async function gqlFrom(t: TestApp, ip: string, query: string, variables: Record<string, unknown>, token: string) {
  const res = await fetch(`${t.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-forwarded-for": ip },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: { extensions?: Record<string, unknown> }[] };
}
