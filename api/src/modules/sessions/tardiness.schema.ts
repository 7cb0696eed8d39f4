import { accessibleBy } from "@casl/prisma/runtime";
import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { loadConfig } from "../../lib/config.js";
import { FeeMultiplierRule } from "../../generated/prisma/enums.js";
import { rotateCalendarFeed } from "./calendar.service.js";

const RuleEnum = builder.enumType(FeeMultiplierRule, { name: "FeeMultiplierRule" });

builder.prismaObject("FeeMultiplierChange", {
  description: "One change of a mentor's fee multiplier, with the rule and sessions behind it.",
  fields: (t) => ({
    id: t.exposeID("id"),
    fromBps: t.exposeInt("fromBps"),
    toBps: t.exposeInt("toBps"),
    rule: t.expose("rule", { type: RuleEnum }),
    reason: t.exposeString("reason"),
    sessionIds: t.exposeIDList("sessionIds"),
    policyVersion: t.exposeInt("policyVersion"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    sessions: t.prismaField({
      type: ["Session"],
      description: "The sessions behind it (those the viewer may read), oldest first.",
      select: { sessionIds: true },
      resolve: (query, c, _a, ctx) =>
        getDb().session.findMany({ ...query, where: { AND: [accessibleBy(ctx.ability).ofType("Session"), { id: { in: c.sessionIds } }] }, orderBy: { startsAt: "asc" } }),
    }),
  }),
});

builder.prismaObject("LateRecord", {
  description: "A late start (or no-show) of a mentor: its penalty lowers the fee multiplier while the record is inside the policy window.",
  fields: (t) => ({
    id: t.exposeID("id"),
    mentorId: t.exposeID("mentorId"),
    sessionId: t.exposeID("sessionId"),
    session: t.relation("session"),
    lateMinutes: t.exposeInt("lateMinutes"),
    noShow: t.exposeBoolean("noShow"),
    penaltyBps: t.exposeInt("penaltyBps", { description: "Basis points taken off the multiplier while the record counts." }),
    recordedAt: t.expose("recordedAt", { type: "DateTime" }),
    expiredAt: t.expose("expiredAt", { type: "DateTime", nullable: true, description: "When it left the window and its penalty was lifted." }),
  }),
});

builder.queryField("lateRecords", (t) =>
  t.prismaConnection({
    type: "LateRecord",
    cursor: "id",
    description: "A mentor's late records, newest first. Mentors see their own; staff any mentor's.",
    authScopes: { role: ["MENTOR", "ADMIN", "SUPPORT"] },
    args: { mentorId: t.arg.id({ required: false, description: "Default: the viewer." }) },
    resolve: (query, _r, args, ctx) =>
      getDb().lateRecord.findMany({
        ...query,
        where: { AND: [accessibleBy(ctx.ability).ofType("LateRecord"), { mentorId: args.mentorId ? String(args.mentorId) : ctx.viewer!.id }] },
        orderBy: [{ id: "desc" }],
      }),
  }),
);

builder.prismaObjectFields("MentorProfile", (t) => ({
  feeMultiplierBps: t.exposeInt("feeMultiplierBps", { description: "Applied to future bookings, basis points (10000 = 1.00x). See feeMultiplierChanges for why." }),
  onTimeStreak: t.exposeInt("onTimeStreak", { description: "Consecutive on-time sessions since the last reward or late record." }),
  feeMultiplierChanges: t.prismaField({
    type: ["FeeMultiplierChange"],
    description: "Visible to the mentor and staff.",
    select: { userId: true },
    resolve: (query, p, _a, ctx) =>
      getDb().feeMultiplierChange.findMany({
        ...query,
        where: { AND: [accessibleBy(ctx.ability).ofType("FeeMultiplierChange"), { mentorId: p.userId }] },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 100,
      }),
  }),
}));

builder.queryField("feeMultiplierHistory", (t) =>
  t.prismaConnection({
    type: "FeeMultiplierChange",
    cursor: "id",
    description: "Why a mentor's fee multiplier is what it is. Mentors see their own; staff any mentor's.",
    authScopes: { role: ["MENTOR", "ADMIN", "SUPPORT"] },
    args: { mentorId: t.arg.id({ required: false, description: "Default: the viewer." }) },
    resolve: (query, _r, args, ctx) =>
      getDb().feeMultiplierChange.findMany({
        ...query,
        where: { AND: [accessibleBy(ctx.ability).ofType("FeeMultiplierChange"), { mentorId: args.mentorId ? String(args.mentorId) : ctx.viewer!.id }] },
        orderBy: [{ id: "desc" }],
      }),
  }),
);

const CalendarFeedRef = builder.objectRef<{ path: string; createdAt: Date }>("CalendarFeedUrl").implement({
  description: "The private iCalendar (.ics) URL of the viewer's sessions. Shown once; rotating it revokes the previous URL.",
  fields: (t) => ({
    url: t.string({ resolve: (f) => `${loadConfig().publicUrl}${f.path}` }),
    path: t.exposeString("path"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.queryField("calendarFeedCreatedAt", (t) =>
  t.field({
    type: "DateTime",
    nullable: true,
    description: "When the viewer's current calendar URL was made (null: none yet). The URL itself is only shown by rotateCalendarFeed.",
    authScopes: { authenticated: true },
    resolve: async (_r, _a, ctx) =>
      (await getDb().calendarFeed.findFirst({ where: { AND: [accessibleBy(ctx.ability).ofType("CalendarFeed"), { userId: ctx.viewer!.id }] } }))?.createdAt ?? null,
  }),
);

builder.mutationField("rotateCalendarFeed", (t) =>
  t.field({
    type: CalendarFeedRef,
    authScopes: { authenticated: true },
    resolve: (_r, _a, ctx) => rotateCalendarFeed(ctx.deps),
  }),
);
