import { accessibleBy } from "@casl/prisma/runtime";
import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { answerCheckIn, mentorshipHealth, type Health } from "./checkins.service.js";

const TriggerEnum = builder.enumType("CheckInTrigger", { values: ["SESSIONS", "WEEKS"] as const });
const PartyEnum = builder.enumType("CheckInParty", { values: ["MENTOR", "MENTEE"] as const });
const isStaff = (ctx: { viewer: { role: string } | null }) => ctx.viewer?.role === "ADMIN" || ctx.viewer?.role === "SUPPORT";

const CheckInResponseRef = builder.prismaObject("CheckInResponse", {
  fields: (t) => ({
    id: t.exposeID("id"),
    party: t.expose("party", { type: PartyEnum }),
    score: t.exposeInt("score"),
    comment: t.exposeString("comment"),
    answeredAt: t.expose("answeredAt", { type: "DateTime" }),
  }),
});

builder.prismaObject("MentorshipCheckIn", {
  description: "A regular feedback check-in (every N sessions or weeks, policy feedback.*).",
  fields: (t) => ({
    id: t.exposeID("id"),
    mentorshipId: t.exposeID("mentorshipId"),
    sequence: t.exposeInt("sequence"),
    trigger: t.expose("trigger", { type: TriggerEnum }),
    sessionCount: t.exposeInt("sessionCount"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    responses: t.relation("responses", {
      description: "Parties see their own answer; staff see both.",
      query: (_a, ctx) => ({ where: accessibleBy(ctx.ability).ofType("CheckInResponse"), orderBy: { answeredAt: "asc" } }),
    }),
    answeredByMe: t.boolean({
      select: (_a, ctx) => ({ responses: { where: { userId: ctx.viewer?.id ?? "-" }, select: { id: true } } }),
      resolve: (c) => c.responses.length > 0,
    }),
  }),
});

const HealthRef = builder.objectRef<Health>("MentorshipHealth").implement({
  description: "Staff health signal from check-in answers.",
  fields: (t) => ({
    responses: t.exposeInt("responses"),
    averageScore: t.float({ nullable: true, resolve: (h) => h.averageScore }),
    lastScore: t.int({ nullable: true, resolve: (h) => h.lastScore }),
    lowScores: t.exposeInt("lowScores", { description: "Answers scoring 1 or 2." }),
    unansweredCheckIns: t.exposeInt("unansweredCheckIns"),
  }),
});

builder.prismaObjectField("Mentorship", "checkIns", (t) =>
  t.relation("checkIns", { query: (_a, ctx) => ({ where: accessibleBy(ctx.ability).ofType("MentorshipCheckIn"), orderBy: { sequence: "desc" } }) }),
);

builder.prismaObjectField("Mentorship", "health", (t) =>
  t.field({
    type: HealthRef,
    nullable: true,
    description: "Staff only (null for the parties): the check-in answers as a health signal.",
    select: { id: true },
    resolve: (m, _a, ctx) => (isStaff(ctx) ? mentorshipHealth(getDb(), m.id) : null),
  }),
);

const AnswerCheckInInput = builder.inputType("AnswerCheckInInput", {
  fields: (t) => ({ checkInId: t.id({ required: true }), score: t.int({ required: true, description: "How it is going, 1 to 5" }), comment: t.string({ required: false }) }),
});

builder.mutationField("answerCheckIn", (t) =>
  t.field({
    type: CheckInResponseRef,
    authScopes: { role: ["MENTOR", "MENTEE"] },
    description: "Each party answers a check-in once.",
    args: { input: t.arg({ type: AnswerCheckInInput, required: true }) },
    resolve: (_r, { input: i }, ctx) => answerCheckIn(ctx.deps, { checkInId: String(i.checkInId), score: i.score, comment: i.comment ?? undefined }),
  }),
);
