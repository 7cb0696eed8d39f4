import { accessibleBy } from "@casl/prisma/runtime";
import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { notFound } from "../../lib/errors.js";
import { ComplaintInteraction, ReportCategory, ReportSource, ReportStatus } from "../../generated/prisma/enums.js";
import { fileReport } from "./reports.service.js";
import { reviewReport } from "./review.service.js";
import { FEATURE_NAMES } from "./features.js";

export const ReportCategoryEnum = builder.enumType(ReportCategory, {
  name: "ReportCategory",
  description: "RUDENESS: rudeness/indecency; DECEPTION: deception or unlawful advice; PRIVACY: recording without consent; OFF_PLATFORM: taking users off-platform or gaming the system; REVIEW_FAVOURS: reviews for favours or coupon begging.",
});
const ReportStatusEnum = builder.enumType(ReportStatus, { name: "ReportStatus" });
const ReportSourceEnum = builder.enumType(ReportSource, { name: "ReportSource" });
const ComplaintInteractionEnum = builder.enumType(ComplaintInteraction, { name: "ComplaintInteraction", description: "What verified a complaint: the reporter and the subject met in a session or a mentorship." });

const isStaff = (ctx: { viewer: { role: string } | null }) => ctx.viewer?.role === "ADMIN" || ctx.viewer?.role === "SUPPORT";

export const ReportRef = builder.prismaObject("Report", {
  description: "A report about a user. Reporters see their own reports; the reported user never sees who reported them.",
  fields: (t) => ({
    id: t.exposeID("id"),
    category: t.expose("category", { type: ReportCategoryEnum }),
    status: t.expose("status", { type: ReportStatusEnum }),
    source: t.expose("source", { type: ReportSourceEnum }),
    description: t.exposeString("description"),
    sessionId: t.exposeString("sessionId", { nullable: true }),
    messageId: t.exposeString("messageId", { nullable: true }),
    programId: t.exposeString("programId", { nullable: true }),
    subject: t.relation("subject"),
    // Row rules already limit reports to their reporter and staff; staff see the reporter.
    reporter: t.relation("reporter", { nullable: true, query: (_a, ctx) => ({ where: accessibleBy(ctx.ability).ofType("User") }) }),
    verifiedBy: t.expose("interactionKind", {
      type: ComplaintInteractionEnum,
      nullable: true,
      description: "The interaction between reporter and subject that verified this complaint when filed; null: no verified interaction (it counts toward a threshold only once upheld).",
    }),
    verifiedByInteractionId: t.exposeString("interactionId", { nullable: true, description: "The session or mentorship that verified it." }),
    verification: t.string({
      description: "The verification in words, for the review queue.",
      select: { interactionKind: true, source: true },
      resolve: (r) => (r.source === "DETECTOR" ? "filed by a detector" : r.interactionKind === "SESSION" ? "verified: a session between them" : r.interactionKind === "MENTORSHIP" ? "verified: a mentorship between them" : "no verified interaction"),
    }),
    detectorRule: t.exposeString("detectorRule", { nullable: true }),
    evidence: t.field({ type: "JSON", nullable: true, select: { evidence: true }, resolve: (r, _a, ctx) => (isStaff(ctx) ? r.evidence : null) }),
    decisionReason: t.exposeString("decisionReason", { nullable: true }),
    decidedAt: t.expose("decidedAt", { type: "DateTime", nullable: true }),
    reviewer: t.relation("reviewer", { nullable: true, query: (_a, ctx) => ({ where: accessibleBy(ctx.ability).ofType("User") }) }),
    enforcement: t.relation("enforcement", { nullable: true, query: (_a, ctx) => ({ where: accessibleBy(ctx.ability).ofType("Enforcement") }) }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.queryField("myReports", (t) =>
  t.prismaConnection({
    type: "Report",
    cursor: "id",
    authScopes: { authenticated: true },
    description: "Reports the viewer filed, with their status.",
    resolve: (query, _r, _a, ctx) =>
      getDb().report.findMany({ ...query, where: { AND: [accessibleBy(ctx.ability).ofType("Report"), { reporterId: ctx.viewer!.id }] }, orderBy: { id: "desc" } }),
  }),
);

const ReportFilter = builder.inputType("ReportFilter", {
  fields: (t) => ({
    status: t.field({ type: ReportStatusEnum, required: false }),
    category: t.field({ type: ReportCategoryEnum, required: false }),
    source: t.field({ type: ReportSourceEnum, required: false }),
    subjectId: t.id({ required: false, description: "Only reports about this user." }),
    reporterId: t.id({ required: false, description: "Only reports this user filed." }),
    verified: t.boolean({ required: false, description: "true: only complaints a verified interaction backs; false: only those without one (user reports)." }),
  }),
});

builder.queryField("reports", (t) =>
  t.prismaConnection({
    type: "Report",
    cursor: "id",
    authScopes: { role: ["ADMIN", "SUPPORT"] },
    description: "The review queue (oldest first).",
    args: { filter: t.arg({ type: ReportFilter, required: false }) },
    resolve: (query, _r, { filter }, ctx) =>
      getDb().report.findMany({
        ...query,
        where: {
          AND: [
            accessibleBy(ctx.ability).ofType("Report"),
            {
              status: filter?.status ?? undefined,
              category: filter?.category ?? undefined,
              source: filter?.source ?? undefined,
              subjectId: filter?.subjectId ? String(filter.subjectId) : undefined,
              reporterId: filter?.reporterId ? String(filter.reporterId) : undefined,
            },
            filter?.verified === true ? { interactionKind: { not: null } } : filter?.verified === false ? { interactionKind: null, source: "USER" } : {},
          ],
        },
        orderBy: { id: "asc" },
      }),
  }),
);

builder.queryField("report", (t) =>
  t.prismaField({
    type: "Report",
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _r, { id }, ctx) => {
      const row = await getDb().report.findFirst({ ...query, where: { AND: [accessibleBy(ctx.ability).ofType("Report"), { id: String(id) }] } });
      if (!row) throw notFound("Report", String(id));
      return row;
    },
  }),
);

const FileReportInput = builder.inputType("FileReportInput", {
  fields: (t) => ({
    subjectId: t.id({ required: true }),
    category: t.field({ type: ReportCategoryEnum, required: true }),
    description: t.string({ required: false }),
    sessionId: t.id({ required: false }),
    messageId: t.id({ required: false }),
    programId: t.id({ required: false }),
  }),
});

const opt = <T>(v: T | null | undefined) => (v === null || v === undefined ? undefined : String(v));

builder.mutationField("fileReport", (t) =>
  t.field({
    type: ReportRef,
    authScopes: { authenticated: true },
    description: "Report a user. Filing the same report twice (same subject, category and session) returns the first one.",
    args: { input: t.arg({ type: FileReportInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      fileReport(
        ctx.deps,
        {
          subjectId: String(input.subjectId),
          category: input.category,
          description: input.description ?? undefined,
          sessionId: opt(input.sessionId),
          messageId: opt(input.messageId),
          programId: opt(input.programId),
        },
        { ip: ctx.ip },
      ),
  }),
);

export const ReviewDecision = builder.enumType("ReviewDecision", { values: ["UPHOLD", "DISMISS"] as const });
export const ReviewAction = builder.enumType("ReviewAction", {
  values: ["LADDER", "NONE", "WARNING", "STRIKE", "BAN"] as const,
  description: "LADDER takes the next step of Warning -> Strike -> Ban; a higher step skips steps for severity; NONE records the finding only.",
});
export const EnforcementScopeEnum = builder.enumType("EnforcementScope", { values: ["ACCOUNT", "FEATURE", "PROGRAM"] as const });

export const ReviewReportInput = builder.inputType("ReviewReportInput", {
  fields: (t) => ({
    reportId: t.id({ required: true }),
    decision: t.field({ type: ReviewDecision, required: true }),
    reason: t.string({ required: true }),
    action: t.field({ type: ReviewAction, required: false }),
    scope: t.field({ type: EnforcementScopeEnum, required: false }),
    feature: t.string({ required: false, description: `One of: ${FEATURE_NAMES.join(", ")}` }),
    programId: t.id({ required: false }),
  }),
});

/** The service's input from the GraphQL one (the decision and its preview take the same). */
export const reviewArgs = (input: typeof ReviewReportInput.$inferInput) => ({
  reportId: String(input.reportId),
  decision: input.decision,
  reason: input.reason,
  action: input.action ?? undefined,
  scope: input.scope ?? undefined,
  feature: input.feature ?? undefined,
  programId: opt(input.programId),
});

builder.mutationField("reviewReport", (t) =>
  t.field({
    type: ReportRef,
    authScopes: { role: ["ADMIN", "SUPPORT"] },
    args: { input: t.arg({ type: ReviewReportInput, required: true }) },
    resolve: (_r, { input }, ctx) => reviewReport(ctx.deps, reviewArgs(input)),
  }),
);
