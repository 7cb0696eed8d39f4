// Seed 004: dispute lifecycle (open, assign, internal notes, messages, resolve with an
// outcome), internal notes hidden from parties (field and row rules), version conflicts,
// read-only once resolved, overdue flag, realtime feeds, audit entries.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, subscribe, type TestApp, type TestUser } from "../helpers/app.js";
import { ASSIGN, AUDIT, CHARGE, DISPUTE, DISPUTE_INTERNAL, HOUR, MESSAGE, NOTE, OPEN_DISPUTE, RESOLVE, hungUpSession, menteeEndedSession, newKey } from "../helpers/money.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-05-01T06:00:00Z" });
});
afterAll(() => t?.close());

async function staff() {
  return { support: await t.user("SUPPORT"), support2: await t.user("SUPPORT"), admin: await t.user("ADMIN") };
}
async function openOn(sessionId: string, by: TestUser, reason = "the session was cut short") {
  return (await t.ok(OPEN_DISPUTE, { i: { scope: "SESSION", sessionId, reason, evidence: "screenshots" } }, by.token)).openDispute;
}

describe("opening", () => {
  it("either party opens a session dispute (money at stake); strangers cannot; one open dispute per session", async () => {
    const { m, mentee, s } = await menteeEndedSession(t);
    const stranger = await t.user("MENTEE");
    expect(codes(await t.gql(OPEN_DISPUTE, { i: { scope: "SESSION", sessionId: s.id, reason: "not mine" } }, stranger.token))).toEqual(["NOT_FOUND"]);
    const d = await openOn(s.id, mentee);
    expect(d).toMatchObject({ scope: "SESSION", sessionId: s.id, status: "OPEN", openedBy: "MENTEE", version: 1, overdue: false, outcome: null });
    expect(d.responseDueAt).toBe(new Date(t.clock.now().getTime() + 48 * HOUR).toISOString());
    expect(codes(await t.gql(OPEN_DISPUTE, { i: { scope: "SESSION", sessionId: s.id, reason: "me too" } }, m.token))).toEqual(["CONFLICT"]);
    expect(codes(await t.gql(OPEN_DISPUTE, { i: { scope: "SESSION", reason: "no session" } }, m.token))).toEqual(["BAD_USER_INPUT"]);
    const { support } = await staff();
    expect(codes(await t.gql(OPEN_DISPUTE, { i: { scope: "SESSION", sessionId: s.id, reason: "staff" } }, support.token))).toEqual(["FORBIDDEN"]);
  });

  it("a mentorship dispute needs a real mentor-mentee pair and carries no money", async () => {
    const { m, mentee } = await menteeEndedSession(t);
    const other = await t.user("MENTOR");
    expect(codes(await t.gql(OPEN_DISPUTE, { i: { scope: "MENTORSHIP", counterpartId: other.id, reason: "never met" } }, mentee.token))).toEqual(["NOT_FOUND"]);
    const d = (await t.ok(OPEN_DISPUTE, { i: { scope: "MENTORSHIP", counterpartId: mentee.id, reason: "the mentee never does the agreed tasks" } }, m.token)).openDispute;
    expect(d).toMatchObject({ scope: "MENTORSHIP", sessionId: null, openedBy: "MENTOR" });
    const { support } = await staff();
    const r = await t.gql(RESOLVE, { i: { disputeId: d.id, outcome: "FULL_REFUND", reason: "n/a", expectedVersion: d.version, idempotencyKey: newKey() } }, support.token);
    expect(codes(r)).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("lifecycle", () => {
  it("assign, internal note, messages, resolve with a partial refund: parties never see internal notes", async () => {
    const { m, mentee, s } = await menteeEndedSession(t);
    const { support, admin } = await staff();
    let d = await openOn(s.id, mentee);
    d = (await t.ok(ASSIGN, { i: { disputeId: d.id, expectedVersion: d.version } }, support.token)).assignDispute;
    expect(d).toMatchObject({ status: "IN_REVIEW", assignee: { id: support.id }, version: 2 });
    await t.ok(NOTE, { i: { disputeId: d.id, body: "INTERNAL: mentor has 3 prior complaints", expectedVersion: 2 } }, support.token);
    await t.ok(MESSAGE, { i: { disputeId: d.id, body: "Could you both describe what happened?" } }, support.token);
    await t.ok(MESSAGE, { i: { disputeId: d.id, body: "My connection was fine." } }, m.token);

    for (const party of [m, mentee]) {
      const seen = (await t.ok(DISPUTE, { id: d.id }, party.token)).dispute;
      // row rule: the viewer's `notes` holds only messages
      expect(seen.notes.map((n: any) => n.visibility)).toEqual(["PARTIES", "PARTIES"]);
      expect(JSON.stringify(seen)).not.toContain("INTERNAL: mentor");
      // field rule: internalNotes is staff-only
      expect(codes(await t.gql(DISPUTE_INTERNAL, { id: d.id }, party.token))).toEqual(["FORBIDDEN"]);
      // and they cannot write one
      expect(codes(await t.gql(NOTE, { i: { disputeId: d.id, body: "x", expectedVersion: 1 } }, party.token))).toEqual(["FORBIDDEN"]);
    }
    const staffView = (await t.ok(DISPUTE, { id: d.id }, admin.token)).dispute;
    expect(staffView.notes.map((n: any) => n.visibility)).toEqual(["INTERNAL", "PARTIES", "PARTIES"]);
    expect((await t.ok(DISPUTE_INTERNAL, { id: d.id }, support.token)).dispute.internalNotes.map((n: any) => n.body)).toEqual(["INTERNAL: mentor has 3 prior complaints"]);
    expect(staffView.version).toBe(5);

    const key = newKey("resolve");
    const input = { disputeId: d.id, outcome: "PARTIAL_REFUND", amount: { amountMinor: 2500, currency: "USD" }, reason: "connection logs show the mentor dropped", expectedVersion: 5, idempotencyKey: key };
    const done = (await t.ok(RESOLVE, { i: input }, support.token)).resolveDispute;
    expect(done).toMatchObject({ status: "RESOLVED", outcome: "PARTIAL_REFUND", outcomeAmount: { amountMinor: 2500, currency: "USD" }, resolutionReason: "connection logs show the mentor dropped", version: 6 });
    expect(done.refund.amount).toEqual({ amountMinor: 2500, currency: "USD" });
    // replay returns the same resolution; no second refund
    expect((await t.ok(RESOLVE, { i: input }, support.token)).resolveDispute.refund.id).toBe(done.refund.id);
    const charge = (await t.ok(CHARGE, { s: s.id }, mentee.token)).charge;
    expect(charge.refunds).toEqual([expect.objectContaining({ kind: "DISPUTE", disputeId: d.id, amount: { amountMinor: 2500, currency: "USD" } })]);

    // resolved disputes are read-only
    expect(codes(await t.gql(MESSAGE, { i: { disputeId: d.id, body: "but wait" } }, mentee.token))).toEqual(["PRECONDITION_FAILED"]);
    expect(codes(await t.gql(NOTE, { i: { disputeId: d.id, body: "late note", expectedVersion: 6 } }, support.token))).toEqual(["PRECONDITION_FAILED"]);
    expect(codes(await t.gql(ASSIGN, { i: { disputeId: d.id, expectedVersion: 6 } }, support.token))).toEqual(["PRECONDITION_FAILED"]);
    expect(codes(await t.gql(RESOLVE, { i: { ...input, outcome: "NO_ACTION", amount: null, expectedVersion: 6, idempotencyKey: newKey() } }, admin.token))).toEqual(["PRECONDITION_FAILED"]);

    // audit: open, assign, refund, resolution with actor and reason
    const audit = (await t.ok(AUDIT, { f: { subjectType: "Dispute", subjectId: d.id } }, admin.token)).auditLog.edges.map((e: any) => e.node);
    expect(audit.map((a: any) => a.action).sort()).toEqual(["dispute.assign", "dispute.open", "dispute.resolve"]);
    expect(audit.find((a: any) => a.action === "dispute.resolve")).toMatchObject({ actor: { id: support.id }, reason: "connection logs show the mentor dropped", after: expect.objectContaining({ outcome: "PARTIAL_REFUND", amountMinor: 2500 }) });
    const refundAudit = (await t.ok(AUDIT, { f: { subjectType: "Refund", subjectId: done.refund.id } }, admin.token)).auditLog.edges[0].node;
    expect(refundAudit).toMatchObject({ action: "refund.dispute", actor: { id: support.id } });
    expect(refundAudit.reason).toMatch(/connection logs/);
    // every entry is stamped with the injected clock
    for (const a of await t.db.auditLog.findMany({ where: { subjectId: { in: [d.id, done.refund.id] } } })) expect(a.createdAt, a.action).toEqual(t.clock.now());
  });

  it("outcomes: full refund pays what remains; no action moves no money; a referral reaches trust & safety", async () => {
    const { support } = await staff();
    const a = await hungUpSession(t);
    const da = await openOn(a.s.id, a.mentee);
    const full = (await t.ok(RESOLVE, { i: { disputeId: da.id, outcome: "FULL_REFUND", reason: "mentor admitted it", expectedVersion: 1, idempotencyKey: newKey() } }, support.token)).resolveDispute;
    expect(full.outcomeAmount).toEqual({ amountMinor: 6000, currency: "USD" });

    const b = await menteeEndedSession(t);
    const { support: s2 } = await staff();
    const db = await openOn(b.s.id, b.m);
    await t.ok(RESOLVE, { i: { disputeId: db.id, outcome: "NO_ACTION", reason: "no evidence", expectedVersion: 1, idempotencyKey: newKey() } }, s2.token);
    expect(await t.db.refund.count({ where: { sessionId: b.s.id } })).toBe(0);

    const c = await menteeEndedSession(t);
    const { support: s3 } = await staff();
    const dc = await openOn(c.s.id, c.mentee, "the mentor swore at me");
    const missing = await t.gql(RESOLVE, { i: { disputeId: dc.id, outcome: "ENFORCEMENT_REFERRAL", reason: "abusive language", expectedVersion: 1, idempotencyKey: newKey() } }, s3.token);
    expect(codes(missing)).toEqual(["BAD_USER_INPUT"]);
    await t.ok(RESOLVE, { i: { disputeId: dc.id, outcome: "ENFORCEMENT_REFERRAL", reason: "abusive language", expectedVersion: 1, idempotencyKey: newKey(), referral: { party: "MENTOR", category: "RUDENESS" } } }, s3.token);
    const report = await t.db.report.findFirstOrThrow({ where: { subjectId: c.m.id, dedupeKey: `dispute:${dc.id}:referral` } });
    expect(report).toMatchObject({ category: "RUDENESS", detectorRule: "dispute.referral" });
  });

  it("a contested partial refund resolved by dispute closes the request", async () => {
    const h = await hungUpSession(t);
    const r = (await t.ok(`mutation($i: RequestPartialRefundInput!) { requestPartialRefund(input: $i) { id } }`, { i: { sessionId: h.s.id, idempotencyKey: newKey() } }, h.mentee.token)).requestPartialRefund;
    const c = (await t.ok(`mutation($i: ContestPartialRefundInput!) { contestPartialRefund(input: $i) { disputeId } }`, { i: { requestId: r.id, reason: "the mentee left first" } }, h.m.token)).contestPartialRefund;
    const { support } = await staff();
    await t.ok(RESOLVE, { i: { disputeId: c.disputeId, outcome: "NO_ACTION", reason: "logs confirm the mentee left first", expectedVersion: 1, idempotencyKey: newKey() } }, support.token);
    expect((await t.db.partialRefundRequest.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("CLOSED");
  });
});

describe("concurrency and deadlines", () => {
  it("two agents editing the same version: the second gets a CONFLICT", async () => {
    const { mentee, s } = await menteeEndedSession(t);
    const { support, support2 } = await staff();
    const d = await openOn(s.id, mentee);
    await t.ok(NOTE, { i: { disputeId: d.id, body: "agent one", expectedVersion: 1 } }, support.token);
    const stale = await t.gql(NOTE, { i: { disputeId: d.id, body: "agent two", expectedVersion: 1 } }, support2.token);
    expect(codes(stale)).toEqual(["CONFLICT"]);
    expect(stale.errors![0].extensions).toMatchObject({ currentVersion: 2, expectedVersion: 1 });
    // concurrent resolutions against one version: exactly one wins, one refund
    const both = await Promise.all(
      [support, support2].map((a) =>
        t.gql(RESOLVE, { i: { disputeId: d.id, outcome: "PARTIAL_REFUND", amount: { amountMinor: 1000, currency: "USD" }, reason: "split", expectedVersion: 2, idempotencyKey: newKey() } }, a.token),
      ),
    );
    expect(both.filter((r) => !r.errors).length).toBe(1);
    expect(codes(both.find((r) => r.errors)!)[0]).toMatch(/CONFLICT|PRECONDITION_FAILED/);
    expect(await t.db.refund.count({ where: { sessionId: s.id } })).toBe(1);
  });

  it("overdue disputes are flagged after the response deadline (policy) and lead the staff queue", async () => {
    const { mentee, s } = await menteeEndedSession(t);
    const d = await openOn(s.id, mentee);
    t.clock.set(new Date(new Date(d.responseDueAt).getTime() + 1000));
    const { support } = await staff();
    expect((await t.ok(DISPUTE, { id: d.id }, mentee.token)).dispute.overdue).toBe(true);
    const q = (await t.ok(`{ disputeQueue(filter: { overdue: true }, first: 50) { edges { node { id overdue } } } }`, {}, support.token)).disputeQueue.edges.map((e: any) => e.node);
    expect(q.find((n: any) => n.id === d.id)).toEqual({ id: d.id, overdue: true });
    expect(codes(await t.gql(`{ disputeQueue(first: 5) { edges { node { id } } } }`, {}, mentee.token))).toEqual(["FORBIDDEN"]);
  });
});

describe("realtime", () => {
  it("disputeUpdated reaches the parties without internal notes; the staff queue feed sees every change", async () => {
    const { m, mentee, s } = await menteeEndedSession(t);
    const { support } = await staff();
    const d = await openOn(s.id, mentee);
    const stranger = await t.user("MENTEE");
    const denied = subscribe(t.ws(stranger.token), `subscription($id: ID!) { disputeUpdated(id: $id) { id } }`, { id: d.id });
    await denied.until(() => !!denied.error || denied.events.length > 0 || denied.completed);
    expect(JSON.stringify(denied.events)).toMatch(/NOT_FOUND/);

    const sub = subscribe(t.ws(mentee.token), `subscription($id: ID!) { disputeUpdated(id: $id) { id version status notes { visibility body } } }`, { id: d.id });
    const feed = subscribe(t.ws(support.token), `subscription { disputeQueueUpdated { kind id dispute { id status } } }`);
    await t.listening("disputeUpdated");
    await t.listening("disputeQueue");
    await t.ok(NOTE, { i: { disputeId: d.id, body: "SECRET staff note", expectedVersion: 1 } }, support.token);
    await t.ok(MESSAGE, { i: { disputeId: d.id, body: "hello both" } }, m.token);
    await sub.until(() => sub.events.length >= 2);
    await feed.until(() => feed.events.length >= 2);
    expect(JSON.stringify(sub.events)).not.toContain("SECRET");
    expect(sub.events.at(-1)!.data!.disputeUpdated).toMatchObject({ id: d.id, version: 3, notes: [{ visibility: "PARTIES", body: "hello both" }] });
    expect(feed.events.map((e) => e.data!.disputeQueueUpdated.kind)).toEqual(["NOTE_ADDED", "MESSAGE_POSTED"]);
    sub.dispose();
    feed.dispose();
    denied.dispose();
  });
});
