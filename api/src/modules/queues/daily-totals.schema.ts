// Per-day activity for the staff overview's charts: sessions held, mentor punctuality and
// refunds, counted in the database (grouped SQL) so the figures cover every row of the window.
import { builder } from "../../schema/builder.js";
import { getDb, type DbTx } from "../../lib/db.js";
import { badInput } from "../../lib/errors.js";
import { currentPolicy } from "../policy/index.js";
import { MoneyRef, type MoneyShape } from "../money/index.js";
import type { Context } from "../../context/context.js";

const DAY_MS = 86_400_000;
export const MAX_DAYS = 90;

export interface DayTotals {
  day: string;
  sessionsHeld: number;
  mentorJoins: number;
  onTimeJoins: number;
  onTimeRate: number | null;
  refunds: number;
  refunded: MoneyShape[];
}

const DayTotalsRef = builder.objectRef<DayTotals>("DayTotals").implement({
  description: "Activity of one UTC day, for the overview charts.",
  fields: (t) => ({
    day: t.exposeString("day", { description: "The UTC date, YYYY-MM-DD." }),
    sessionsHeld: t.exposeInt("sessionsHeld", { description: "Sessions that went live that day and were held (now LIVE or ENDED)." }),
    mentorJoins: t.exposeInt("mentorJoins", { description: "Sessions whose mentor first joined that day." }),
    onTimeJoins: t.exposeInt("onTimeJoins", { description: "Of those, joins within the current policy's tardiness grace." }),
    onTimeRate: t.exposeFloat("onTimeRate", { nullable: true, description: "onTimeJoins / mentorJoins (0..1); null without joins." }),
    refunds: t.exposeInt("refunds", { description: "Refunds paid that day." }),
    refunded: t.field({ type: [MoneyRef], description: "Their sum per currency.", resolve: (d) => d.refunded }),
  }),
});

// Day numbers are whole days since the epoch: extract(epoch) reads a timestamp column as UTC and
// a timestamptz as an instant, so both bucket by UTC day whatever the connection's time zone.
const dayOf = (ms: number) => Math.floor(ms / DAY_MS);

export async function loadDailyTotals(db: DbTx, now: Date, days: number): Promise<DayTotals[]> {
  const last = dayOf(now.getTime());
  const first = last - days + 1;
  // A loose bound on the raw column lets an index narrow the scan; the day number decides.
  const since = new Date((first - 1) * DAY_MS);
  const grace = (await currentPolicy(db)).values.tardiness.graceMinutes;
  const [sessions, refunds] = await Promise.all([
    db.$queryRaw<{ d: number; held: number; joins: number; ontime: number }[]>`
      SELECT d, SUM(held)::int AS held, SUM(joins)::int AS joins, SUM(ontime)::int AS ontime FROM (
        SELECT FLOOR(EXTRACT(EPOCH FROM "liveAt") / 86400)::int AS d, 1 AS held, 0 AS joins, 0 AS ontime
          FROM "Session" WHERE "state" IN ('LIVE', 'ENDED') AND "liveAt" >= ${since}
        UNION ALL
        SELECT FLOOR(EXTRACT(EPOCH FROM "mentorJoinedAt") / 86400)::int, 0, 1,
               CASE WHEN GREATEST(0, FLOOR((EXTRACT(EPOCH FROM "mentorJoinedAt") - EXTRACT(EPOCH FROM "startsAt")) / 60)) <= ${grace} THEN 1 ELSE 0 END
          FROM "Session" WHERE "mentorJoinedAt" >= ${since}
      ) x WHERE d BETWEEN ${first} AND ${last} GROUP BY d`,
    db.$queryRaw<{ d: number; currency: string; n: number; minor: bigint | number }[]>`
      SELECT d, currency, COUNT(*)::int AS n, SUM("amountMinor")::bigint AS minor FROM (
        SELECT FLOOR(EXTRACT(EPOCH FROM "createdAt") / 86400)::int AS d, "currency", "amountMinor" FROM "Refund" WHERE "createdAt" >= ${since}
      ) x WHERE d BETWEEN ${first} AND ${last} GROUP BY d, currency ORDER BY currency`,
  ]);
  const byDay = new Map(sessions.map((r) => [Number(r.d), r]));
  return Array.from({ length: days }, (_, i) => {
    const d = first + i;
    const s = byDay.get(d);
    const joins = Number(s?.joins ?? 0);
    const onTime = Number(s?.ontime ?? 0);
    const money = refunds.filter((r) => Number(r.d) === d);
    return {
      day: new Date(d * DAY_MS).toISOString().slice(0, 10),
      sessionsHeld: Number(s?.held ?? 0),
      mentorJoins: joins,
      onTimeJoins: onTime,
      onTimeRate: joins ? onTime / joins : null,
      refunds: money.reduce((n, r) => n + Number(r.n), 0),
      refunded: money.map((r) => ({ currency: r.currency.trim(), amountMinor: Number(r.minor) })),
    };
  });
}

builder.queryField("dailyTotals", (t) =>
  t.field({
    type: [DayTotalsRef],
    description: `Per UTC day, oldest first, ending today: sessions held, mentor on-time joins and refunds (1..${MAX_DAYS} days).`,
    authScopes: { role: ["ADMIN", "SUPPORT"] },
    args: { days: t.arg.int({ required: true }) },
    resolve: (_r, { days }, ctx: Context) => {
      if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) throw badInput(`days must be between 1 and ${MAX_DAYS}`, { days: "out of range" });
      return loadDailyTotals(getDb(), ctx.deps.clock.now(), days);
    },
  }),
);
