// Complaints that count: only complainants with a verified interaction (or an upheld complaint)
// count toward automatic thresholds; throwaway accounts reach people, and bursts of them show up.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestUser } from "../helpers/app.js";
import { activeMentorship } from "../helpers/mentorships.js";
import { DAY, FILE, enforcementsOf, gqlFrom, meet, menteesOf, report, users } from "../helpers/safety.js";

let t: TestApp;
let support: TestUser;
let admin: TestUser;
beforeAll(async () => {
  // Reports carry the client address from X-Forwarded-For, as behind the platform's proxy.
  t = await startTestApp({ now: "2026-03-02T09:00:00Z", config: { trustProxy: "loopback" } });
  support = await t.user("SUPPORT");
  admin = await t.user("ADMIN");
});
afterAll(() => t?.close());

const QUEUE = `query($s: ID!, $v: Boolean) { reports(filter: { subjectId: $s, status: OPEN, verified: $v }) { edges { node { id source status category verifiedBy verifiedByInteractionId verification detectorRule evidence reporter { id } } } } }`;
const STANDING = `query($u: ID!) { userStanding(userId: $u) { status complaints { category threshold counted verified upheldUnverified unverifiedPending windowDays } } }`;
const REVIEW = `mutation($i: ReviewReportInput!) { reviewReport(input: $i) { id status } }`;
const UPDATE = `mutation($i: UpdatePolicyInput!) { updatePolicy(input: $i) { version } }`;
const PREVIEW = `query($c: JSON!) { previewPolicyChange(changes: $c) { changes { user { id } aspect current proposed detail } } }`;

const queue = async (subjectId: string, verified?: boolean) =>
  ((await t.ok(QUEUE, { s: subjectId, v: verified ?? null }, support.token)).reports.edges as { node: any }[]).map((e) => e.node);
const standing = async (userId: string, category: string) =>
  ((await t.ok(STANDING, { u: userId }, support.token)).userStanding.complaints as any[]).find((c) => c.category === category);
const uphold = (reportId: string) => t.ok(REVIEW, { i: { reportId, decision: "UPHOLD", reason: "confirmed by staff", action: "NONE" } }, support.token);
const setPolicy = (safety: Record<string, unknown>) => t.ok(UPDATE, { i: { changes: { safety }, reason: "test" } }, admin.token);

/** Fresh accounts with no interaction, each from its own client address, created a day apart. */
async function strangers(n: number): Promise<TestUser[]> {
  const out = await users(t, "MENTEE", n);
  for (const [i, u] of out.entries()) await t.db.user.update({ where: { id: u.id }, data: { createdAt: new Date(Date.UTC(2025, 0, 1 + 3 * i)) } });
  return out;
}
let addr = 0;
const reportFrom = async (u: TestUser, subjectId: string, category: string, ip = `198.51.100.${++addr}`) => {
  const r = await gqlFrom(t, ip, FILE, { i: { subjectId, category, description: "test report" } }, u.token);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data.fileReport as { id: string };
};

describe("verified complainants", () => {
  it("five fresh accounts with no interaction: no enforcement; the reports stay open in the queue with 'no verified interaction'", async () => {
    const mentor = await t.user("MENTOR");
    for (const u of await strangers(5)) await reportFrom(u, mentor.id, "RUDENESS");
    for (const u of await strangers(5)) await reportFrom(u, mentor.id, "DECEPTION");
    expect(await enforcementsOf(t, mentor.id)).toHaveLength(0);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: mentor.id } })).status).toBe("ACTIVE");
    const open = await queue(mentor.id);
    expect(open).toHaveLength(10);
    for (const r of open) expect(r).toMatchObject({ source: "USER", status: "OPEN", verifiedBy: null, verifiedByInteractionId: null, verification: "no verified interaction" });
    expect(await queue(mentor.id, false)).toHaveLength(10);
    expect(await queue(mentor.id, true)).toHaveLength(0);
    expect(await standing(mentor.id, "RUDENESS")).toEqual({ category: "RUDENESS", threshold: 5, counted: 0, verified: 0, upheldUnverified: 0, unverifiedPending: 5, windowDays: 365 });
    // staff see the tally; the subject's own standing does not disclose open complaints
    expect((await t.ok(`{ viewer { standing { complaints { counted } } } }`, {}, mentor.token)).viewer.standing.complaints).toBeNull();
  });

  it("five mentees with ended sessions: rudeness suspends, deception bans, as before; each report records the session", async () => {
    const rude = await t.user("MENTOR");
    const liar = await t.user("MENTOR");
    const sessions: string[] = [];
    const rudeMentees = await users(t, "MENTEE", 5);
    for (const m of rudeMentees) sessions.push((await meet(t, rude.id, m.id)).id);
    for (const m of rudeMentees) await report(t, m, rude.id, "RUDENESS");
    for (const m of await menteesOf(t, liar.id, 5)) await report(t, m, liar.id, "DECEPTION");
    expect((await enforcementsOf(t, rude.id)).map((e) => [e.kind, e.origin, e.category])).toEqual([["SUSPENSION", "THRESHOLD", "RUDENESS"]]);
    expect((await enforcementsOf(t, liar.id)).map((e) => [e.kind, e.endsAt, e.category])).toEqual([["BAN", null, "DECEPTION"]]);
    const filed = await t.db.report.findMany({ where: { subjectId: rude.id }, orderBy: { createdAt: "asc" } });
    expect(filed.map((r) => [r.interactionKind, r.interactionId])).toEqual(sessions.map((id) => ["SESSION", id]));
    const shown = (await t.ok(`query($id: ID!) { report(id: $id) { verifiedBy verifiedByInteractionId verification } }`, { id: filed[0].id }, support.token)).report;
    expect(shown).toEqual({ verifiedBy: "SESSION", verifiedByInteractionId: sessions[0], verification: "verified: a session between them" });
  });

  it("an active mentorship verifies; a scheduled, cancelled or out-of-window session does not; rudeness needs the reporter to be the mentee", async () => {
    const mentor = await t.user("MENTOR");
    const { mentee, mentorshipId } = await activeMentorship(t, { mentor });
    const viaMentorship = await report(t, mentee, mentor.id, "RUDENESS");
    expect(await t.db.report.findUniqueOrThrow({ where: { id: viaMentorship.id } })).toMatchObject({ interactionKind: "MENTORSHIP", interactionId: mentorshipId });

    const [scheduled, cancelled, old] = await users(t, "MENTEE", 3);
    const s1 = await meet(t, mentor.id, scheduled.id);
    await t.db.session.update({ where: { id: s1.id }, data: { state: "SCHEDULED", endedAt: null } });
    const s2 = await meet(t, mentor.id, cancelled.id);
    await t.db.session.update({ where: { id: s2.id }, data: { state: "CANCELLED" } });
    const s3 = await meet(t, mentor.id, old.id);
    await t.db.session.update({ where: { id: s3.id }, data: { startsAt: new Date(t.clock.now().getTime() - 400 * DAY), endsAt: new Date(t.clock.now().getTime() - 400 * DAY + 3_600_000) } });
    for (const u of [scheduled, cancelled, old]) expect((await t.db.report.findUniqueOrThrow({ where: { id: (await report(t, u, mentor.id, "RUDENESS")).id } })).interactionKind).toBeNull();

    // the mentor of a session reporting their mentee for rudeness is not "a mentee of" the subject;
    // privacy (any user) accepts the interaction in either direction
    const other = await t.user("MENTOR");
    await meet(t, other.id, mentee.id);
    const rev = await report(t, other, mentee.id, "RUDENESS");
    const priv = await report(t, other, mentee.id, "PRIVACY");
    expect((await t.db.report.findUniqueOrThrow({ where: { id: rev.id } })).interactionKind).toBeNull();
    expect((await t.db.report.findUniqueOrThrow({ where: { id: priv.id } })).interactionKind).toBe("SESSION");
  });

  it("policy data says which interactions qualify", async () => {
    const mentor = await t.user("MENTOR");
    const [live, ended] = await users(t, "MENTEE", 2);
    const s = await meet(t, mentor.id, live.id);
    await t.db.session.update({ where: { id: s.id }, data: { state: "LIVE", endedAt: null } });
    await meet(t, mentor.id, ended.id);
    const { mentee: partner } = await activeMentorship(t, { mentor });
    await setPolicy({ verifiedSessionStates: ["ENDED"], verifiedMentorshipStatuses: [] });
    try {
      const kinds = [];
      for (const u of [live, ended, partner]) kinds.push((await t.db.report.findUniqueOrThrow({ where: { id: (await report(t, u, mentor.id, "DECEPTION")).id } })).interactionKind);
      expect(kinds).toEqual([null, "SESSION", null]);
    } finally {
      await setPolicy({ verifiedSessionStates: ["LIVE", "ENDED"], verifiedMentorshipStatuses: ["ACTIVE"] });
    }
  });

  it("a mix counts only the verified complainants plus the upheld ones", async () => {
    const mentor = await t.user("MENTOR");
    for (const m of await menteesOf(t, mentor.id, 3)) await report(t, m, mentor.id, "RUDENESS");
    const unverified = [];
    for (const u of await strangers(3)) unverified.push(await reportFrom(u, mentor.id, "RUDENESS"));
    expect(await enforcementsOf(t, mentor.id)).toHaveLength(0);
    expect(await standing(mentor.id, "RUDENESS")).toMatchObject({ counted: 3, verified: 3, upheldUnverified: 0, unverifiedPending: 3, threshold: 5 });
    // a dismissed unverified report never counts
    await t.ok(REVIEW, { i: { reportId: unverified[0].id, decision: "DISMISS", reason: "no evidence" } }, support.token);
    await uphold(unverified[1].id);
    expect(await enforcementsOf(t, mentor.id)).toHaveLength(0);
    expect(await standing(mentor.id, "RUDENESS")).toMatchObject({ counted: 4, verified: 3, upheldUnverified: 1, unverifiedPending: 1 });
    await uphold(unverified[2].id);
    const [e] = await enforcementsOf(t, mentor.id);
    expect(e).toMatchObject({ kind: "SUSPENSION", origin: "THRESHOLD", category: "RUDENESS" });
    const counted = await t.db.report.findMany({ where: { thresholdEnforcementId: e.id } });
    expect(counted).toHaveLength(5);
    expect(counted.map((r) => r.id)).not.toContain(unverified[0].id);
  });

  it("a repeated complainant still counts once", async () => {
    const mentor = await t.user("MENTOR");
    const [loud, ...rest] = await menteesOf(t, mentor.id, 4);
    for (const s of ["s-1", "s-2", "s-3", "s-4", "s-5"]) await report(t, loud, mentor.id, "RUDENESS", { sessionId: s });
    for (const m of rest) await report(t, m, mentor.id, "RUDENESS");
    expect(await t.db.report.count({ where: { subjectId: mentor.id, category: "RUDENESS" } })).toBe(8);
    expect(await enforcementsOf(t, mentor.id)).toHaveLength(0);
    expect(await standing(mentor.id, "RUDENESS")).toMatchObject({ counted: 4, verified: 4 });
  });
});

describe("brigading", () => {
  it("a burst from fresh accounts on one client address files one detector report with the evidence and enforces nothing", async () => {
    const mentor = await t.user("MENTOR");
    const fresh = await users(t, "MENTEE", 5);
    const filed = [];
    for (const u of fresh) {
      filed.push(await reportFrom(u, mentor.id, "RUDENESS", "203.0.113.7"));
      t.clock.advance(60_000);
    }
    expect(await enforcementsOf(t, mentor.id)).toHaveLength(0);
    const detected = (await queue(mentor.id)).filter((r) => r.source === "DETECTOR");
    expect(detected).toHaveLength(1);
    const [d] = detected;
    expect(d).toMatchObject({ detectorRule: "brigading.burst", category: "OTHER", verification: "filed by a detector" });
    expect(d.evidence.signals.map((g: any) => g.kind).sort()).toEqual(["ACCOUNTS_CREATED_TOGETHER", "SAME_ADDRESS"]);
    expect(d.evidence.signals.find((g: any) => g.kind === "SAME_ADDRESS")).toMatchObject({ address: "203.0.113.7", reporterIds: fresh.map((u) => u.id).sort() });
    expect(d.evidence.reports.map((r: any) => r.reportId)).toEqual(filed.map((r) => r.id));
    // the burst's user reports stay open for people, beside the detector report
    expect(await queue(mentor.id, false)).toHaveLength(5);
    // staff upholding the brigading report record a finding; its subject (the target) is not enforced against
    await t.ok(REVIEW, { i: { reportId: d.id, decision: "UPHOLD", reason: "a coordinated burst", action: "LADDER" } }, support.token);
    expect(await enforcementsOf(t, mentor.id)).toHaveLength(0);
  });

  it("accounts created together fire it from different addresses; organic unverified reports and verified ones do not", async () => {
    const together = await t.user("MENTOR");
    const fresh = await users(t, "MENTEE", 3);
    for (const u of fresh) await reportFrom(u, together.id, "DECEPTION");
    const [d] = (await queue(together.id)).filter((r) => r.source === "DETECTOR");
    expect(d.evidence.signals.map((g: any) => g.kind)).toEqual(["ACCOUNTS_CREATED_TOGETHER"]);

    // three unverified reports from old accounts created far apart, each from its own address
    const organic = await t.user("MENTOR");
    for (const u of await strangers(3)) await reportFrom(u, organic.id, "RUDENESS");
    // verified complainants from one address and created together are no brigade
    const verified = await t.user("MENTOR");
    for (const m of await menteesOf(t, verified.id, 4)) await reportFrom(m, verified.id, "RUDENESS", "192.0.2.1");
    expect(await t.db.report.count({ where: { subjectId: { in: [organic.id, verified.id] }, source: "DETECTOR" } })).toBe(0);
  });
});

describe("the preview counts the same way", () => {
  it("a lower threshold lists verified complainants only; dropping the verification requirement lists the unverified burst", async () => {
    const verifiedCase = await t.user("MENTOR");
    const burstCase = await t.user("MENTOR");
    for (const m of await menteesOf(t, verifiedCase.id, 3)) await report(t, m, verifiedCase.id, "RUDENESS");
    for (const u of await strangers(4)) await reportFrom(u, burstCase.id, "RUDENESS");
    const lower = (await t.ok(PREVIEW, { c: { safety: { rudenessDistinctMentees: 3 } } }, admin.token)).previewPolicyChange.changes;
    const ids = (cs: any[]) => cs.filter((c) => [verifiedCase.id, burstCase.id].includes(c.user.id)).map((c) => [c.user.id, c.aspect, c.proposed]);
    expect(ids(lower)).toEqual([[verifiedCase.id, "threshold.RUDENESS", "SUSPENSION"]]);
    expect(lower.find((c: any) => c.user.id === verifiedCase.id).detail).toMatch(/3 verified/);
    const open = (await t.ok(PREVIEW, { c: { safety: { rudenessDistinctMentees: 3, requireVerifiedInteraction: false } } }, admin.token)).previewPolicyChange.changes;
    expect(ids(open).sort()).toEqual([[verifiedCase.id, "threshold.RUDENESS", "SUSPENSION"], [burstCase.id, "threshold.RUDENESS", "SUSPENSION"]].sort());
    expect(await enforcementsOf(t, burstCase.id)).toHaveLength(0);
  });
});
