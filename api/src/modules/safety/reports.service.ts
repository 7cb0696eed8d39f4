// Reports: anyone reports anyone (seed 003); duplicates count once; support reviews every report.
// A report records the interaction that verified it (see complainants.ts) and the client address.
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import type { DbTx } from "../../lib/db.js";
import type { Actor } from "../../authz/viewer.js";
import { DomainError, notFound } from "../../lib/errors.js";
import { parseInput, zId } from "../../lib/validate.js";
import { assertCan } from "../../authz/assert.js";
import type { Report } from "../../generated/prisma/client.js";
import { ReportCategory } from "../../generated/prisma/enums.js";
import { recordAudit } from "../audit/index.js";
import { enqueueNotices } from "../notifications/index.js";
import { currentPolicy, type PolicyInForce, countContent } from "../policy/index.js";
import { getPlatform } from "../platform/index.js";
import { FEATURE_NAMES } from "./features.js";
import { categoryText } from "./notices.js";
import {
  applyEnforcementTx,
  evaluateThreshold,
  inTransaction,
  isThresholdCategory,
  isUniqueViolation,
  ladderHistory,
  nextStep,
  STEP_RANK,
  THRESHOLD_RULES,
  type Effects,
} from "./enforcement.service.js";
import { verifiedInteraction } from "./complainants.js";
import { BRIGADING_RULE, detectBrigading } from "./brigading.js";

const CATEGORIES = Object.values(ReportCategory) as [ReportCategory, ...ReportCategory[]];

const fileInput = z.object({
  subjectId: zId,
  category: z.enum(CATEGORIES),
  description: z.string().trim().max(5000).default(""),
  sessionId: zId.optional(),
  messageId: zId.optional(),
  programId: zId.optional(),
});

/** Same reporter, subject, category and session: one report (seed: duplicates count once). */
export const reportDedupeKey = (reporterId: string, subjectId: string, category: string, sessionId?: string | null) =>
  `user:${reporterId}:${subjectId}:${category}:${sessionId ?? "-"}`;

/** The first address of an X-Forwarded-For list, bounded (a signal for the brigading detector). */
const clientAddress = (ip?: string | null) => ip?.split(",")[0]?.trim().slice(0, 100) || null;

export async function fileReport(deps: ServiceDeps, input: unknown, meta: { ip?: string | null } = {}): Promise<Report> {
  const data = parseInput(fileInput, input);
  if (deps.actor?.kind !== "USER") throw new DomainError("UNAUTHENTICATED", "Sign in first");
  const reporter = deps.actor;
  assertCan(deps.ability, "create", "Report");
  if (reporter.id === data.subjectId) throw new DomainError("BAD_USER_INPUT", "You cannot report yourself", { fields: { subjectId: "is yourself" } });
  await countContent(deps, "report", reporter.id);
  const dedupeKey = reportDedupeKey(reporter.id, data.subjectId, data.category, data.sessionId);
  let created = false;
  let report: Report;
  try {
    report = await inTransaction(deps, async (tx, fx) => {
      const existing = await tx.report.findUnique({ where: { dedupeKey } });
      if (existing) return existing;
      const subject = await tx.user.findUnique({ where: { id: data.subjectId }, select: { id: true } });
      if (!subject) throw notFound("User", data.subjectId);
      if (data.programId && !(await tx.program.findUnique({ where: { id: data.programId }, select: { id: true } }))) throw notFound("Program", data.programId);
      const now = deps.clock.now();
      const { values } = await currentPolicy(tx);
      // Verified once, when filed, under the policy then in force: the report keeps what verified it.
      const rule = isThresholdCategory(data.category) ? THRESHOLD_RULES[data.category] : null;
      const interaction = await verifiedInteraction(tx, {
        reporterId: reporter.id,
        subjectId: data.subjectId,
        direction: rule?.reporters === "MENTEE" ? "MENTEE_OF_SUBJECT" : "EITHER",
        at: now,
        values: values.safety,
      });
      const r = await tx.report.create({
        data: {
          ...data,
          reporterId: reporter.id,
          reporterRole: reporter.role,
          dedupeKey,
          interactionKind: interaction?.kind ?? null,
          interactionId: interaction?.id ?? null,
          reporterIp: clientAddress(meta.ip),
          createdAt: now,
        },
      });
      created = true;
      fx.feed.push({ kind: "REPORT_FILED", id: r.id });
      return r;
    });
  } catch (e) {
    // Two identical reports at once: the unique key lets one through; the other gets it back.
    if (!isUniqueViolation(e)) throw e;
    report = await deps.db.report.findUniqueOrThrow({ where: { dedupeKey } });
  }
  if (created && isThresholdCategory(report.category)) {
    const policy = await currentPolicy(deps.db);
    if (policy.values.safety.countReports === "NOT_DISMISSED") await evaluateThreshold(deps, report.subjectId, report.category);
  }
  if (created && !report.interactionKind) await detectBrigading(deps, report.subjectId);
  return report;
}

// ---------------------------------------------------------------------------------------------

const reviewInput = z
  .object({
    reportId: zId,
    decision: z.enum(["UPHOLD", "DISMISS"]),
    reason: z.string().trim().min(3, "say why").max(2000),
    /** Upheld: LADDER takes the next step; a higher step skips for severity; NONE records only. */
    action: z.enum(["LADDER", "NONE", "WARNING", "STRIKE", "BAN"]).default("LADDER"),
    scope: z.enum(["ACCOUNT", "FEATURE", "PROGRAM"]).default("ACCOUNT"),
    feature: z.enum(FEATURE_NAMES as [string, ...string[]]).optional(),
    programId: zId.optional(),
  })
  .refine((d) => d.scope !== "FEATURE" || !!d.feature, { path: ["feature"], message: "is required for a feature-scoped action" })
  .refine((d) => d.scope !== "PROGRAM" || !!d.programId, { path: ["programId"], message: "is required for a program-scoped action" });

export async function reviewReport(deps: ServiceDeps, input: unknown): Promise<Report> {
  const data = parseInput(reviewInput, input);
  assertCan(deps.ability, "review", "Report", undefined, "Only trust & safety staff review reports");
  if (deps.actor?.kind !== "USER") throw new DomainError("UNAUTHENTICATED", "Sign in first");
  const reviewer = deps.actor;
  const report = await inTransaction(deps, async (tx, fx) => {
    const now = deps.clock.now();
    const before = await tx.report.findUnique({ where: { id: data.reportId } });
    if (!before) throw notFound("Report", data.reportId);
    if (before.subjectId === reviewer.id) throw new DomainError("FORBIDDEN", "You cannot review a report about yourself");
    const status = data.decision === "UPHOLD" ? "UPHELD" : "DISMISSED";
    // Claim: only an open report is decided, once; a retry of the same decision returns it.
    const claimed = await tx.report.updateMany({
      where: { id: before.id, status: "OPEN" },
      data: { status, reviewerId: reviewer.id, decisionReason: data.reason, decidedAt: now },
    });
    if (!claimed.count) {
      if (before.status === status) return before;
      throw new DomainError("CONFLICT", `This report was already ${before.status.toLowerCase()}`);
    }
    const policy = await currentPolicy(tx);
    let ladder: Record<string, unknown> = {};
    if (status === "UPHELD") {
      if (before.category === "RUDENESS") ladder.feeMultiplier = await penaliseFee(tx, before, policy, now, reviewer, deps.requestId, fx);
      // A brigading report is about the accounts that filed the burst, not its subject: upholding
      // it records the finding; staff act on those accounts separately.
      if (data.action !== "NONE" && before.detectorRule !== BRIGADING_RULE) {
        const step = nextStep(await ladderHistory(tx, before.subjectId, now), policy.values.safety);
        const kind = data.action === "LADDER" ? step : data.action;
        ladder = { ...ladder, ladderStep: step, applied: kind, skipped: STEP_RANK[kind] > STEP_RANK[step] };
        await applyEnforcementTx(
          tx,
          { actor: reviewer, now, requestId: deps.requestId, policy },
          {
            userId: before.subjectId,
            kind,
            scope: data.scope,
            feature: data.feature,
            programId: data.programId ?? before.programId,
            category: before.category,
            origin: "REVIEW",
            reason: `${capitalFirst(categoryText(before.category))}: ${data.reason}`,
            dedupeKey: `review:${before.id}`,
            reviewReportIds: [before.id],
            auditExtra: { reportId: before.id, ...ladder },
          },
          fx,
        );
      }
    }
    fx.audits.push(
      await recordAudit(tx, reviewer, { action: `safety.report.${status.toLowerCase()}`, subjectType: "Report", subjectId: before.id, before: { status: before.status }, after: { status, ...ladder }, reason: data.reason }, deps.requestId),
    );
    if (before.reporterId) {
      const terms = await getPlatform(tx);
      // The reporter learns the outcome of their report, in-app (never who else reported).
      fx.notices.push(
        ...(await enqueueNotices(
          tx,
          [
            {
              userId: before.reporterId,
              kind: "safety.reportReviewed",
              subject: `Your report was reviewed`,
              body: `${terms.platformName} Trust & Safety reviewed your report (${categoryText(before.category)}). Outcome: ${status === "UPHELD" ? "upheld, action taken" : "dismissed"}.`,
              payload: { reportId: before.id, status },
              dedupeKey: `report:${before.id}:reviewed`,
              channels: ["IN_APP"],
            },
          ],
          now,
        )),
      );
    }
    fx.feed.push({ kind: "REPORT_REVIEWED", id: before.id });
    return tx.report.findUniqueOrThrow({ where: { id: before.id } });
  });
  // An upheld complaint counts in every mode (an unverified one only from now on).
  if (report.status === "UPHELD" && report.source === "USER" && isThresholdCategory(report.category)) await evaluateThreshold(deps, report.subjectId, report.category);
  return report;
}

const capitalFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Seed 000: upheld rudeness/indecency lowers the mentor's future fees. Written into the same
 * explainable multiplier history as tardiness (FeeMultiplierChange, rule UPHELD_COMPLAINT).
 */
async function penaliseFee(tx: DbTx, report: Report, policy: PolicyInForce, now: Date, actor: Actor, requestId: string | undefined, fx: Effects) {
  const profile = await tx.mentorProfile.findUnique({ where: { userId: report.subjectId }, select: { feeMultiplierBps: true } });
  if (!profile) return null;
  const step = policy.values.safety.upheldRudenessPenaltyBps;
  const toBps = Math.max(policy.values.tardiness.multiplierFloorBps, profile.feeMultiplierBps - step);
  if (toBps === profile.feeMultiplierBps) return { fromBps: toBps, toBps, atFloor: true };
  // Conditional on the value read, so a concurrent tardiness change is not overwritten.
  const res = await tx.mentorProfile.updateMany({ where: { userId: report.subjectId, feeMultiplierBps: profile.feeMultiplierBps }, data: { feeMultiplierBps: toBps } });
  if (!res.count) throw new DomainError("CONFLICT", "The fee multiplier changed meanwhile; try again");
  await tx.feeMultiplierChange.create({
    data: {
      mentorId: report.subjectId,
      fromBps: profile.feeMultiplierBps,
      toBps,
      rule: "UPHELD_COMPLAINT",
      reason: `Upheld rudeness/indecency complaint (report ${report.id}): -${step} bps`,
      sessionIds: report.sessionId ? [report.sessionId] : [],
      policyVersion: policy.version,
      createdAt: now,
    },
  });
  fx.audits.push(
    await recordAudit(tx, actor, { action: "mentor.feeMultiplier", subjectType: "MentorProfile", subjectId: report.subjectId, before: { feeMultiplierBps: profile.feeMultiplierBps }, after: { feeMultiplierBps: toBps, reportId: report.id } }, requestId),
  );
  return { fromBps: profile.feeMultiplierBps, toBps };
}

export { fileSystemReport } from "./system-reports.js";
