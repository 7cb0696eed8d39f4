// Reviewing a report: support upholds (with a consequence) or dismisses it. The decision preview
// (review-preview.service.ts) rehearses this very command, so the two cannot disagree.
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import type { Actor } from "../../authz/viewer.js";
import { defineCommand, type CommandContext } from "../../lib/command.js";
import { DomainError, notFound } from "../../lib/errors.js";
import { zId } from "../../lib/validate.js";
import type { Report } from "../../generated/prisma/client.js";
import { currentPolicy } from "../policy/index.js";
import { getPlatform } from "../platform/index.js";
import { FEATURE_NAMES } from "./features.js";
import { categoryText } from "./notices.js";
import { applyEnforcement, type Applied } from "./apply.js";
import { ladderHistory, nextStep, STEP_RANK } from "./ladder.js";
import { enforceThreshold, evaluateThreshold, isThresholdCategory } from "./thresholds.js";
import { BRIGADING_RULE } from "./brigading.js";
import "./safety.events.js";

export const reviewInput = z
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

export interface Reviewed {
  report: Report;
  /** False: the report was already decided this way (a retry); nothing was done again. */
  decided: boolean;
  /** The enforcement the review issued, with what the other modules did about it. */
  issued: Applied | null;
}

export const reviewCommand = defineCommand({
  name: "safety.reviewReport",
  input: reviewInput,
  load: (c, data) => c.tx.report.findUnique({ where: { id: data.reportId } }),
  authorize: (g, before, data) => {
    g.can("review", "Report", undefined, "Only trust & safety staff review reports");
    const reviewer = g.user();
    if (!before) throw notFound("Report", data.reportId);
    g.require(before.subjectId !== reviewer.id, "You cannot review a report about yourself");
  },
  run: async (c, found, data): Promise<Reviewed> => {
    const { tx, now } = c;
    const before = found as Report;
    const reviewer = c.actor as Extract<Actor, { kind: "USER" }>;
    const status = data.decision === "UPHOLD" ? "UPHELD" : "DISMISSED";
    // Claim: only an open report is decided, once; a retry of the same decision returns it.
    const claimed = await tx.report.updateMany({
      where: { id: before.id, status: "OPEN" },
      data: { status, reviewerId: reviewer.id, decisionReason: data.reason, decidedAt: now },
    });
    if (!claimed.count) {
      if (before.status === status) return { report: before, decided: false, issued: null };
      throw new DomainError("CONFLICT", `This report was already ${before.status.toLowerCase()}`);
    }
    const policy = await currentPolicy(tx);
    let ladder: Record<string, unknown> = {};
    let issued: Applied | null = null;
    if (status === "UPHELD") {
      // Other modules' consequences (an upheld rudeness complaint lowers the mentor's fees).
      const effects: Record<string, unknown> = {};
      await c.emit("safety.complaintUpheld", { reportId: before.id, subjectId: before.subjectId, category: before.category, sessionId: before.sessionId, effects });
      ladder = { ...effects };
      // A brigading report is about the accounts that filed the burst, not its subject: upholding
      // it records the finding; staff act on those accounts separately.
      if (data.action !== "NONE" && before.detectorRule !== BRIGADING_RULE) {
        const step = nextStep(await ladderHistory(tx, before.subjectId, now), policy.values.safety);
        const kind = data.action === "LADDER" ? step : data.action;
        ladder = { ...ladder, ladderStep: step, applied: kind, skipped: STEP_RANK[kind] > STEP_RANK[step] };
        issued = await applyEnforcement(c, policy, {
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
        });
      }
    }
    await c.audit({ action: `safety.report.${status.toLowerCase()}`, subjectType: "Report", subjectId: before.id, before: { status: before.status }, after: { status, ...ladder }, reason: data.reason });
    if (before.reporterId) {
      const terms = await getPlatform(tx);
      // The reporter learns the outcome of their report, in-app (never who else reported).
      await c.notify([
        {
          userId: before.reporterId,
          kind: "safety.reportReviewed",
          subject: `Your report was reviewed`,
          body: `${terms.platformName} Trust & Safety reviewed your report (${categoryText(before.category)}). Outcome: ${status === "UPHELD" ? "upheld, action taken" : "dismissed"}.`,
          payload: { reportId: before.id, status },
          dedupeKey: `report:${before.id}:reviewed`,
          channels: ["IN_APP"],
        },
      ]);
    }
    c.publish("safetyFeed", { kind: "REPORT_REVIEWED", id: before.id });
    return { report: await tx.report.findUniqueOrThrow({ where: { id: before.id } }), decided: true, issued };
  },
});

/** An upheld complaint counts toward its category's threshold in every mode (an unverified one only from now on). */
const thresholdOf = (r: Report) => (r.status === "UPHELD" && r.source === "USER" && isThresholdCategory(r.category) ? r.category : null);

export async function reviewReport(deps: ServiceDeps, input: unknown): Promise<Report> {
  const { report } = await reviewCommand(deps, input);
  // Evaluated as the system actor once the decision has committed (see thresholds.ts).
  const category = thresholdOf(report);
  if (category) await evaluateThreshold(deps, report.subjectId, category);
  return report;
}

/** The threshold step of `reviewReport`, in the caller's transaction (the preview's rehearsal). */
export async function thresholdAfterReview(c: CommandContext, report: Report): Promise<Applied | null> {
  const category = thresholdOf(report);
  return category ? enforceThreshold(c, report.subjectId, category) : null;
}

const capitalFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
