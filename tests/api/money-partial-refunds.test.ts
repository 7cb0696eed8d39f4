// Seed 000: partial refund after a mentor hang-up: arithmetic and rounding (odd
// minutes), the request window, only the session's mentee and only after a MENTOR ended early,
// the mentor's contest -> dispute, and the uncontested payout exactly once across two processes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, type TestApp } from "../helpers/app.js";
import { at } from "../helpers/sessions.js";
import { CHARGE, CONTEST_PARTIAL, DISPUTE, HOUR, ISSUE_REFUND, QUOTE, REQUEST_PARTIAL, hungUpSession, menteeEndedSession, newKey, type HungUp } from "../helpers/money.js";
import { partialRefundAmount } from "../../api/src/modules/money/money.service.js";
import { payUncontestedPartialRefundsJob } from "../../api/src/modules/money/partial-refunds.jobs.js";
import { openDatabase } from "../../api/src/lib/db.js";
import { createAppPubSub } from "../../api/src/lib/pubsub.js";
import { FakeClock } from "../../api/src/lib/clock.js";
import { logger } from "../../api/src/lib/logger.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-05-01T06:00:00Z" });
});
afterAll(() => t?.close());

const request = (h: HungUp, key = newKey("prr"), token = h.mentee.token) => t.gql(REQUEST_PARTIAL, { i: { sessionId: h.s.id, reason: "the mentor left early", idempotencyKey: key } }, token);
const jobDeps = () => ({ db: t.db, pubsub: t.app.pubsub, clock: t.clock, logger });

describe("refund arithmetic (documented rule: floor(price x unlapsed / scheduled) in minor units)", () => {
  it("unit rule: rounding down, odd minutes, capped at the scheduled minutes", () => {
    expect(partialRefundAmount(6000, 60, 38)).toBe(3800);
    expect(partialRefundAmount(3749, 45, 18)).toBe(1499); // 1499.6 -> 1499
    expect(partialRefundAmount(6481, 50, 37)).toBe(4795); // 4795.94 -> 4795
    expect(partialRefundAmount(1, 60, 59)).toBe(0);
    expect(partialRefundAmount(6000, 60, 90)).toBe(6000);
    expect(partialRefundAmount(6000, 60, 0)).toBe(0);
  });

  it("a 45-minute session at 49.99/h, hung up 27.5 minutes in: 18 unlapsed minutes -> 14.99 (not 15.00)", async () => {
    const h = await hungUpSession(t, { minutes: 45, hangUpAfter: 27.5, rate: 4999 });
    expect(h.s.priceMinor).toBe(3749);
    const q = (await t.ok(QUOTE, { s: h.s.id }, h.mentee.token)).partialRefundQuote;
    expect(q).toMatchObject({ eligible: true, unlapsedMinutes: 18, scheduledMinutes: 45, amount: { amountMinor: 1499, currency: "USD" } });
    const r = (await t.ok(REQUEST_PARTIAL, { i: { sessionId: h.s.id, idempotencyKey: newKey() } }, h.mentee.token)).requestPartialRefund;
    expect(r).toMatchObject({ status: "PENDING", amount: { amountMinor: 1499, currency: "USD" }, price: { amountMinor: 3749, currency: "USD" }, unlapsedMinutes: 18, scheduledMinutes: 45 });
    expect(r.contestDeadline).toBe(new Date(t.clock.now().getTime() + 24 * HOUR).toISOString());
  });

  it("never above what is still refundable on the charge", async () => {
    const h = await hungUpSession(t, { minutes: 50, hangUpAfter: 13, rate: 7777 });
    expect(h.s.priceMinor).toBe(6481);
    const support = await t.user("SUPPORT");
    await t.ok(ISSUE_REFUND, { i: { sessionId: h.s.id, amount: { amountMinor: 5000, currency: "USD" }, reason: "earlier goodwill", idempotencyKey: newKey() } }, support.token);
    const r = (await request(h)).data.requestPartialRefund;
    // formula 4795, but only 1481 remains refundable
    expect(r.amount.amountMinor).toBe(1481);
  });
});

describe("who may request, and when", () => {
  it("only after a session the MENTOR ended early: a mentee-ended session is not eligible", async () => {
    const { mentee, s } = await menteeEndedSession(t);
    const r = await t.gql(REQUEST_PARTIAL, { i: { sessionId: s.id, idempotencyKey: newKey() } }, mentee.token);
    expect(codes(r)).toEqual(["PRECONDITION_FAILED"]);
    expect(r.errors![0].message).toMatch(/mentor ended early/);
  });

  it("a mentee cannot request a refund for someone else's session; a mentor cannot request at all", async () => {
    const h = await hungUpSession(t);
    const stranger = await t.user("MENTEE");
    expect(codes(await request(h, newKey(), stranger.token))).toEqual(["NOT_FOUND"]);
    expect(codes(await request(h, newKey(), h.m.token))).toEqual(["FORBIDDEN"]);
    expect(await t.db.partialRefundRequest.count({ where: { sessionId: h.s.id } })).toBe(0);
    // the session's own mentee can
    expect((await request(h)).data.requestPartialRefund.status).toBe("PENDING");
    // ... once per session
    expect(codes(await request(h))).toEqual(["CONFLICT"]);
  });

  it("the request window (policy, default 72 h after the end) expires", async () => {
    const h = await hungUpSession(t);
    t.clock.set(new Date(h.endedAt.getTime() + 72 * HOUR + 1000));
    const late = await request(h);
    expect(codes(late)).toEqual(["PRECONDITION_FAILED"]);
    expect(late.errors![0].extensions!.requestDeadline).toBe(new Date(h.endedAt.getTime() + 72 * HOUR).toISOString());
    expect((await t.ok(QUOTE, { s: h.s.id }, h.mentee.token)).partialRefundQuote.eligible).toBe(false);
    // just inside the window it works
    const h2 = await hungUpSession(t);
    t.clock.set(new Date(h2.endedAt.getTime() + 72 * HOUR));
    expect((await request(h2)).data.requestPartialRefund.status).toBe("PENDING");
  });

  it("the window comes from the policy in force at booking", async () => {
    const admin = await t.user("ADMIN");
    await t.ok(`mutation { updatePolicy(input: { changes: { refunds: { partialRefundRequestWindowHours: 1 } }, reason: "shorter claim window" }) { version } }`, {}, admin.token);
    try {
      const h = await hungUpSession(t);
      t.clock.set(new Date(h.endedAt.getTime() + 2 * HOUR));
      expect(codes(await request(h))).toEqual(["PRECONDITION_FAILED"]);
    } finally {
      const a2 = await t.user("ADMIN");
      await t.ok(`mutation { updatePolicy(input: { changes: { refunds: { partialRefundRequestWindowHours: 72 } }, reason: "back to default" }) { version } }`, {}, a2.token);
    }
  });

  it("requests are idempotent: replay with the same key, CONFLICT with different parameters", async () => {
    const h = await hungUpSession(t);
    const key = newKey("prr-replay");
    const a = (await t.ok(REQUEST_PARTIAL, { i: { sessionId: h.s.id, reason: "r", idempotencyKey: key } }, h.mentee.token)).requestPartialRefund;
    const b = (await t.ok(REQUEST_PARTIAL, { i: { sessionId: h.s.id, reason: "r", idempotencyKey: key } }, h.mentee.token)).requestPartialRefund;
    expect(b.id).toBe(a.id);
    expect(codes(await t.gql(REQUEST_PARTIAL, { i: { sessionId: h.s.id, reason: "other", idempotencyKey: key } }, h.mentee.token))).toEqual(["CONFLICT"]);
  });

  it("the mentor is notified with the amount and the contest deadline", async () => {
    const h = await hungUpSession(t);
    const r = (await request(h)).data.requestPartialRefund;
    const n = await t.db.notification.findFirstOrThrow({ where: { userId: h.m.id, kind: "refund.partial.requested", channel: "IN_APP" } });
    expect(n.body).toMatch(/20\.00 USD|40\.00 USD/);
    expect(n.payload).toMatchObject({ partialRefundRequestId: r.id, contestDeadline: r.contestDeadline });
  });
});

describe("contest and payout", () => {
  it("the mentor contests within the window: a dispute opens, and the payout job leaves it alone", async () => {
    const h = await hungUpSession(t);
    const r = (await request(h)).data.requestPartialRefund;
    // the mentee cannot contest; another mentor cannot see it
    const otherMentor = await t.user("MENTOR");
    expect(codes(await t.gql(CONTEST_PARTIAL, { i: { requestId: r.id, reason: "not fair" } }, h.mentee.token))).toEqual(["FORBIDDEN"]);
    expect(codes(await t.gql(CONTEST_PARTIAL, { i: { requestId: r.id, reason: "not fair" } }, otherMentor.token))).toEqual(["NOT_FOUND"]);
    t.clock.set(at(h.endedAt, 60 * 23));
    const c = (await t.ok(CONTEST_PARTIAL, { i: { requestId: r.id, reason: "the mentee's connection dropped, not mine", evidence: "call log" } }, h.m.token)).contestPartialRefund;
    expect(c.status).toBe("CONTESTED");
    expect(c.disputeId).toBeTruthy();
    const d = (await t.ok(DISPUTE, { id: c.disputeId }, h.mentee.token)).dispute;
    expect(d).toMatchObject({ scope: "SESSION", sessionId: h.s.id, status: "OPEN", openedBy: "MENTOR", partialRefundRequestId: r.id, evidence: "call log" });
    expect(codes(await t.gql(CONTEST_PARTIAL, { i: { requestId: r.id, reason: "again" } }, h.m.token))).toEqual(["CONFLICT"]);
    t.clock.set(at(h.endedAt, 60 * 48));
    await payUncontestedPartialRefundsJob.run(jobDeps());
    expect(await t.db.refund.count({ where: { sessionId: h.s.id } })).toBe(0);
  });

  it("the contest window (policy, default 24 h) closes", async () => {
    const h = await hungUpSession(t);
    const r = (await request(h)).data.requestPartialRefund;
    t.clock.set(new Date(new Date(r.contestDeadline).getTime() + 1000));
    const late = await t.gql(CONTEST_PARTIAL, { i: { requestId: r.id, reason: "too late" } }, h.m.token);
    expect(codes(late)).toEqual(["PRECONDITION_FAILED"]);
    expect(late.errors![0].extensions!.contestDeadline).toBe(r.contestDeadline);
  });

  it("uncontested requests are paid when the window closes, not before, exactly once (job run twice)", async () => {
    const h = await hungUpSession(t, { hangUpAfter: 22.5 });
    const r = (await request(h)).data.requestPartialRefund;
    expect(r.amount.amountMinor).toBe(3800); // 38 unlapsed minutes of 60 at 60.00
    t.clock.set(new Date(new Date(r.contestDeadline).getTime() - 1000));
    await payUncontestedPartialRefundsJob.run(jobDeps());
    expect(await t.db.refund.count({ where: { sessionId: h.s.id } })).toBe(0);
    t.clock.set(r.contestDeadline);
    await payUncontestedPartialRefundsJob.run(jobDeps());
    await payUncontestedPartialRefundsJob.run(jobDeps());
    const charge = (await t.ok(CHARGE, { s: h.s.id }, h.mentee.token)).charge;
    expect(charge.refunds).toEqual([expect.objectContaining({ kind: "HANG_UP", amount: { amountMinor: 3800, currency: "USD" }, actorKind: "SYSTEM", partialRefundRequestId: r.id })]);
    expect(charge.refundable.amountMinor).toBe(2200);
    const after = (await t.ok(`query($id: ID!) { partialRefundRequest(id: $id) { status paidAt refund { id } } }`, { id: r.id }, h.m.token)).partialRefundRequest;
    expect(after).toMatchObject({ status: "PAID", paidAt: r.contestDeadline });
    expect(after.refund.id).toBe(charge.refunds[0].id);
    // audited as the system job, both parties notified, contest now refused
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { subjectId: charge.refunds[0].id } });
    expect(audit).toMatchObject({ action: "refund.hang_up", actorKind: "SYSTEM", actorId: null, createdAt: new Date(r.contestDeadline) });
    expect(await t.db.notification.count({ where: { kind: "refund.partial.paid", channel: "IN_APP", userId: { in: [h.m.id, h.mentee.id] } } })).toBe(2);
    expect(codes(await t.gql(CONTEST_PARTIAL, { i: { requestId: r.id, reason: "late" } }, h.m.token))).toEqual(["CONFLICT"]);
  });

  it("two API processes running the payout job at once pay each request exactly once", async () => {
    const hs: HungUp[] = [];
    const reqs = [];
    for (let i = 0; i < 4; i++) {
      const h = await hungUpSession(t, { hangUpAfter: 10 + i });
      hs.push(h);
      reqs.push((await t.ok(REQUEST_PARTIAL, { i: { sessionId: h.s.id, idempotencyKey: newKey() } }, h.mentee.token)).requestPartialRefund);
    }
    const due = new Date(Math.max(...reqs.map((r) => new Date(r.contestDeadline).getTime())));
    t.clock.set(due);
    // the second process: its own database client (PostgreSQL) and pubsub, same clock time
    const url = (t.app.database as { url?: string }).url;
    const other = url ? await openDatabase({ databaseUrl: url, poolMax: 4 }) : undefined;
    const ps = createAppPubSub();
    try {
      const a = { db: t.db, pubsub: t.app.pubsub, clock: t.clock, logger };
      const b = { db: other?.db ?? t.db, pubsub: ps.pubsub, clock: new FakeClock(due), logger };
      const [n1, n2] = await Promise.all([payUncontestedPartialRefundsJob.run(a), payUncontestedPartialRefundsJob.run(b)]);
      expect(n1 + n2).toBe(4);
    } finally {
      await other?.close();
      await ps.close();
    }
    for (const [i, h] of hs.entries()) {
      const refunds = await t.db.refund.findMany({ where: { sessionId: h.s.id } });
      expect(refunds.map((x) => x.amountMinor)).toEqual([reqs[i].amount.amountMinor]);
    }
  });
});
