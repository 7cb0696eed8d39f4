import { accessibleBy } from "@casl/prisma/runtime";
import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { notFound } from "../../lib/errors.js";
import { endMentorship, startMentorship } from "./mentorships.service.js";
import { GOAL_PROGRESS_SELECT, mentorshipFraction, percent } from "./progress.service.js";

export const MentorshipStatusEnum = builder.enumType("MentorshipStatus", { values: ["PENDING", "ACTIVE", "COMPLETED", "ENDED", "DECLINED", "EXPIRED"] as const });
export const MentorshipPartyEnum = builder.enumType("MentorshipParty", { values: ["MENTOR", "MENTEE"] as const });

export const dayString = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export const MentorshipRef = builder.prismaObject("Mentorship", {
  description: "A mentor-mentee relationship (optionally within a program): agreements, goals, tasks and check-ins hang on it.",
  fields: (t) => ({
    id: t.exposeID("id"),
    mentor: t.relation("mentor"),
    mentee: t.relation("mentee"),
    programId: t.exposeID("programId", { nullable: true }),
    status: t.expose("status", { type: MentorshipStatusEnum }),
    startedBy: t.expose("startedBy", { type: MentorshipPartyEnum }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    endedAt: t.expose("endedAt", { type: "DateTime", nullable: true }),
    endReason: t.exposeString("endReason", { nullable: true }),
    mentorAcceptedAt: t.expose("mentorAcceptedAt", { type: "DateTime", nullable: true }),
    menteeAcceptedAt: t.expose("menteeAcceptedAt", { type: "DateTime", nullable: true }),
    activatedAt: t.expose("activatedAt", { type: "DateTime", nullable: true, description: "When both sides had accepted the request." }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", nullable: true, description: "A pending request lapses at this time." }),
    agreements: t.relation("agreements", {
      description: "Every version, newest first.",
      query: (_a, ctx) => ({ where: accessibleBy(ctx.ability).ofType("MentorshipAgreement"), orderBy: { version: "desc" } }),
    }),
    currentAgreement: t.prismaField({
      type: "MentorshipAgreement",
      nullable: true,
      description: "The version both parties accepted that is in force (or completed last), if any.",
      resolve: (query, m, _a, ctx) =>
        getDb().mentorshipAgreement.findFirst({
          ...query,
          where: { AND: [accessibleBy(ctx.ability).ofType("MentorshipAgreement"), { mentorshipId: m.id, status: { in: ["ACCEPTED", "COMPLETED"] } }] },
          orderBy: { version: "desc" },
        }),
    }),
    goals: t.relation("goals", { query: (_a, ctx) => ({ where: accessibleBy(ctx.ability).ofType("Goal"), orderBy: { createdAt: "asc" } }) }),
    tasks: t.relation("tasks", { query: (_a, ctx) => ({ where: accessibleBy(ctx.ability).ofType("Task"), orderBy: { createdAt: "asc" } }) }),
    progressPercent: t.int({
      description: "Derived: the mean of its goals (abandoned ones excluded); each goal from its milestones or tasks.",
      select: { goals: { select: GOAL_PROGRESS_SELECT } },
      resolve: (m) => percent(mentorshipFraction(m.goals)),
    }),
  }),
});

builder.queryField("myMentorships", (t) =>
  t.prismaField({
    type: ["Mentorship"],
    authScopes: { authenticated: true },
    description: "Mentorships the viewer is a party of.",
    resolve: (query, _r, _a, ctx) =>
      getDb().mentorship.findMany({
        ...query,
        where: { AND: [accessibleBy(ctx.ability).ofType("Mentorship"), { OR: [{ mentorId: ctx.viewer!.id }, { menteeId: ctx.viewer!.id }] }] },
        orderBy: { createdAt: "desc" },
      }),
  }),
);

const MentorshipFilter = builder.inputType("MentorshipFilter", {
  fields: (t) => ({ status: t.field({ type: MentorshipStatusEnum, required: false }), userId: t.id({ required: false }) }),
});

builder.queryField("mentorships", (t) =>
  t.prismaConnection({
    type: "Mentorship",
    cursor: "id",
    authScopes: { role: ["ADMIN", "SUPPORT"] },
    description: "Every mentorship, for staff.",
    args: { filter: t.arg({ type: MentorshipFilter, required: false }) },
    resolve: (query, _r, { filter }, ctx) =>
      getDb().mentorship.findMany({
        ...query,
        where: {
          AND: [
            accessibleBy(ctx.ability).ofType("Mentorship"),
            { status: filter?.status ?? undefined },
            filter?.userId ? { OR: [{ mentorId: String(filter.userId) }, { menteeId: String(filter.userId) }] } : {},
          ],
        },
        orderBy: { id: "desc" },
      }),
  }),
);

builder.queryField("mentorship", (t) =>
  t.prismaField({
    type: "Mentorship",
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _r, { id }, ctx) => {
      const m = await getDb().mentorship.findFirst({ ...query, where: { AND: [accessibleBy(ctx.ability).ofType("Mentorship"), { id: String(id) }] } });
      if (!m) throw notFound("Mentorship", String(id));
      return m;
    },
  }),
);

const StartMentorshipInput = builder.inputType("StartMentorshipInput", {
  description: "A mentee names the mentor, a mentor names the mentee; staff name both.",
  fields: (t) => ({ mentorId: t.id({ required: false }), menteeId: t.id({ required: false }), programId: t.id({ required: false }) }),
});

const opt = (v: unknown) => (v === null || v === undefined ? undefined : String(v));

builder.mutationField("startMentorship", (t) =>
  t.field({
    type: MentorshipRef,
    authScopes: { role: ["MENTOR", "MENTEE", "ADMIN", "SUPPORT"] },
    args: { input: t.arg({ type: StartMentorshipInput, required: true }) },
    resolve: (_r, { input }, ctx) => startMentorship(ctx.deps, { mentorId: opt(input.mentorId), menteeId: opt(input.menteeId), programId: opt(input.programId) }),
  }),
);

const EndMentorshipInput = builder.inputType("EndMentorshipInput", {
  fields: (t) => ({ mentorshipId: t.id({ required: true }), reason: t.string({ required: true }) }),
});

builder.mutationField("endMentorship", (t) =>
  t.field({
    type: MentorshipRef,
    authScopes: { authenticated: true },
    description: "Either party or staff ends a mentorship early.",
    args: { input: t.arg({ type: EndMentorshipInput, required: true }) },
    resolve: (_r, { input }, ctx) => endMentorship(ctx.deps, { mentorshipId: String(input.mentorshipId), reason: input.reason }),
  }),
);
