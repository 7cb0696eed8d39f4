// Availability and slots. Mentors publish weekly hours in their own IANA zone plus date
// exceptions; slots are computed with Luxon (wall-clock times resolved per date, so DST changes
// are handled by the time library, not by offset arithmetic) and returned in the asker's zone.
import { z } from "zod";
import { DateTime } from "luxon";
import { subject } from "@casl/ability";
import type { ServiceDeps } from "../../lib/deps.js";
import type { DbTx } from "../../lib/db.js";
import { defineCommand, type CommandContext } from "../../lib/command.js";
import { DomainError, badInput, notFound } from "../../lib/errors.js";
import { parseInput, zId, zTimeZone } from "../../lib/validate.js";
import type { Actor } from "../../authz/viewer.js";
import { currentPolicy, type PolicyValues } from "../policy/index.js";
import { gridStarts, onGrid, withAnchors, type OpenRanges } from "./slot-grid.js";

const MINUTE = 60_000;
export const ACTIVE_STATES = ["SCHEDULED", "LIVE"] as const;

export interface RuleLike {
  weekday: number;
  startMinute: number;
  endMinute: number;
  timeZone: string;
}
export interface ExceptionLike {
  date: string;
  kind: "UNAVAILABLE" | "AVAILABLE";
  startMinute: number | null;
  endMinute: number | null;
  timeZone: string;
}
export interface Busy {
  startsAt: Date;
  endsAt: Date;
}
type Range = [number, number];

function mergeRanges(ranges: Range[]): Range[] {
  const sorted = ranges.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

function subtractRange(ranges: Range[], [a, b]: Range): Range[] {
  return ranges.flatMap(([x, y]): Range[] => {
    if (b <= x || a >= y) return [[x, y]];
    const parts: Range[] = [];
    if (a > x) parts.push([x, a]);
    if (b < y) parts.push([b, y]);
    return parts;
  });
}

/** A wall-clock minute of a local date as an instant (Luxon moves times in a DST gap forward). */
function localMinuteToMs(day: DateTime, minute: number): number {
  if (minute >= 1440) return day.plus({ days: 1 }).startOf("day").toMillis();
  return day.set({ hour: Math.floor(minute / 60), minute: minute % 60, second: 0, millisecond: 0 }).toMillis();
}

/**
 * The mentor's open hours around `from`..`to` (a day either side), as merged instant ranges (ms)
 * carrying their windows' starts: the slot grid's anchors (slot-grid.ts). Ranges are never
 * clipped to the query, so the grid does not move with `from`.
 */
export function openRanges(rules: RuleLike[], exceptions: ExceptionLike[], from: Date, to: Date): OpenRanges {
  const zones = new Set([...rules.map((r) => r.timeZone), ...exceptions.map((e) => e.timeZone)]);
  const out: Range[] = [];
  for (const zone of zones) {
    let day = DateTime.fromJSDate(from, { zone }).startOf("day").minus({ days: 1 });
    const last = DateTime.fromJSDate(to, { zone }).startOf("day").plus({ days: 1 });
    while (day <= last) {
      const date = day.toISODate()!;
      let minutes: Range[] = rules.filter((r) => r.timeZone === zone && r.weekday === day.weekday).map((r) => [r.startMinute, r.endMinute]);
      for (const e of exceptions.filter((x) => x.timeZone === zone && x.date === date)) {
        if (e.kind === "UNAVAILABLE") {
          minutes = e.startMinute === null || e.endMinute === null ? [] : subtractRange(minutes, [e.startMinute, e.endMinute]);
        }
      }
      for (const e of exceptions.filter((x) => x.timeZone === zone && x.date === date && x.kind === "AVAILABLE")) {
        if (e.startMinute !== null && e.endMinute !== null) minutes.push([e.startMinute, e.endMinute]);
      }
      for (const [a, b] of mergeRanges(minutes)) out.push([localMinuteToMs(day, a), localMinuteToMs(day, b)]);
      day = day.plus({ days: 1 });
    }
  }
  return withAnchors(mergeRanges(out.map(([a, b]): Range => [a, b])), out);
}

export interface SlotOptions {
  now: Date;
  from: Date;
  to: Date;
  durationMinutes: number;
  policy: PolicyValues["scheduling"];
  /** The mentor's active bookings: blocked with the buffer on both sides. */
  mentorBusy: Busy[];
  /** The asker's own bookings (a mentee cannot be in two sessions at once). */
  askerBusy?: Busy[];
}

export type SlotProblem = "MIN_NOTICE" | "TOO_FAR_AHEAD" | "OUTSIDE_AVAILABILITY" | "BUFFER_OR_BOOKED" | "ASKER_BUSY";

const overlaps = (s: number, e: number, b: Busy, pad: number) => s < b.endsAt.getTime() + pad && e > b.startsAt.getTime() - pad;

/** Why a start time cannot be booked (undefined when it can). `open` comes from openRanges. */
export function slotProblem(start: number, open: OpenRanges, o: Omit<SlotOptions, "from" | "to">): SlotProblem | undefined {
  const end = start + o.durationMinutes * MINUTE;
  const step = o.policy.slotStepMinutes * MINUTE;
  const now = o.now.getTime();
  if (start < now + o.policy.minNoticeMinutes * MINUTE) return "MIN_NOTICE";
  if (start > now + o.policy.maxBookingDaysAhead * 86_400_000) return "TOO_FAR_AHEAD";
  const range = open.find(([a, b]) => start >= a && end <= b);
  // Slots start on the step grid of the availability window (e.g. :00 and :30 from 09:00).
  if (!range || !onGrid(start, range, open.anchors, step)) return "OUTSIDE_AVAILABILITY";
  const pad = o.policy.bufferMinutes * MINUTE;
  if (o.mentorBusy.some((b) => overlaps(start, end, b, pad))) return "BUFFER_OR_BOOKED";
  if (o.askerBusy?.some((b) => overlaps(start, end, b, 0))) return "ASKER_BUSY";
  return undefined;
}

/** Every bookable start between `from` and `to` (start inside the range). */
export function computeSlots(rules: RuleLike[], exceptions: ExceptionLike[], o: SlotOptions): { startsAt: Date; endsAt: Date }[] {
  const open = openRanges(rules, exceptions, o.from, o.to);
  const step = o.policy.slotStepMinutes * MINUTE;
  const dur = o.durationMinutes * MINUTE;
  const out: { startsAt: Date; endsAt: Date }[] = [];
  for (const range of open) {
    for (const s of gridStarts(range, open.anchors, step)) {
      if (s + dur > range[1] || s < o.from.getTime() || s >= o.to.getTime()) continue;
      if (!slotProblem(s, open, o)) out.push({ startsAt: new Date(s), endsAt: new Date(s + dur) });
    }
  }
  return out;
}

export async function activeBookings(db: DbTx, where: { mentorId?: string; menteeId?: string }, from: Date, to: Date, exceptId?: string): Promise<Busy[]> {
  return db.session.findMany({
    where: {
      ...where,
      state: { in: [...ACTIVE_STATES] },
      startsAt: { lt: new Date(to.getTime() + 86_400_000) },
      endsAt: { gt: new Date(from.getTime() - 86_400_000) },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { startsAt: true, endsAt: true },
  });
}

export async function loadAvailability(db: DbTx, mentorId: string) {
  const [rules, exceptions] = await Promise.all([
    db.availabilityRule.findMany({ where: { mentorId } }),
    db.availabilityException.findMany({ where: { mentorId } }),
  ]);
  return { rules, exceptions };
}

export function checkDuration(policy: PolicyValues["scheduling"], durationMinutes: number) {
  if (durationMinutes < policy.minDurationMinutes || durationMinutes > policy.maxDurationMinutes || durationMinutes % 5 !== 0)
    throw badInput(`durationMinutes: must be a multiple of 5 between ${policy.minDurationMinutes} and ${policy.maxDurationMinutes}`, {
      durationMinutes: "out of range",
    });
}

/** The bookable mentor (approved, active) or NOT_FOUND / PRECONDITION_FAILED. */
export async function bookableMentor(db: DbTx, mentorId: string) {
  const mentor = await db.user.findUnique({ where: { id: mentorId }, include: { mentorProfile: true } });
  if (!mentor || mentor.role !== "MENTOR" || !mentor.mentorProfile) throw notFound("Mentor", mentorId);
  if (!mentor.mentorProfile.approved) throw new DomainError("PRECONDITION_FAILED", "Only approved mentors can be booked");
  if (mentor.status !== "ACTIVE") throw new DomainError("PRECONDITION_FAILED", "This mentor is not taking bookings");
  return { ...mentor, mentorProfile: mentor.mentorProfile };
}

const MAX_RANGE_DAYS = 31;
const slotsInput = z.object({
  mentorId: zId,
  from: z.date(),
  to: z.date(),
  durationMinutes: z.number().int(),
  timeZone: zTimeZone.optional(),
});

export interface AvailableSlot {
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  localStart: string;
  localEnd: string;
}

export async function availableSlots(deps: ServiceDeps, input: unknown): Promise<AvailableSlot[]> {
  const i = parseInput(slotsInput, input);
  if (i.to <= i.from) throw badInput("to: must be after from", { to: "must be after from" });
  if (i.to.getTime() - i.from.getTime() > MAX_RANGE_DAYS * 86_400_000) throw badInput(`to: at most ${MAX_RANGE_DAYS} days after from`, { to: "range too long" });
  const { values } = await currentPolicy(deps.db);
  checkDuration(values.scheduling, i.durationMinutes);
  const mentor = await bookableMentor(deps.db, i.mentorId);
  const asker = deps.actor?.kind === "USER" ? await deps.db.user.findUnique({ where: { id: deps.actor.id }, select: { id: true, timeZone: true, role: true } }) : null;
  const zone = i.timeZone ?? asker?.timeZone ?? "UTC";
  const { rules, exceptions } = await loadAvailability(deps.db, mentor.id);
  const slots = computeSlots(rules, exceptions, {
    now: deps.clock.now(),
    from: i.from,
    to: i.to,
    durationMinutes: i.durationMinutes,
    policy: values.scheduling,
    mentorBusy: await activeBookings(deps.db, { mentorId: mentor.id }, i.from, i.to),
    askerBusy: asker && asker.id !== mentor.id ? await activeBookings(deps.db, { menteeId: asker.id }, i.from, i.to) : [],
  });
  return slots.map((s) => ({
    ...s,
    timeZone: zone,
    localStart: DateTime.fromJSDate(s.startsAt, { zone }).toISO({ suppressMilliseconds: true })!,
    localEnd: DateTime.fromJSDate(s.endsAt, { zone }).toISO({ suppressMilliseconds: true })!,
  }));
}

// ---- writes (mentor only) ----

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "must be HH:mm");
const toMinute = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

const weeklyInput = z.object({
  timeZone: zTimeZone.optional(),
  rules: z
    .array(z.object({ weekday: z.number().int().min(1).max(7), start: hhmm, end: hhmm }))
    .max(50)
    .refine((rs) => rs.every((r) => toMinute(r.end) > toMinute(r.start)), "every rule must end after it starts"),
});

const mentorOf = (c: CommandContext) => (c.actor as Extract<Actor, { kind: "USER" }>).id;

async function mentorZone(tx: DbTx, mentorId: string, given?: string) {
  if (given) return given;
  const u = await tx.user.findUniqueOrThrow({ where: { id: mentorId }, select: { timeZone: true } });
  return u.timeZone;
}

/** Replaces the mentor's weekly hours (one zone: the mentor's own unless given). */
export const setWeeklyAvailability = defineCommand({
  name: "availability.setWeekly",
  input: weeklyInput,
  authorize: (g) => g.can("create", "AvailabilityRule", { mentorId: g.user().id }, "Only mentors publish availability"),
  run: async (c, _none, i) => {
    const mentorId = mentorOf(c);
    const timeZone = await mentorZone(c.tx, mentorId, i.timeZone);
    await c.tx.availabilityRule.deleteMany({ where: { mentorId } });
    await c.tx.availabilityRule.createMany({
      data: i.rules.map((r) => ({ mentorId, weekday: r.weekday, startMinute: toMinute(r.start), endMinute: toMinute(r.end), timeZone })),
    });
    return c.tx.availabilityRule.findMany({ where: { mentorId }, orderBy: [{ weekday: "asc" }, { startMinute: "asc" }] });
  },
});

const exceptionInput = z
  .object({
    date: z.iso.date({ message: "must be a date YYYY-MM-DD" }),
    kind: z.enum(["UNAVAILABLE", "AVAILABLE"]),
    start: hhmm.optional(),
    end: hhmm.optional(),
    timeZone: zTimeZone.optional(),
    note: z.string().trim().max(200).optional(),
  })
  .refine((e) => (e.start === undefined) === (e.end === undefined), { message: "give both start and end, or neither", path: ["end"] })
  .refine((e) => e.kind === "UNAVAILABLE" || e.start !== undefined, { message: "extra hours need start and end", path: ["start"] })
  .refine((e) => e.start === undefined || toMinute(e.end!) > toMinute(e.start), { message: "must be after start", path: ["end"] });

export const addAvailabilityException = defineCommand({
  name: "availability.addException",
  input: exceptionInput,
  authorize: (g) => g.can("create", "AvailabilityException", { mentorId: g.user().id }, "Only mentors publish availability"),
  run: async (c, _none, i) => {
    const mentorId = mentorOf(c);
    const timeZone = i.timeZone ?? (await c.tx.availabilityRule.findFirst({ where: { mentorId }, select: { timeZone: true } }))?.timeZone ?? (await mentorZone(c.tx, mentorId));
    return c.tx.availabilityException.create({
      data: {
        mentorId,
        date: i.date,
        kind: i.kind,
        startMinute: i.start ? toMinute(i.start) : null,
        endMinute: i.end ? toMinute(i.end) : null,
        timeZone,
        note: i.note ?? "",
      },
    });
  },
});

const removeException = defineCommand({
  name: "availability.removeException",
  input: z.object({ id: zId }),
  load: (c, i) => c.tx.availabilityException.findUnique({ where: { id: i.id } }),
  authorize: (g, row, i) => {
    g.user();
    // Another mentor's exception looks absent.
    g.require(row !== null && g.ability.can("read", subject("AvailabilityException", row)), `Availability exception ${i.id} was not found`, "NOT_FOUND");
    g.can("delete", "AvailabilityException", row!);
  },
  run: async (c, row) => {
    await c.tx.availabilityException.delete({ where: { id: row!.id } });
    return true;
  },
});

export const removeAvailabilityException = (deps: ServiceDeps, id: string) => removeException(deps, { id });

export const minuteToHhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
