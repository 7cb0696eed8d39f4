// The slot grid: slots start at an availability window's start plus whole multiples of the slot
// step, whatever `from` is. Property tests (fast-check) over time zones (with DST changes and
// half-hour offsets), windows, steps and `from` values, plus the API answer for the reported case.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { DateTime } from "luxon";
import { computeSlots, type RuleLike } from "../../api/src/modules/sessions/availability.service.js";
import { defaultPolicy } from "../../api/src/modules/policy/policy.values.js";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { SLOTS, mentorWithHours } from "../helpers/sessions.js";

const MINUTE = 60_000;
const ZONES = ["UTC", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kolkata", "America/St_Johns", "Australia/Sydney", "Pacific/Chatham"];
// days around DST changes in 2026 (northern spring/autumn, southern autumn/spring)
const DAYS = ["2026-03-08", "2026-03-29", "2026-04-05", "2026-10-04", "2026-10-25", "2026-11-01", "2026-06-15"].map((d) => Date.parse(`${d}T00:00:00Z`));

const arb = fc.record({
  zone: fc.constantFrom(...ZONES),
  day: fc.constantFrom(...DAYS),
  fromOffset: fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 }),
  shift: fc.integer({ min: 1, max: 2 * 86_400_000 }),
  step: fc.constantFrom(5, 15, 20, 30, 45, 60),
  duration: fc.constantFrom(15, 30, 60),
  windows: fc.oneof(
    // around the clock (windows merge across days: the case that exposed the moving grid)
    fc.constant([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: 0, length: 1440 }))),
    // evenings running to midnight every day, then random windows
    fc.integer({ min: 0, max: 1439 }).map((start) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, length: 1440 - start }))),
    fc.array(fc.record({ weekday: fc.integer({ min: 1, max: 7 }), start: fc.integer({ min: 0, max: 1439 }), length: fc.integer({ min: 15, max: 1440 }) }), { minLength: 1, maxLength: 6 }),
  ),
});

function rulesOf(zone: string, windows: { weekday: number; start: number; length: number }[]): RuleLike[] {
  return windows.map((w) => ({ weekday: w.weekday, startMinute: w.start, endMinute: Math.min(1440, w.start + w.length), timeZone: zone }));
}

function slots(rules: RuleLike[], from: number, to: number, step: number, duration: number) {
  const policy = { ...defaultPolicy().scheduling, slotStepMinutes: step, minNoticeMinutes: 0, bufferMinutes: 0, maxBookingDaysAhead: 3650 };
  return computeSlots(rules, [], { now: new Date(from - 86_400_000), from: new Date(from), to: new Date(to), durationMinutes: duration, policy, mentorBusy: [] }).map((s) => s.startsAt.getTime());
}

/**
 * Oracle: the instants at which a window opens. A window is a day's open hours in the mentor's
 * zone: overlapping or touching rules of one date are one window. Luxon resolves the wall-clock
 * time per date (a start inside a DST gap moves forward).
 */
function windowStarts(rules: RuleLike[], around: number): number[] {
  const out: number[] = [];
  const zone = rules[0].timeZone;
  let d = DateTime.fromMillis(around, { zone }).startOf("day").minus({ days: 3 });
  for (let i = 0; i < 7; i++, d = d.plus({ days: 1 })) {
    const spans = rules.filter((r) => r.weekday === d.weekday).map((r) => [r.startMinute, r.endMinute]).sort((x, y) => x[0] - y[0]);
    let end = -1;
    for (const [a, b] of spans) {
      if (a > end) out.push(d.set({ hour: Math.floor(a / 60), minute: a % 60 }).toMillis());
      end = Math.max(end, b);
    }
  }
  return out;
}

describe("slot grid (property)", () => {
  it("every slot starts at a window start plus whole steps, in every zone, across DST changes", () => {
    fc.assert(
      fc.property(arb, (c) => {
        const rules = rulesOf(c.zone, c.windows);
        const from = c.day + c.fromOffset;
        const found = slots(rules, from, from + 2 * 86_400_000, c.step, c.duration);
        // windows of at least 15 minutes every two days leave slots to check
        if (c.windows.length === 7 && c.windows.every((w) => Math.min(1440, w.start + w.length) - w.start >= c.duration + c.step)) expect(found.length).toBeGreaterThan(0);
        for (const s of found) {
          const starts = windowStarts(rules, s).filter((a) => a <= s);
          // the governing window is the latest one opened at or before the slot
          const anchor = Math.max(...starts);
          expect((s - anchor) % (c.step * MINUTE), `slot ${new Date(s).toISOString()} in ${c.zone}, anchor ${new Date(anchor).toISOString()}`).toBe(0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("the grid does not move with `from`: a later `from` returns the same slots from there on", () => {
    fc.assert(
      fc.property(arb, (c) => {
        const rules = rulesOf(c.zone, c.windows);
        const from = c.day + c.fromOffset;
        const to = from + 3 * 86_400_000;
        const later = from + c.shift;
        expect(slots(rules, later, to, c.step, c.duration)).toEqual(slots(rules, from, to, c.step, c.duration).filter((s) => s >= later));
      }),
      { numRuns: 150 },
    );
  });
});

describe("availableSlots through the API", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: "2026-03-02T06:00:00Z" });
  });
  afterAll(() => t?.close());

  it("with availability around the clock and an odd `from`, slots start on the half hours", async () => {
    const mentor = await mentorWithHours(t);
    const mentee = await t.user("MENTEE");
    const r = await t.ok(SLOTS, { m: mentor.id, from: "2026-03-03T22:17:45.694Z", to: "2026-03-04T04:00:00Z", d: 60 }, mentee.token);
    const starts = r.availableSlots.map((s: { startsAt: string }) => s.startsAt);
    expect(starts[0]).toBe("2026-03-03T22:30:00.000Z");
    expect(starts.every((s: string) => /:(00|30):00\.000Z$/.test(s))).toBe(true);
    expect(starts).toHaveLength(11);
  });
});
