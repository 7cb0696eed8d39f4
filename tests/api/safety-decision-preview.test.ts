// Consequences before acting: reportDecisionPreview tells staff what reviewReport would do with
// the same input (the enforcement, the bookings cancelled, the refunds) and writes nothing; the
// decision then does exactly that.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestUser } from "../helpers/app.js";
import { ISSUE, REVIEW, DAY, menteesOf, report, users } from "../helpers/safety.js";
import { book, mentorWithHours } from "../helpers/sessions.js";

const PREVIEW = `query($i: ReviewReportInput!) { reportDecisionPreview(input: $i) {
  reportId decision
  enforcements { kind scope origin reason endsAt appealDeadline category }
  sessionsToCancel { id startsAt mentor { id } mentee { id displayName } refund { amountMinor currency } }
  refundTotals { amountMinor currency } } }`;

interface Preview {
  enforcements: { kind: string; scope: string; origin: string; reason: string; endsAt: string | null; appealDeadline: string; category: string | null }[];
  sessionsToCancel: { id: string; startsAt: string; mentor: { id: string }; mentee: { id: string; displayName: string }; refund: { amountMinor: number; currency: string } }[];
  refundTotals: { amountMinor: number; currency: string }[];
}

let t: TestApp;
let support: TestUser;
let tables: string[] = [];
let base = Date.parse("2026-05-04T09:00:00Z");
beforeAll(async () => {
  t = await startTestApp({ now: "2026-05-04T09:00:00Z" });
  tables = (await t.db.$queryRawUnsafe<{ name: string }[]>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY 1`)).map((r) => r.name);
});
afterAll(() => t?.close());

/** A fresh stretch of time per test (bookings of different tests never meet), staff signed in. */
async function fresh() {
  base += 200 * DAY;
  t.clock.set(new Date(base));
  support = await t.user("SUPPORT");
}
const day = (n: number) => new Date(base + n * DAY + 3_600_000);

/** Row counts of every table: the preview must leave all of them as they were. */
async function rowCounts(): Promise<Record<string, number>> {
  const sql = tables.map((n) => `SELECT '${n}' AS name, count(*)::int AS n FROM "${n}"`).join(" UNION ALL ");
  const rows = await t.db.$queryRawUnsafe<{ name: string; n: number }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
}

async function preview(input: Record<string, unknown>): Promise<Preview> {
  return (await t.ok(PREVIEW, { i: input }, support.token)).reportDecisionPreview as Preview;
}

/** What the decision did: its enforcements (oldest first), the sessions it cancelled and their refunds. */
async function consequences(subjectId: string, since: Date) {
  // Issued at one clock instant: the review's own first, then the threshold's (as the preview lists them).
  const enforcements = await t.db.enforcement.findMany({ where: { userId: subjectId, createdAt: { gte: since }, origin: { in: ["REVIEW", "THRESHOLD"] } }, orderBy: { origin: "desc" } }); // enum order: THRESHOLD, REVIEW
  const cancelled = await t.db.session.findMany({ where: { state: "CANCELLED", cancelledAt: { gte: since }, OR: [{ mentorId: subjectId }, { menteeId: subjectId }] }, orderBy: { startsAt: "asc" } });
  const refunds = await t.db.refund.findMany({ where: { sessionId: { in: cancelled.map((s) => s.id) } } });
  return { enforcements, cancelled, refunds };
}

describe("reportDecisionPreview", () => {
  it("a ladder strike: previews the suspension, the booking inside it and its refund, writes nothing, and the decision does the same", async () => {
    await fresh();
    const mentor = await mentorWithHours(t, { rate: 9000 });
    const [a, b, reporter] = await users(t, "MENTEE", 3);
    const inside = await book(t, a, mentor, day(3), 60);
    const later = await book(t, b, mentor, day(60), 60);
    // A warning already: the next step on the ladder is a strike (a 30-day suspension).
    await t.ok(ISSUE, { i: { userId: mentor.id, kind: "WARNING", reason: "first warning for rudeness" } }, support.token);
    const r = await report(t, reporter, mentor.id, "HARASSMENT");
    const input = { reportId: r.id, decision: "UPHOLD", action: "LADDER", reason: "insulted the mentee" };

    const before = await rowCounts();
    const p = await preview(input);
    expect(await rowCounts()).toEqual(before);
    expect((await t.db.report.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("OPEN");
    expect((await t.db.session.findUniqueOrThrow({ where: { id: inside.id } })).state).toBe("SCHEDULED");

    const now = t.clock.now();
    expect(p.enforcements).toEqual([
      {
        kind: "STRIKE",
        scope: "ACCOUNT",
        origin: "REVIEW",
        category: "HARASSMENT",
        reason: "Harassment: insulted the mentee",
        endsAt: new Date(now.getTime() + 30 * DAY).toISOString(),
        appealDeadline: expect.any(String),
      },
    ]);
    expect(p.sessionsToCancel).toEqual([
      { id: inside.id, startsAt: inside.startsAt, mentor: { id: mentor.id }, mentee: { id: a.id, displayName: expect.any(String) }, refund: { amountMinor: inside.priceMinor, currency: expect.any(String) } },
    ]);
    expect(p.refundTotals).toEqual([{ amountMinor: inside.priceMinor, currency: p.sessionsToCancel[0]!.refund.currency }]);

    // The decision does what the preview said.
    await t.ok(REVIEW, { i: input }, support.token);
    const done = await consequences(mentor.id, now);
    expect(done.enforcements.map((e) => ({ kind: e.kind, scope: e.scope, origin: e.origin, reason: e.reason, endsAt: e.endsAt?.toISOString() ?? null, appealDeadline: e.appealDeadline.toISOString() }))).toEqual(
      p.enforcements.map(({ category: _c, ...e }) => e),
    );
    expect(done.cancelled.map((s) => s.id)).toEqual(p.sessionsToCancel.map((s) => s.id));
    expect(done.refunds.reduce((n, x) => n + x.amountMinor, 0)).toBe(p.refundTotals[0]!.amountMinor);
    expect((await t.db.session.findUniqueOrThrow({ where: { id: later.id } })).state).toBe("SCHEDULED");
  });

  it("an upheld complaint that completes a threshold: previews both enforcements and the union of the bookings they cancel", async () => {
    await fresh();
    const mentor = await mentorWithHours(t, { rate: 6000 });
    const [a, b] = await users(t, "MENTEE", 2);
    const s1 = await book(t, a, mentor, day(2), 60);
    const s2 = await book(t, b, mentor, day(10), 90);
    // Four verified rudeness complaints (threshold 5) and one without a verified interaction:
    // it counts once upheld, so upholding it completes the threshold (a temporary ban).
    for (const m of await menteesOf(t, mentor.id, 4)) await report(t, m, mentor.id, "RUDENESS");
    const [stranger] = await users(t, "MENTEE", 1);
    const r = await report(t, stranger!, mentor.id, "RUDENESS");
    expect(await t.db.enforcement.count({ where: { userId: mentor.id } })).toBe(0);
    const input = { reportId: r.id, decision: "UPHOLD", action: "LADDER", reason: "rude in the group chat" };

    const before = await rowCounts();
    const p = await preview(input);
    expect(await rowCounts()).toEqual(before);
    expect(p.enforcements.map((e) => [e.kind, e.origin])).toEqual([
      ["WARNING", "REVIEW"],
      ["SUSPENSION", "THRESHOLD"],
    ]);
    expect(p.sessionsToCancel.map((s) => s.id)).toEqual([s1.id, s2.id]);
    expect(p.refundTotals.map((m) => m.amountMinor)).toEqual([s1.priceMinor + s2.priceMinor]);

    const now = t.clock.now();
    await t.ok(REVIEW, { i: input }, support.token);
    const done = await consequences(mentor.id, now);
    expect(done.enforcements.map((e) => [e.kind, e.origin, e.reason, e.endsAt?.toISOString() ?? null])).toEqual(p.enforcements.map((e) => [e.kind, e.origin, e.reason, e.endsAt]));
    expect(done.cancelled.map((s) => s.id)).toEqual([s1.id, s2.id]);
    expect(done.refunds.reduce((n, x) => n + x.amountMinor, 0)).toBe(p.refundTotals[0]!.amountMinor);
  });

  it("a ban of a mentor cancels every future booking; dismissing previews nothing", async () => {
    await fresh();
    const mentor = await mentorWithHours(t);
    const [a, reporter] = await users(t, "MENTEE", 2);
    const near = await book(t, a, mentor, day(1), 60);
    const far = await book(t, a, mentor, day(80), 60);
    const r = await report(t, reporter, mentor.id, "DECEPTION");
    const dismiss = await preview({ reportId: r.id, decision: "DISMISS", reason: "no evidence" });
    expect(dismiss).toMatchObject({ enforcements: [], sessionsToCancel: [], refundTotals: [] });
    const p = await preview({ reportId: r.id, decision: "UPHOLD", action: "BAN", reason: "sold fake certificates" });
    expect(p.enforcements.map((e) => [e.kind, e.endsAt])).toEqual([["BAN", null]]);
    expect(p.sessionsToCancel.map((s) => s.id)).toEqual([near.id, far.id]);
    expect(p.refundTotals[0]!.amountMinor).toBe(near.priceMinor + far.priceMinor);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: mentor.id } })).status).toBe("ACTIVE");
  });

  it("only those who may review reports may preview; a decided report cannot be previewed again", async () => {
    await fresh();
    const mentor = await t.user("MENTOR");
    const [mentee] = await users(t, "MENTEE", 1);
    const r = await report(t, mentee!, mentor.id, "SPAM");
    const input = { reportId: r.id, decision: "UPHOLD", reason: "sent links" };
    for (const who of [mentee!, mentor]) {
      const res = await t.gql(PREVIEW, { i: input }, who.token);
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
    }
    const anon = await t.gql(PREVIEW, { i: input });
    expect(anon.errors?.map((e) => e.extensions?.code)).toEqual(["UNAUTHENTICATED"]);
    // the same input rules as the decision
    const short = await t.gql(PREVIEW, { i: { ...input, reason: "x" } }, support.token);
    expect(short.errors?.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    await t.ok(REVIEW, { i: input }, support.token);
    const again = await t.gql(PREVIEW, { i: input }, support.token);
    expect(again.errors?.map((e) => e.extensions?.code)).toEqual(["CONFLICT"]);
  });
});
