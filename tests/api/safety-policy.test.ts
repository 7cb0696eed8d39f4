// Policy administration for trust & safety: versioned, admin-only, previewed, never retroactive.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, type TestApp, type TestUser } from "../helpers/app.js";
import { enforcementsOf, meet, menteesOf, report, users } from "../helpers/safety.js";

let t: TestApp;
let admin: TestUser;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.user("ADMIN");
});
afterAll(() => t?.close());

const UPDATE = `mutation($i: UpdatePolicyInput!) { updatePolicy(input: $i) { version values } }`;
const PREVIEW = `query($c: JSON!) { previewPolicyChange(changes: $c) { currentVersion values changes { user { id } aspect current proposed detail } } }`;

describe("policy administration", () => {
  it("updatePolicy is admin-only and versioned with who, when and why", async () => {
    for (const role of ["SUPPORT", "MENTOR", "MENTEE"] as const) {
      const u = await t.user(role);
      expect(codes(await t.gql(UPDATE, { i: { changes: { safety: { strikeWindowDays: 90 } }, reason: "try" } }, u.token))).toEqual(["FORBIDDEN"]);
      expect(codes(await t.gql(PREVIEW, { c: { safety: { strikeWindowDays: 90 } } }, u.token))).toEqual(["FORBIDDEN"]);
    }
    const before = (await t.ok(`{ policy { version } }`, {}, admin.token)).policy.version;
    const r = (await t.ok(UPDATE, { i: { changes: { safety: { appealWindowDays: 21 } }, reason: "longer appeal window" } }, admin.token)).updatePolicy;
    expect(r.version).toBe(before + 1);
    expect(r.values.safety.appealWindowDays).toBe(21);
    const [h] = (await t.ok(`{ policyHistory(limit: 1) { version reason createdBy { id } createdAt } }`, {}, admin.token)).policyHistory;
    expect(h).toMatchObject({ version: before + 1, reason: "longer appeal window", createdBy: { id: admin.id } });
    expect(await t.db.auditLog.count({ where: { action: "policy.update", subjectId: String(before + 1) } })).toBe(1);
    const bad = await t.gql(UPDATE, { i: { changes: { safety: { rudenessDistinctMentees: 0 } }, reason: "invalid" } }, admin.token);
    expect(codes(bad)).toEqual(["BAD_USER_INPUT"]);
  });

  it("every threshold of the issue is policy data with the seeds' defaults", async () => {
    const { values } = (await t.ok(`{ policy { values } }`, {}, admin.token)).policy;
    expect(values.safety).toMatchObject({
      rudenessDistinctMentees: 5,
      rudenessSuspensionDays: 30,
      deceptionDistinctMentees: 5,
      privacyDistinctUsers: 5,
      countReports: "NOT_DISMISSED",
      strikeSuspensionDays: 30,
      strikeWindowDays: 182,
      strikesBeforeBan: 1,
    });
    expect(values.safety.upheldRudenessPenaltyBps).toBeGreaterThan(0);
    expect(values.notifications.emailMaxAttempts).toBeGreaterThan(0);
  });

  it("preview lists exactly the users whose standing would change and changes nothing; applying it does", async () => {
    const [x, y, z] = await users(t, "MENTOR", 3);
    const mentees = await users(t, "MENTEE", 3);
    for (const m of mentees) await meet(t, x.id, m.id);
    for (const m of mentees.slice(0, 2)) await meet(t, y.id, m.id);
    for (const m of mentees) await report(t, m, x.id, "RUDENESS");
    for (const m of mentees.slice(0, 2)) await report(t, m, y.id, "RUDENESS");
    for (const m of mentees) await report(t, m, z.id, "SPAM");
    const countsBefore = { versions: await t.db.policyVersion.count(), audits: await t.db.auditLog.count(), enforcements: await t.db.enforcement.count() };
    const p = (await t.ok(PREVIEW, { c: { safety: { rudenessDistinctMentees: 3 } } }, admin.token)).previewPolicyChange;
    expect(p.values.safety.rudenessDistinctMentees).toBe(3);
    expect(p.changes).toEqual([{ user: { id: x.id }, aspect: "threshold.RUDENESS", current: "NONE", proposed: "SUSPENSION", detail: expect.stringContaining("3 distinct") }]);
    // a dry run: no version, no audit entry, no enforcement
    expect({ versions: await t.db.policyVersion.count(), audits: await t.db.auditLog.count(), enforcements: await t.db.enforcement.count() }).toEqual(countsBefore);
    expect(codes(await t.gql(PREVIEW, { c: { safety: { rudenessDistinctMentees: -1 } } }, admin.token))).toEqual(["BAD_USER_INPUT"]);
    // the ladder aspect: two strikes before a ban changes the next step of a user with one strike
    const support = await t.user("SUPPORT");
    const struck = await t.user("MENTEE");
    await t.ok(`mutation($i: IssueEnforcementInput!) { issueEnforcement(input: $i) { id } }`, { i: { userId: struck.id, kind: "STRIKE", reason: "coupon begging" } }, support.token);
    const p2 = (await t.ok(PREVIEW, { c: { safety: { strikesBeforeBan: 2 } } }, admin.token)).previewPolicyChange;
    expect(p2.changes).toEqual([{ user: { id: struck.id }, aspect: "ladder.nextStep", current: "BAN", proposed: "STRIKE", detail: expect.any(String) }]);
    // applying the change enforces what the preview listed, under the new version
    const v = (await t.ok(UPDATE, { i: { changes: { safety: { rudenessDistinctMentees: 3 } }, reason: "stricter on rudeness" } }, admin.token)).updatePolicy.version;
    expect((await enforcementsOf(t, x.id)).map((e) => [e.kind, e.policyVersion])).toEqual([["SUSPENSION", v]]);
    expect(await enforcementsOf(t, y.id)).toHaveLength(0);
    expect(await enforcementsOf(t, z.id)).toHaveLength(0);
  });

  it("old enforcements keep the policy version and terms they were issued under", async () => {
    const [mentor] = await users(t, "MENTOR", 1);
    const mentees = await menteesOf(t, mentor.id, 6);
    const cur = (await t.ok(`{ policy { version values } }`, {}, admin.token)).policy;
    for (const m of mentees.slice(0, cur.values.safety.rudenessDistinctMentees)) await report(t, m, mentor.id, "RUDENESS");
    const [first] = await enforcementsOf(t, mentor.id);
    expect(first).toMatchObject({ kind: "SUSPENSION", policyVersion: cur.version });
    const v2 = (await t.ok(UPDATE, { i: { changes: { safety: { rudenessSuspensionDays: 7, appealWindowDays: 3 } }, reason: "shorter suspensions" } }, admin.token)).updatePolicy.version;
    const [again] = await enforcementsOf(t, mentor.id);
    expect(again).toEqual(first);
    expect((again.policyValues as any).safety.rudenessSuspensionDays).toBe(30);
    // a new enforcement uses the new version
    const other = await t.user("MENTEE");
    const support = await t.user("SUPPORT");
    const e = (await t.ok(`mutation($i: IssueEnforcementInput!) { issueEnforcement(input: $i) { policyVersion appealDeadline } }`, { i: { userId: other.id, kind: "WARNING", reason: "harassment" } }, support.token)).issueEnforcement;
    expect(e.policyVersion).toBe(v2);
    expect(new Date(e.appealDeadline).getTime() - t.clock.now().getTime()).toBe(3 * 86_400_000);
  });
});
