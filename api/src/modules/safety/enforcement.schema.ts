import { accessibleBy } from "@casl/prisma/runtime";
import { subject as asSubject } from "@casl/ability";
import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { notFound } from "../../lib/errors.js";
import { EnforcementKind, EnforcementOrigin } from "../../generated/prisma/enums.js";
import { suspensionFromReason } from "../../authz/suspension-reason.js";
import { ViewerRef } from "../auth/index.js";
import { issueEnforcement } from "./enforcement.service.js";
import { currentPolicy } from "../policy/index.js";
import { standingOf, type Standing } from "./standing-view.service.js";
import { ReportCategoryEnum, EnforcementScopeEnum } from "./reports.schema.js";
import { FEATURE_NAMES } from "./features.js";

export const EnforcementKindEnum = builder.enumType(EnforcementKind, { name: "EnforcementKind" });
export const EnforcementOriginEnum = builder.enumType(EnforcementOrigin, { name: "EnforcementOrigin" });
const LadderStepEnum = builder.enumType("LadderStep", { values: ["WARNING", "STRIKE", "BAN"] as const });

export const EnforcementRef = builder.prismaObject("Enforcement", {
  description: "A warning, strike, suspension or ban, with the policy version in force when it was issued.",
  fields: (t) => ({
    id: t.exposeID("id"),
    user: t.relation("user"),
    kind: t.expose("kind", { type: EnforcementKindEnum }),
    scope: t.expose("scope", { type: EnforcementScopeEnum }),
    feature: t.exposeString("feature", { nullable: true }),
    program: t.relation("program", { nullable: true }),
    category: t.expose("category", { type: ReportCategoryEnum, nullable: true }),
    origin: t.expose("origin", { type: EnforcementOriginEnum }),
    reason: t.exposeString("reason"),
    startsAt: t.expose("startsAt", { type: "DateTime" }),
    endsAt: t.expose("endsAt", { type: "DateTime", nullable: true, description: "End of a suspension; null for bans (permanent) and warnings." }),
    dropsOutAt: t.expose("countsUntil", { type: "DateTime", nullable: true, description: "When this step stops counting on the ladder (rolling window)." }),
    appealDeadline: t.expose("appealDeadline", { type: "DateTime" }),
    policyVersion: t.exposeInt("policyVersion"),
    policyValues: t.field({ type: "JSON", select: { policyValues: true }, resolve: (e) => e.policyValues }),
    issuedBy: t.relation("issuedBy", { nullable: true, query: (_a, ctx) => ({ where: accessibleBy(ctx.ability).ofType("User") }) }),
    overturnedAt: t.expose("overturnedAt", { type: "DateTime", nullable: true }),
    overturnReason: t.exposeString("overturnReason", { nullable: true }),
    appeal: t.relation("appeal", { nullable: true, query: (_a, ctx) => ({ where: accessibleBy(ctx.ability).ofType("Appeal") }) }),
    // Only reports the viewer may read: the enforced user never learns who reported them.
    reports: t.relation("reviewReports", { query: (_a, ctx) => ({ where: accessibleBy(ctx.ability).ofType("Report") }) }),
    thresholdReports: t.relation("thresholdReports", { query: (_a, ctx) => ({ where: accessibleBy(ctx.ability).ofType("Report") }) }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const ComplaintStandingRef = builder.objectRef<Standing["complaints"][number]>("ComplaintStanding").implement({
  description:
    "One automatic complaint threshold: distinct complainants not yet acted on inside the complaint window. Only verified complainants (a live or ended session, or an active mentorship, with the user) and upheld complaints count; unverified ones wait for review.",
  fields: (t) => ({
    category: t.expose("category", { type: ReportCategoryEnum }),
    threshold: t.exposeInt("threshold"),
    counted: t.exposeInt("counted", { description: "verified + upheldUnverified" }),
    verified: t.exposeInt("verified"),
    upheldUnverified: t.exposeInt("upheldUnverified", { description: "Complainants without a verified interaction whose complaint staff upheld." }),
    unverifiedPending: t.exposeInt("unverifiedPending", { description: "Complainants without a verified interaction, waiting for review; they do not count." }),
    windowDays: t.exposeInt("windowDays"),
  }),
});

const StandingRef = builder.objectRef<Standing>("Standing").implement({
  description: "Trust & safety standing: active strikes with drop-out dates, suspensions with end dates, appeal deadlines.",
  fields: (t) => ({
    status: t.exposeString("status"),
    warnings: t.field({ type: [EnforcementRef], resolve: (s) => s.warnings }),
    activeStrikes: t.field({ type: [EnforcementRef], resolve: (s) => s.activeStrikes }),
    suspensions: t.field({ type: [EnforcementRef], description: "Active suspensions (account, feature and program) and temporary bans.", resolve: (s) => s.suspensions }),
    ban: t.field({ type: EnforcementRef, nullable: true, resolve: (s) => s.ban }),
    appealable: t.field({ type: [EnforcementRef], description: "Enforcements that can still be appealed (see appealDeadline).", resolve: (s) => s.appealable }),
    nextStep: t.field({ type: LadderStepEnum, description: "What the next upheld violation would bring.", resolve: (s) => s.nextStep }),
    complaints: t.field({
      type: [ComplaintStandingRef],
      nullable: true,
      description: "Complaint thresholds (rudeness, deception, privacy) as they stand. Staff only (null for others): open complaints are not disclosed to their subject.",
      resolve: (s, _a, ctx) => (ctx.viewer?.role === "ADMIN" || ctx.viewer?.role === "SUPPORT" ? s.complaints : null),
    }),
  }),
});

builder.objectField(ViewerRef, "standing", (t) =>
  t.field({ type: StandingRef, resolve: (v, _a, ctx) => standingOf(getDb(), v.id, ctx.deps.clock.now()) }),
);

builder.queryField("userStanding", (t) =>
  t.field({
    type: StandingRef,
    authScopes: { role: ["ADMIN", "SUPPORT"] },
    args: { userId: t.arg.id({ required: true }) },
    resolve: async (_r, { userId }, ctx) => {
      const u = await getDb().user.findUnique({ where: { id: String(userId) }, select: { id: true } });
      if (!u) throw notFound("User", String(userId));
      return standingOf(getDb(), u.id, ctx.deps.clock.now());
    },
  }),
);

const EnforcementFilter = builder.inputType("EnforcementFilter", {
  fields: (t) => ({
    userId: t.id({ required: false }),
    kind: t.field({ type: EnforcementKindEnum, required: false }),
    includeOverturned: t.boolean({ required: false }),
  }),
});

builder.queryField("enforcements", (t) =>
  t.prismaConnection({
    type: "Enforcement",
    cursor: "id",
    authScopes: { authenticated: true },
    description: "Staff see every enforcement; everyone else sees their own.",
    args: { filter: t.arg({ type: EnforcementFilter, required: false }) },
    resolve: (query, _r, { filter }, ctx) =>
      getDb().enforcement.findMany({
        ...query,
        where: {
          AND: [
            accessibleBy(ctx.ability).ofType("Enforcement"),
            { userId: filter?.userId ? String(filter.userId) : undefined, kind: filter?.kind ?? undefined },
            filter?.includeOverturned ? {} : { overturnedAt: null },
          ],
        },
        orderBy: { id: "desc" },
      }),
  }),
);

const IssueKind = builder.enumType("IssueEnforcementKind", { values: ["WARNING", "STRIKE", "BAN"] as const });
const IssueEnforcementInput = builder.inputType("IssueEnforcementInput", {
  fields: (t) => ({
    userId: t.id({ required: true }),
    kind: t.field({ type: IssueKind, required: true, description: "Staff may skip ladder steps for severity (seed 003)." }),
    scope: t.field({ type: EnforcementScopeEnum, required: false }),
    feature: t.string({ required: false, description: `One of: ${FEATURE_NAMES.join(", ")}` }),
    programId: t.id({ required: false }),
    category: t.field({ type: ReportCategoryEnum, required: false }),
    reason: t.string({ required: true }),
    idempotencyKey: t.string({ required: false, description: "Retrying with the same key enforces once." }),
  }),
});

builder.mutationField("issueEnforcement", (t) =>
  t.field({
    type: EnforcementRef,
    authScopes: { role: ["ADMIN", "SUPPORT"] },
    args: { input: t.arg({ type: IssueEnforcementInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      issueEnforcement(ctx.deps, {
        userId: String(input.userId),
        kind: input.kind,
        scope: input.scope ?? undefined,
        feature: input.feature ?? undefined,
        programId: input.programId ? String(input.programId) : undefined,
        category: input.category ?? undefined,
        reason: input.reason,
        idempotencyKey: input.idempotencyKey ?? undefined,
      }),
  }),
);

// Seed 003: a disabled feature tells the user why. The program page asks this of the viewer.
const FeatureSuspensionRef = builder.objectRef<{ reason: string; endsAt: string | null; enforcementId: string }>("FeatureSuspension").implement({
  fields: (t) => ({
    enforcementId: t.exposeID("enforcementId"),
    reason: t.exposeString("reason"),
    endsAt: t.field({ type: "DateTime", nullable: true, resolve: (s) => (s.endsAt ? new Date(s.endsAt) : null) }),
  }),
});

builder.prismaObjectField("Program", "featureSuspension", (t) =>
  t.field({
    type: FeatureSuspensionRef,
    nullable: true,
    description: "Set when this program's features are suspended for the viewer (program-scoped enforcement).",
    select: { id: true },
    resolve: (p, _a, ctx) => {
      const rule = ctx.ability.relevantRuleFor("join", asSubject("Program", { id: p.id }) as never);
      const s = rule?.inverted ? suspensionFromReason(rule.reason) : undefined;
      return s ? { reason: String(s.details.reason), endsAt: (s.details.endsAt as string | null) ?? null, enforcementId: String(s.details.enforcementId) } : null;
    },
  }),
);

// Seed 000: upheld rudeness shows on the mentor's rating.
builder.prismaObjectField("MentorProfile", "upheldConductComplaints", (t) =>
  t.int({
    description: "Upheld rudeness/indecency complaints inside the complaint window (shown with the rating).",
    select: { userId: true },
    resolve: async (p, _a, ctx) => {
      const { values } = await currentPolicy(getDb());
      const since = new Date(ctx.deps.clock.now().getTime() - values.safety.complaintWindowDays * 86_400_000);
      return getDb().report.count({ where: { subjectId: p.userId, category: "RUDENESS", status: "UPHELD", createdAt: { gte: since } } });
    },
  }),
);
