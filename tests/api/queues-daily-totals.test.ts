// The overview's per-day totals: sessions held, mentor on-time joins (grace from the policy in
// force) and refunds, bucketed by UTC day, every day of the window present, staff only.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, type TestApp } from "../helpers/app.js";

const MIN = 60_000;
const DAY = 86_400_000;
const TOTALS = `query($days: Int!) { dailyTotals(days: $days) { day sessionsHeld mentorJoins onTimeJoins onTimeRate refunds refunded { currency amountMinor } } }`;
const NOW = "2026-03-10T12:00:00Z";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: NOW });
});
afterAll(() => t.close());

const at = (iso: string) => new Date(iso);
const utcDay = (d: Date) => d.toISOString().slice(0, 10);

interface Seeded {
  startsAt: Date;
  state: "LIVE" | "ENDED" | "NO_SHOW";
  liveAt: Date | null;
  mentorJoinedAt: Date | null;
  currency: string;
  refunds: { amountMinor: number; createdAt: Date }[];
}

async function seed(rows: Seeded[]) {
  const mentor = await t.user("MENTOR");
  const mentee = await t.user("MENTEE");
  for (const r of rows) {
    const id = randomUUID();
    await t.db.session.create({
      data: {
        id, mentorId: mentor.id, menteeId: mentee.id, startsAt: r.startsAt, endsAt: new Date(r.startsAt.getTime() + 60 * MIN), durationMinutes: 60,
        hourlyRateMinor: 6000, feeMultiplierBps: 10000, priceMinor: 6000, currency: r.currency, policyVersion: 1, channelName: `totals-${id}`,
        state: r.state, liveAt: r.liveAt, mentorJoinedAt: r.mentorJoinedAt, createdAt: new Date(r.startsAt.getTime() - DAY),
      },
    });
    if (!r.refunds.length) continue;
    const chargeId = randomUUID();
    await t.db.charge.create({ data: { id: chargeId, sessionId: id, payerId: mentee.id, payeeId: mentor.id, amountMinor: 6000, currency: r.currency, createdAt: new Date(r.startsAt.getTime() - DAY) } });
    for (const f of r.refunds) {
      await t.db.refund.create({ data: { chargeId, sessionId: id, kind: "STAFF", amountMinor: f.amountMinor, currency: r.currency, reason: "test", actorKind: "SYSTEM", provider: "internal", createdAt: f.createdAt } });
    }
  }
}

/** What the API must answer, worked out from the seeded rows alone. */
function expected(rows: Seeded[], grace: number, days: number) {
  const today = Math.floor(at(NOW).getTime() / DAY);
  return Array.from({ length: days }, (_, i) => {
    const day = utcDay(new Date((today - days + 1 + i) * DAY));
    const held = rows.filter((r) => (r.state === "LIVE" || r.state === "ENDED") && r.liveAt && utcDay(r.liveAt) === day).length;
    const joins = rows.filter((r) => r.mentorJoinedAt && utcDay(r.mentorJoinedAt) === day);
    const onTime = joins.filter((r) => Math.max(0, Math.floor((r.mentorJoinedAt!.getTime() - r.startsAt.getTime()) / MIN)) <= grace).length;
    const refunds = rows.flatMap((r) => r.refunds.filter((f) => utcDay(f.createdAt) === day).map((f) => ({ ...f, currency: r.currency })));
    const sums = new Map<string, number>();
    for (const f of refunds) sums.set(f.currency, (sums.get(f.currency) ?? 0) + f.amountMinor);
    return {
      day,
      sessionsHeld: held,
      mentorJoins: joins.length,
      onTimeJoins: onTime,
      onTimeRate: joins.length ? onTime / joins.length : null,
      refunds: refunds.length,
      refunded: [...sums].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amountMinor]) => ({ currency, amountMinor })),
    };
  });
}

describe("daily totals", () => {
  let grace: number;
  let rows: Seeded[];

  beforeAll(async () => {
    const admin = await t.user("ADMIN");
    grace = (await t.ok(`{ policy { values } }`, {}, admin.token)).policy.values.tardiness.graceMinutes;
    const plus = (iso: string, minutes: number) => new Date(at(iso).getTime() + minutes * MIN);
    rows = [
      // 5 March: one mentor exactly at the end of the grace (on time), one a minute past it (late).
      { startsAt: at("2026-03-05T10:00:00Z"), state: "ENDED", liveAt: at("2026-03-05T10:00:00Z"), mentorJoinedAt: plus("2026-03-05T10:00:00Z", grace), currency: "USD", refunds: [{ amountMinor: 1000, createdAt: at("2026-03-05T15:00:00Z") }, { amountMinor: 500, createdAt: at("2026-03-05T23:59:00Z") }] },
      { startsAt: at("2026-03-05T14:00:00Z"), state: "ENDED", liveAt: at("2026-03-05T14:00:00Z"), mentorJoinedAt: plus("2026-03-05T14:00:00Z", grace + 1), currency: "EUR", refunds: [{ amountMinor: 700, createdAt: at("2026-03-05T18:00:00Z") }] },
      // Across midnight: held on the 7th (the mentee opened the call), the mentor joined on the 8th.
      { startsAt: at("2026-03-07T23:50:00Z"), state: "ENDED", liveAt: at("2026-03-07T23:55:00Z"), mentorJoinedAt: plus("2026-03-07T23:50:00Z", grace + 15), currency: "USD", refunds: [{ amountMinor: 300, createdAt: at("2026-03-09T08:00:00Z") }] },
      // Live now, mentor early (on time).
      { startsAt: at("2026-03-10T11:30:00Z"), state: "LIVE", liveAt: at("2026-03-10T11:25:00Z"), mentorJoinedAt: at("2026-03-10T11:25:00Z"), currency: "USD", refunds: [] },
      // Nobody came: not held, no join.
      { startsAt: at("2026-03-06T09:00:00Z"), state: "NO_SHOW", liveAt: null, mentorJoinedAt: null, currency: "USD", refunds: [{ amountMinor: 6000, createdAt: at("2026-03-06T10:30:00Z") }] },
      // Before the window: not counted.
      { startsAt: at("2026-03-03T09:00:00Z"), state: "ENDED", liveAt: at("2026-03-03T09:00:00Z"), mentorJoinedAt: at("2026-03-03T09:00:00Z"), currency: "USD", refunds: [{ amountMinor: 100, createdAt: at("2026-03-03T12:00:00Z") }] },
    ];
    await seed(rows);
  });

  it("gives exactly the seeded numbers per UTC day, quiet days as zeros, ending today", async () => {
    const support = await t.user("SUPPORT");
    const got = (await t.ok(TOTALS, { days: 7 }, support.token)).dailyTotals;
    expect(got).toEqual(expected(rows, grace, 7));
    // Spot checks, so the expectation itself is known to say what the seed intends.
    expect(got.map((d: { day: string }) => d.day)).toEqual(["2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10"]);
    expect(got[0]).toEqual({ day: "2026-03-04", sessionsHeld: 0, mentorJoins: 0, onTimeJoins: 0, onTimeRate: null, refunds: 0, refunded: [] });
    expect(got[1]).toMatchObject({ sessionsHeld: 2, mentorJoins: 2, onTimeJoins: 1, onTimeRate: 0.5, refunds: 3, refunded: [{ currency: "EUR", amountMinor: 700 }, { currency: "USD", amountMinor: 1500 }] });
    expect(got[3]).toMatchObject({ sessionsHeld: 1, mentorJoins: 0 });
    expect(got[4]).toMatchObject({ sessionsHeld: 0, mentorJoins: 1, onTimeJoins: 0, onTimeRate: 0 });
    expect(got[6]).toMatchObject({ sessionsHeld: 1, mentorJoins: 1, onTimeJoins: 1, onTimeRate: 1 });
    // A wider window reaches the older rows too.
    expect((await t.ok(TOTALS, { days: 8 }, support.token)).dailyTotals).toEqual(expected(rows, grace, 8));
  });

  it("reads the grace from the policy in force", async () => {
    const admin = await t.user("ADMIN");
    const wider = grace + 20;
    await t.ok(`mutation($c: JSON!) { updatePolicy(input: { changes: $c, reason: "wider grace" }) { version } }`, { c: { tardiness: { graceMinutes: wider } } }, admin.token);
    try {
      const got = (await t.ok(TOTALS, { days: 7 }, admin.token)).dailyTotals;
      expect(got).toEqual(expected(rows, wider, 7));
      expect(got[1]).toMatchObject({ onTimeJoins: 2, onTimeRate: 1 });
    } finally {
      await t.ok(`mutation($c: JSON!) { updatePolicy(input: { changes: $c, reason: "back" }) { version } }`, { c: { tardiness: { graceMinutes: grace } } }, admin.token);
    }
  });

  it("are for staff only and take 1 to 90 days", async () => {
    for (const role of ["MENTEE", "MENTOR"] as const) {
      const u = await t.user(role);
      expect(codes(await t.gql(TOTALS, { days: 7 }, u.token))).toEqual(["FORBIDDEN"]);
    }
    const support = await t.user("SUPPORT");
    for (const days of [0, 91, -1]) expect(codes(await t.gql(TOTALS, { days }, support.token))).toEqual(["BAD_USER_INPUT"]);
    expect((await t.ok(TOTALS, { days: 90 }, support.token)).dailyTotals).toHaveLength(90);
    expect((await t.ok(TOTALS, { days: 1 }, support.token)).dailyTotals.map((d: { day: string }) => d.day)).toEqual(["2026-03-10"]);
  });
});
