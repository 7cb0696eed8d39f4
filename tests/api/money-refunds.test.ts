// the ledger and staff refunds: who may refund, idempotency (replay, conflict, 20
// concurrent calls with one key), never refunding more than the charge (20 concurrent partial
// refunds with different keys; the database CHECK), cancellation refunds, audit entries.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, type TestApp, type TestUser } from "../helpers/app.js";
import { CANCEL, at, book, mentorWithHours } from "../helpers/sessions.js";
import { AUDIT, CHARGE, ISSUE_REFUND, newKey } from "../helpers/money.js";
import { refundInFull } from "../../api/src/modules/money/money.service.js";
import { systemActor } from "../../api/src/authz/viewer.js";

let t: TestApp;
let support: TestUser;
let admin: TestUser;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T06:00:00Z" });
});
afterAll(() => t?.close());

let day = 0;
/** A booked (scheduled) session with a captured charge of `rate` per hour x 60 min. */
async function booked(rate = 6000) {
  day++;
  const base = new Date(Date.UTC(2026, 2, 2 + day * 2, 6));
  t.clock.set(base);
  const m = await mentorWithHours(t, { rate });
  const mentee = await t.user("MENTEE");
  const s = await book(t, mentee, m, at(base, 24 * 60 + 180), 60);
  // fresh staff sign-ins at the test's time (tokens expire as the clock moves on)
  support = await t.user("SUPPORT");
  admin = await t.user("ADMIN");
  return { m, mentee, s };
}
const refund = (input: Record<string, unknown>, token: string) => t.gql(ISSUE_REFUND, { i: input }, token);

describe("ledger", () => {
  it("a booking captures a charge in integer minor units with currency; refundable = charge - refunds", async () => {
    const { mentee, m, s } = await booked(6000);
    const c = (await t.ok(CHARGE, { s: s.id }, mentee.token)).charge;
    expect(c).toMatchObject({ status: "CAPTURED", amount: { amountMinor: 6000, currency: "USD" }, refunded: { amountMinor: 0, currency: "USD" }, refundable: { amountMinor: 6000, currency: "USD" }, refunds: [] });
    // the mentor (payee) sees it too; another mentee does not
    expect((await t.ok(CHARGE, { s: s.id }, m.token)).charge.id).toBe(c.id);
    const other = await t.user("MENTEE");
    expect(codes(await t.gql(CHARGE, { s: s.id }, other.token))).toEqual(["NOT_FOUND"]);
    const row = await t.db.charge.findUniqueOrThrow({ where: { sessionId: s.id } });
    expect(row).toMatchObject({ provider: "internal", providerRef: `ledger:charge:${row.id}` });
  });

  it("the database refuses refunded totals above the charge (CHECK constraint), whatever the code does", async () => {
    const { s } = await booked(6000);
    await expect(t.db.charge.update({ where: { sessionId: s.id }, data: { refundedMinor: 6001 } })).rejects.toThrow(/check|constraint|23514/i);
    await expect(t.db.charge.update({ where: { sessionId: s.id }, data: { refundedMinor: -1 } })).rejects.toThrow(/check|constraint|23514/i);
  });
});

describe("issueRefund: who may refund", () => {
  it("a mentor cannot issue refunds, nor can a mentee; support can, with a reason and an audit entry", async () => {
    const { m, mentee, s } = await booked(6000);
    const input = { sessionId: s.id, amount: { amountMinor: 1000, currency: "USD" }, reason: "goodwill after a bad connection", idempotencyKey: newKey() };
    expect(codes(await refund(input, m.token))).toEqual(["FORBIDDEN"]);
    expect(codes(await refund(input, mentee.token))).toEqual(["FORBIDDEN"]);
    expect(await t.db.refund.count({ where: { sessionId: s.id } })).toBe(0);

    const r = (await t.ok(ISSUE_REFUND, { i: input }, support.token)).issueRefund;
    expect(r).toMatchObject({ kind: "STAFF", amount: { amountMinor: 1000, currency: "USD" }, reason: "goodwill after a bad connection", actorKind: "USER", actorId: support.id });
    const c = (await t.ok(CHARGE, { s: s.id }, mentee.token)).charge;
    expect(c).toMatchObject({ status: "PARTIALLY_REFUNDED", refunded: { amountMinor: 1000 }, refundable: { amountMinor: 5000 } });
    expect(c.refunds.map((x: any) => x.id)).toEqual([r.id]);

    const audit = (await t.ok(AUDIT, { f: { subjectType: "Refund", subjectId: r.id } }, admin.token)).auditLog.edges.map((e: any) => e.node);
    expect(audit).toEqual([
      expect.objectContaining({ action: "refund.staff", actorKind: "USER", actor: { id: support.id }, reason: "goodwill after a bad connection", after: expect.objectContaining({ amountMinor: 1000, currency: "USD", refundedMinor: 1000 }) }),
    ]);
    // stamped with the injected clock, not the database's time
    expect((await t.db.auditLog.findFirstOrThrow({ where: { subjectId: r.id } })).createdAt).toEqual(t.clock.now());
    // the mentee is told
    expect(await t.db.notification.count({ where: { userId: mentee.id, kind: "money.refunded" } })).toBeGreaterThan(0);
  });

  it("an admin can refund everything still refundable (no amount); then nothing is left", async () => {
    const { s } = await booked(6000);
    await t.ok(ISSUE_REFUND, { i: { sessionId: s.id, amount: { amountMinor: 2500, currency: "USD" }, reason: "first part", idempotencyKey: newKey() } }, support.token);
    const rest = (await t.ok(ISSUE_REFUND, { i: { sessionId: s.id, reason: "the rest", idempotencyKey: newKey() } }, admin.token)).issueRefund;
    expect(rest.amount).toEqual({ amountMinor: 3500, currency: "USD" });
    const c = (await t.ok(CHARGE, { s: s.id }, admin.token)).charge;
    expect(c).toMatchObject({ status: "REFUNDED", refunded: { amountMinor: 6000 }, refundable: { amountMinor: 0 } });
    expect(codes(await refund({ sessionId: s.id, reason: "again", idempotencyKey: newKey() }, admin.token))).toEqual(["PRECONDITION_FAILED"]);
  });

  it("bad input is a coded error, never a 500", async () => {
    const { s } = await booked(6000);
    const base = { sessionId: s.id, reason: "test", idempotencyKey: newKey() };
    expect(codes(await refund({ ...base, amount: { amountMinor: 0, currency: "USD" } }, support.token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await refund({ ...base, amount: { amountMinor: -5, currency: "USD" } }, support.token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await refund({ ...base, amount: { amountMinor: 100, currency: "usd" } }, support.token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await refund({ ...base, amount: { amountMinor: 100, currency: "EUR" } }, support.token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await refund({ ...base, amount: { amountMinor: 1.5, currency: "USD" } }, support.token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await refund({ ...base, reason: "" }, support.token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await refund({ ...base, idempotencyKey: "x" }, support.token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await refund({ ...base, amount: { amountMinor: 6001, currency: "USD" } }, support.token))).toEqual(["PRECONDITION_FAILED"]);
    expect(codes(await refund({ ...base, sessionId: "00000000-0000-7000-8000-000000000000" }, support.token))).toEqual(["NOT_FOUND"]);
    expect(await t.db.refund.count({ where: { sessionId: s.id } })).toBe(0);
  });
});

describe("idempotency", () => {
  it("the same key with the same parameters replays the first refund; different parameters are a CONFLICT", async () => {
    const { s } = await booked(6000);
    const key = newKey("replay");
    const input = { sessionId: s.id, amount: { amountMinor: 700, currency: "USD" }, reason: "replay test", idempotencyKey: key };
    const first = (await t.ok(ISSUE_REFUND, { i: input }, support.token)).issueRefund;
    const again = (await t.ok(ISSUE_REFUND, { i: input }, support.token)).issueRefund;
    expect(again.id).toBe(first.id);
    expect(await t.db.refund.count({ where: { sessionId: s.id } })).toBe(1);
    const changed = await refund({ ...input, amount: { amountMinor: 800, currency: "USD" } }, support.token);
    expect(codes(changed)).toEqual(["CONFLICT"]);
    expect(changed.errors![0].extensions).toMatchObject({ idempotencyKey: key });
    expect(codes(await refund({ ...input, reason: "another reason" }, support.token))).toEqual(["CONFLICT"]);
    // keys are scoped per actor: another agent's identical key is a new refund
    const other = await t.user("SUPPORT");
    const theirs = (await t.ok(ISSUE_REFUND, { i: input }, other.token)).issueRefund;
    expect(theirs.id).not.toBe(first.id);
    expect((await t.db.charge.findUniqueOrThrow({ where: { sessionId: s.id } })).refundedMinor).toBe(1400);
  });

  it("a failed attempt stores no key: the same key can be retried once the input is valid", async () => {
    const { s } = await booked(6000);
    const key = newKey("retry");
    expect(codes(await refund({ sessionId: s.id, amount: { amountMinor: 9999, currency: "USD" }, reason: "too much", idempotencyKey: key }, support.token))).toEqual(["PRECONDITION_FAILED"]);
    expect(await t.db.idempotencyKey.count({ where: { key } })).toBe(0);
  });

  it("20 concurrent calls with one key make exactly one refund, and all 20 get it back", async () => {
    const { s } = await booked(6000);
    const input = { sessionId: s.id, amount: { amountMinor: 1000, currency: "USD" }, reason: "double-click storm", idempotencyKey: newKey("storm") };
    const results = await Promise.all(Array.from({ length: 20 }, () => refund(input, support.token)));
    for (const r of results) expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    expect(new Set(results.map((r) => r.data.issueRefund.id)).size).toBe(1);
    expect(await t.db.refund.count({ where: { sessionId: s.id } })).toBe(1);
    expect((await t.db.charge.findUniqueOrThrow({ where: { sessionId: s.id } })).refundedMinor).toBe(1000);
  });

  it("20 concurrent partial refunds with different keys never exceed the charge", async () => {
    const { s } = await booked(6000);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, n) => refund({ sessionId: s.id, amount: { amountMinor: 700, currency: "USD" }, reason: `part ${n}`, idempotencyKey: newKey(`part${n}`) }, n % 2 ? support.token : admin.token)),
    );
    const ok = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors);
    // 6000 / 700: eight fit (5600), the rest are refused with a coded error
    expect(ok.length).toBe(8);
    for (const r of refused) expect(codes(r)).toEqual(["PRECONDITION_FAILED"]);
    const charge = await t.db.charge.findUniqueOrThrow({ where: { sessionId: s.id } });
    const sum = (await t.db.refund.aggregate({ where: { sessionId: s.id }, _sum: { amountMinor: true } }))._sum.amountMinor;
    expect(sum).toBe(5600);
    expect(charge.refundedMinor).toBe(5600);
    expect(charge.refundedMinor).toBeLessThanOrEqual(charge.amountMinor);
  });
});

describe("refunds written for other modules", () => {
  it("a mentee cancelling early gets the cancellation refund as a ledger row (sessions -> money)", async () => {
    const { mentee, s } = await booked(6000);
    const c = (await t.ok(CANCEL, { id: s.id, reason: "plans changed" }, mentee.token)).cancelSession;
    expect(c).toMatchObject({ state: "CANCELLED", refundPercent: 100, refundDueMinor: 6000 });
    const charge = (await t.ok(CHARGE, { s: s.id }, mentee.token)).charge;
    expect(charge).toMatchObject({ status: "REFUNDED", refundable: { amountMinor: 0 } });
    expect(charge.refunds).toEqual([expect.objectContaining({ kind: "CANCELLATION", amount: { amountMinor: 6000, currency: "USD" }, actorId: mentee.id })]);
  });

  it("a late mentee cancellation refunds only the policy percentage", async () => {
    day++;
    const base = new Date(Date.UTC(2026, 2, 2 + day * 2, 6));
    t.clock.set(base);
    const m = await mentorWithHours(t, { rate: 6000 });
    const mentee = await t.user("MENTEE");
    const s = await book(t, mentee, m, at(base, 180), 60);
    await t.ok(CANCEL, { id: s.id }, mentee.token);
    const charge = (await t.ok(CHARGE, { s: s.id }, mentee.token)).charge;
    expect(charge.refunds.map((r: any) => r.amount.amountMinor)).toEqual([3000]);
    expect(charge.refundable.amountMinor).toBe(3000);
  });

  it("refundInFull (trust & safety) refunds what remains, once, audited as the given actor", async () => {
    const { s } = await booked(6000);
    await t.ok(ISSUE_REFUND, { i: { sessionId: s.id, amount: { amountMinor: 1000, currency: "USD" }, reason: "earlier", idempotencyKey: newKey() } }, support.token);
    const now = t.clock.now();
    const first = await t.db.$transaction((tx) => refundInFull(tx, s.id, "mentor banned", systemActor("safety.ban"), now));
    expect(first?.refund).toMatchObject({ kind: "ENFORCEMENT", amountMinor: 5000, actorKind: "SYSTEM" });
    expect(await t.db.$transaction((tx) => refundInFull(tx, s.id, "mentor banned", systemActor("safety.ban"), now))).toBeNull();
    expect((await t.db.charge.findUniqueOrThrow({ where: { sessionId: s.id } })).refundedMinor).toBe(6000);
    const a = await t.db.auditLog.findFirstOrThrow({ where: { subjectId: first!.refund.id } });
    expect(a).toMatchObject({ action: "refund.enforcement", actorKind: "SYSTEM", reason: "mentor banned" });
  });
});
