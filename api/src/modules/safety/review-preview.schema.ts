// The consequence of a report decision, shown to staff before they confirm it.
import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { MoneyRef } from "../money/index.js";
import { reportDecisionPreview, type DecisionPreview, type PlannedEnforcement, type SessionToCancel } from "./review-preview.service.js";
import { EnforcementScopeEnum, ReportCategoryEnum, ReviewDecision, ReviewReportInput, reviewArgs } from "./reports.schema.js";
import { EnforcementKindEnum, EnforcementOriginEnum } from "./enforcement.schema.js";

const PlannedEnforcementRef = builder.objectRef<PlannedEnforcement>("PlannedEnforcement").implement({
  description: "An enforcement a decision would issue (not issued yet).",
  fields: (t) => ({
    kind: t.expose("kind", { type: EnforcementKindEnum }),
    scope: t.expose("scope", { type: EnforcementScopeEnum }),
    feature: t.exposeString("feature", { nullable: true }),
    programId: t.exposeString("programId", { nullable: true }),
    category: t.expose("category", { type: ReportCategoryEnum, nullable: true }),
    origin: t.expose("origin", { type: EnforcementOriginEnum, description: "REVIEW: the decision itself; THRESHOLD: a complaint threshold the upheld report completes." }),
    reason: t.exposeString("reason", { description: "As the user will read it." }),
    endsAt: t.expose("endsAt", { type: "DateTime", nullable: true, description: "End of a suspension; null for bans (permanent) and warnings." }),
    appealDeadline: t.expose("appealDeadline", { type: "DateTime" }),
  }),
});

const userById = (id: (s: SessionToCancel) => string) => ({
  type: "User" as const,
  resolve: (query: object, s: SessionToCancel) => getDb().user.findUniqueOrThrow({ ...query, where: { id: id(s) } }),
});

const SessionToCancelRef = builder.objectRef<SessionToCancel>("SessionToCancel").implement({
  description: "A booking the decision would cancel, with the refund its mentee would get.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "The session's id." }),
    startsAt: t.expose("startsAt", { type: "DateTime" }),
    mentor: t.prismaField(userById((s) => s.mentorId)),
    mentee: t.prismaField(userById((s) => s.menteeId)),
    refund: t.field({ type: MoneyRef, description: "Refunded in full to the mentee (what is still refundable of the charge).", resolve: (s) => ({ amountMinor: s.refundMinor, currency: s.currency }) }),
  }),
});

const ReportDecisionPreviewRef = builder.objectRef<DecisionPreview>("ReportDecisionPreview").implement({
  description: "What reviewReport would do with the same input, computed by rehearsing it (nothing is written).",
  fields: (t) => ({
    reportId: t.exposeID("reportId"),
    decision: t.expose("decision", { type: ReviewDecision }),
    enforcements: t.field({ type: [PlannedEnforcementRef], description: "In the order they would be issued; empty: none.", resolve: (p) => p.enforcements }),
    sessionsToCancel: t.field({ type: [SessionToCancelRef], resolve: (p) => p.sessionsToCancel }),
    refundTotals: t.field({ type: [MoneyRef], description: "The refunds summed per currency (one in practice); empty: nothing refunded.", resolve: (p) => p.refundTotals }),
  }),
});

builder.queryField("reportDecisionPreview", (t) =>
  t.field({
    type: ReportDecisionPreviewRef,
    // Whoever may take the decision may preview it; the command's own check (review Report) runs too.
    authScopes: { role: ["ADMIN", "SUPPORT"] },
    description: "Dry run of reviewReport: the enforcement, the bookings cancelled and the refunds the same input would cause. Changes nothing.",
    args: { input: t.arg({ type: ReviewReportInput, required: true }) },
    resolve: (_r, { input }, ctx) => reportDecisionPreview(ctx.deps, reviewArgs(input)),
  }),
);
