import { accessibleBy } from "@casl/prisma/runtime";
import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import {
  addAvailabilityException,
  availableSlots,
  minuteToHhmm,
  removeAvailabilityException,
  setWeeklyAvailability,
  type AvailableSlot,
} from "./availability.service.js";

const ExceptionKindEnum = builder.enumType("AvailabilityExceptionKind", { values: ["UNAVAILABLE", "AVAILABLE"] as const });

const RuleRef = builder.prismaObject("AvailabilityRule", {
  description: "Weekly hours in the mentor's own time zone.",
  fields: (t) => ({
    id: t.exposeID("id"),
    weekday: t.exposeInt("weekday", { description: "ISO weekday: 1 = Monday ... 7 = Sunday." }),
    start: t.string({ select: { startMinute: true }, resolve: (r) => minuteToHhmm(r.startMinute) }),
    end: t.string({ select: { endMinute: true }, resolve: (r) => minuteToHhmm(r.endMinute) }),
    timeZone: t.exposeString("timeZone"),
  }),
});

const ExceptionRef = builder.prismaObject("AvailabilityException", {
  description: "A day off, hours off, or extra hours on one local date of the mentor.",
  fields: (t) => ({
    id: t.exposeID("id"),
    date: t.exposeString("date"),
    kind: t.expose("kind", { type: ExceptionKindEnum }),
    start: t.string({ nullable: true, select: { startMinute: true }, resolve: (r) => (r.startMinute === null ? null : minuteToHhmm(r.startMinute)) }),
    end: t.string({ nullable: true, select: { endMinute: true }, resolve: (r) => (r.endMinute === null ? null : minuteToHhmm(r.endMinute)) }),
    timeZone: t.exposeString("timeZone"),
    note: t.exposeString("note"),
  }),
});

const SlotRef = builder.objectRef<AvailableSlot>("AvailableSlot").implement({
  fields: (t) => ({
    startsAt: t.expose("startsAt", { type: "DateTime" }),
    endsAt: t.expose("endsAt", { type: "DateTime" }),
    timeZone: t.exposeString("timeZone", { description: "The zone of `localStart` / `localEnd` (the asker's)." }),
    localStart: t.exposeString("localStart", { description: "ISO 8601 local time with offset in `timeZone`." }),
    localEnd: t.exposeString("localEnd"),
  }),
});

builder.queryField("availableSlots", (t) =>
  t.field({
    type: [SlotRef],
    description: "Bookable starts of an approved mentor, honouring availability, minimum notice, buffers and existing bookings.",
    authScopes: { authenticated: true },
    args: {
      mentorId: t.arg.id({ required: true }),
      from: t.arg({ type: "DateTime", required: true }),
      to: t.arg({ type: "DateTime", required: true }),
      durationMinutes: t.arg.int({ required: true }),
      timeZone: t.arg.string({ required: false, description: "IANA zone for the local times; default the viewer's." }),
    },
    resolve: (_r, args, ctx) => availableSlots(ctx.deps, { ...args, mentorId: String(args.mentorId), timeZone: args.timeZone ?? undefined }),
  }),
);

const MyAvailability = builder.objectRef<{ mentorId: string }>("MyAvailability").implement({
  fields: (t) => ({
    rules: t.prismaField({
      type: ["AvailabilityRule"],
      resolve: (query, p, _a, ctx) =>
        getDb().availabilityRule.findMany({
          ...query,
          where: { AND: [accessibleBy(ctx.ability).ofType("AvailabilityRule"), { mentorId: p.mentorId }] },
          orderBy: [{ weekday: "asc" }, { startMinute: "asc" }],
        }),
    }),
    exceptions: t.prismaField({
      type: ["AvailabilityException"],
      resolve: (query, p, _a, ctx) =>
        getDb().availabilityException.findMany({
          ...query,
          where: { AND: [accessibleBy(ctx.ability).ofType("AvailabilityException"), { mentorId: p.mentorId }] },
          orderBy: [{ date: "asc" }, { startMinute: "asc" }],
        }),
    }),
  }),
});

builder.queryField("myAvailability", (t) =>
  t.field({
    type: MyAvailability,
    authScopes: { role: "MENTOR" },
    resolve: (_r, _a, ctx) => ({ mentorId: ctx.viewer!.id }),
  }),
);

const WeeklyRuleInput = builder.inputType("WeeklyAvailabilityRuleInput", {
  fields: (t) => ({
    weekday: t.int({ required: true, description: "ISO weekday: 1 = Monday ... 7 = Sunday." }),
    start: t.string({ required: true, description: "HH:mm local time." }),
    end: t.string({ required: true, description: "HH:mm local time (24:00 for midnight)." }),
  }),
});

const SetWeeklyAvailabilityInput = builder.inputType("SetWeeklyAvailabilityInput", {
  fields: (t) => ({
    timeZone: t.string({ required: false, description: "IANA zone of the hours; default the mentor's own." }),
    rules: t.field({ type: [WeeklyRuleInput], required: true }),
  }),
});

builder.mutationField("setWeeklyAvailability", (t) =>
  t.field({
    type: [RuleRef],
    description: "Replaces the mentor's weekly hours.",
    authScopes: { role: "MENTOR" },
    args: { input: t.arg({ type: SetWeeklyAvailabilityInput, required: true }) },
    resolve: (_r, { input }, ctx) => setWeeklyAvailability(ctx.deps, { ...input, timeZone: input.timeZone ?? undefined }),
  }),
);

const AddExceptionInput = builder.inputType("AddAvailabilityExceptionInput", {
  fields: (t) => ({
    date: t.string({ required: true, description: "Local date YYYY-MM-DD in the mentor's zone." }),
    kind: t.field({ type: ExceptionKindEnum, required: true }),
    start: t.string({ required: false }),
    end: t.string({ required: false }),
    timeZone: t.string({ required: false }),
    note: t.string({ required: false }),
  }),
});

builder.mutationField("addAvailabilityException", (t) =>
  t.field({
    type: ExceptionRef,
    authScopes: { role: "MENTOR" },
    args: { input: t.arg({ type: AddExceptionInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      addAvailabilityException(ctx.deps, Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined))),
  }),
);

builder.mutationField("removeAvailabilityException", (t) =>
  t.boolean({
    authScopes: { role: "MENTOR" },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => removeAvailabilityException(ctx.deps, String(id)),
  }),
);
