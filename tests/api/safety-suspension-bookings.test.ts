// A temporary ban takes effect on bookings (seeds 000, 003): an account suspension cancels the
// suspended user's bookings that start before it ends, refunds the mentee in full through the
// ledger and tells the other party why; later bookings stay. A booking feature strike does the
// same when the policy says so (default on). A suspension that lapses by itself sends its case
// back to the review queue with its history.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestUser } from "../helpers/app.js";
import { logger } from "../../api/src/lib/logger.js";
import { requeueLapsedSuspensionsJob } from "../../api/src/modules/safety/suspension-lapse.js";
import { ISSUE, REVIEW, DAY, menteesOf, report, users } from "../helpers/safety.js";
import { book, mentorWithHours } from "../helpers/sessions.js";

let t: TestApp;
let support: TestUser, admin: TestUser;
let base = Date.parse("2026-03-02T09:00:00Z");
beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T09:00:00Z" });
});
afterAll(() => t?.close());

/** A fresh stretch of time per test (bookings of different tests never meet), staff signed in. */
async function fresh() {
  base += 100 * DAY;
  t.clock.set(new Date(base));
  [support, admin] = [await t.user("SUPPORT"), await t.user("ADMIN")];
}
const day = (n: number, hour = 10) => new Date(base + n * DAY + (hour - 9) * 3_600_000);

async function bookingsOf(mentor: TestUser) {
  const [a, b] = await users(t, "MENTEE", 2);
  const inside = await book(t, a, mentor, day(3), 60);
  const after = await book(t, b, mentor, day(40), 60);
  return { a, b, inside, after };
}

async function expectCancelledAndRefunded(sessionId: string, notify: TestUser, label: RegExp) {
  const s = await t.db.session.findUniqueOrThrow({ where: { id: sessionId } });
  const charge = await t.db.charge.findUniqueOrThrow({ where: { sessionId } });
  expect(s).toMatchObject({ state: "CANCELLED", cancelledBy: "STAFF", refundPercent: 100, refundDueMinor: charge.amountMinor });
  const refunds = await t.db.refund.findMany({ where: { sessionId } });
  expect(refunds.map((r) => [r.amountMinor, r.kind])).toEqual([[charge.amountMinor, "ENFORCEMENT"]]);
  const n = await t.db.notification.findFirstOrThrow({ where: { userId: notify.id, kind: "session.cancelled", payload: { path: ["sessionId"], equals: sessionId } } });
  expect(n.body).toMatch(label);
  expect(n.body).toMatch(/suspended/);
}

describe("an account suspension takes effect on bookings", () => {
  it("threshold suspension: bookings inside it are cancelled and refunded in full; later ones stay", async () => {
    await fresh();
    const mentor = await mentorWithHours(t, { rate: 8000 });
    const { a, inside, after } = await bookingsOf(mentor);
    for (const m of await menteesOf(t, mentor.id, 5)) await report(t, m, mentor.id, "RUDENESS");
    const e = await t.db.enforcement.findFirstOrThrow({ where: { userId: mentor.id } });
    expect(e).toMatchObject({ kind: "SUSPENSION", origin: "THRESHOLD" });
    await expectCancelledAndRefunded(inside.id, a, /Your mentor is temporarily suspended/);
    expect((await t.db.session.findUniqueOrThrow({ where: { id: after.id } })).state).toBe("SCHEDULED");
    expect(await t.db.refund.count({ where: { sessionId: after.id } })).toBe(0);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "safety.enforce", subjectId: e.id } });
    expect(audit.after).toMatchObject({ effects: { bookings: { cancelled: 1, kept: 1 } } });
  });

  it("ladder strike on a mentee: the mentee is refunded, the mentor is told why in the platform's terms", async () => {
    await fresh();
    await t.ok(`mutation { updatePlatform(input: { mentorLabel: "coach", menteeLabel: "learner", reason: "terms" }) { mentorLabel } }`, {}, admin.token).catch(() => undefined);
    const terms = await t.db.platformConfig.findFirst();
    const menteeLabel = terms?.menteeLabel ?? "mentee";
    const mentor = await mentorWithHours(t);
    const mentee = await t.user("MENTEE");
    const inside = await book(t, mentee, mentor, day(5), 60);
    const after = await book(t, mentee, mentor, day(45), 60);
    await t.ok(ISSUE, { i: { userId: mentee.id, kind: "STRIKE", reason: "abusive messages to a mentor" } }, support.token);
    await expectCancelledAndRefunded(inside.id, mentor, new RegExp(`Your ${menteeLabel} is temporarily suspended`));
    expect((await t.db.session.findUniqueOrThrow({ where: { id: after.id } })).state).toBe("SCHEDULED");
  });

  it("a booking feature strike cancels the bookings inside it (policy, default on); off, they stay", async () => {
    await fresh();
    const mentor = await mentorWithHours(t);
    const [x, y] = await users(t, "MENTEE", 2);
    const xs = await book(t, x, mentor, day(4), 60);
    const xLater = await book(t, x, mentor, day(50), 60);
    const ys = await book(t, y, mentor, day(6), 60);
    await t.ok(ISSUE, { i: { userId: x.id, kind: "STRIKE", scope: "FEATURE", feature: "booking", reason: "repeated no-shows" } }, support.token);
    await expectCancelledAndRefunded(xs.id, mentor, /bookings|suspended/);
    expect((await t.db.session.findUniqueOrThrow({ where: { id: xLater.id } })).state).toBe("SCHEDULED");
    await t.ok(`mutation { updatePolicy(input: { changes: { safety: { bookingStrikeCancelsBookings: false } }, reason: "keep bookings" }) { version } }`, {}, admin.token);
    try {
      await t.ok(ISSUE, { i: { userId: y.id, kind: "STRIKE", scope: "FEATURE", feature: "booking", reason: "repeated no-shows" } }, support.token);
      expect((await t.db.session.findUniqueOrThrow({ where: { id: ys.id } })).state).toBe("SCHEDULED");
      expect(await t.db.refund.count({ where: { sessionId: ys.id } })).toBe(0);
    } finally {
      await t.ok(`mutation { updatePolicy(input: { changes: { safety: { bookingStrikeCancelsBookings: true } }, reason: "back" }) { version } }`, {}, admin.token);
    }
  });
});

describe("a suspension that lapses by itself", () => {
  it("sends its case back to the review queue with its history, once", async () => {
    await fresh();
    const jobDeps = { db: t.db, pubsub: t.app.pubsub, clock: t.clock, logger };
    await requeueLapsedSuspensionsJob.run(jobDeps); // the earlier tests' suspensions lapsed long ago
    const mentor = await t.user("MENTOR");
    const mentee = await t.user("MENTEE");
    const r = await report(t, mentee, mentor.id, "RUDENESS");
    const reviewed = (await t.ok(REVIEW, { i: { reportId: r.id, decision: "UPHOLD", action: "STRIKE", reason: "insulted the mentee in the call" } }, support.token)).reviewReport;
    const e = reviewed.enforcement;
    expect(e.kind).toBe("STRIKE");
    t.clock.set(new Date(Date.parse(e.endsAt) - 1000));
    expect(await requeueLapsedSuspensionsJob.run(jobDeps)).toBe(0);
    t.clock.set(new Date(e.endsAt));
    expect(await requeueLapsedSuspensionsJob.run(jobDeps)).toBe(1);
    expect(await requeueLapsedSuspensionsJob.run(jobDeps)).toBe(0);
    const again = await t.db.report.findUniqueOrThrow({ where: { id: r.id } });
    // back in the queue, its history kept: the decision, the reviewer and the enforcement
    expect(again).toMatchObject({ status: "OPEN", decisionReason: "insulted the mentee in the call", reviewerId: support.id, enforcementId: e.id });
    expect(await t.db.enforcement.findUniqueOrThrow({ where: { id: e.id } })).toMatchObject({ lapsedAt: new Date(e.endsAt) });
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "safety.caseRequeued", subjectId: e.id } });
    expect(audit).toMatchObject({ actorKind: "SYSTEM", before: { reports: [{ id: r.id, status: "UPHELD" }] } });
    const staff = await t.user("SUPPORT");
    const queue = await t.ok(`query($s: ID) { reports(filter: { status: OPEN, subjectId: $s }, first: 10) { edges { node { id } } } }`, { s: mentor.id }, staff.token);
    expect(queue.reports.edges.map((x: { node: { id: string } }) => x.node.id)).toEqual([r.id]);
  });
});
