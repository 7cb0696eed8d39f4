// Reports: anyone reports anyone (seed 003); duplicates count once; support reviews every report.
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import type { Actor } from "../../authz/viewer.js";
import { asSystem, defineCommand } from "../../lib/command.js";
import { DomainError, notFound } from "../../lib/errors.js";
import { zId } from "../../lib/validate.js";
import type { Report } from "../../generated/prisma/client.js";
import { ReportCategory } from "../../generated/prisma/enums.js";
import { currentPolicy } from "../policy/index.js";
import { getPlatform } from "../platform/index.js";
import { FEATURE_NAMES } from "./features.js";
import { categoryText } from "./notices.js";
import { applyEnforcement, isUniqueViolation } from "./apply.js";
import { ladderHistory, nextStep, STEP_RANK } from "./ladder.js";
import { evaluateThreshold, isThresholdCategory } from "./thresholds.js";
import "./safety.events.js";

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

const fileCommand = defineCommand({
  name: "safety.fileReport",
  input: fileInput,
  authorize: (g, _none, data) => {
    g.user();
    g.can("create", "Report");
    if (g.actor?.kind === "USER" && g.actor.id === data.subjectId) throw new DomainError("BAD_USER_INPUT", "You cannot report yourself", { fields: { subjectId: "is yourself" } });
  },
  run: async (c, _none, data): Promise<{ report: Report; created: boolean }> => {
    const { tx } = c;
    const reporter = c.actor as Extract<Actor, { kind: "USER" }>;
    const dedupeKey = reportDedupeKey(reporter.id, data.subjectId, data.category, data.sessionId);
    const existing = await tx.report.findUnique({ where: { dedupeKey } });
    if (existing) return { report: existing, created: false };
    const subject = await tx.user.findUnique({ where: { id: data.subjectId }, select: { id: true } });
    if (!subject) throw notFound("User", data.subjectId);
    if (data.programId && !(await tx.program.findUnique({ where: { id: data.programId }, select: { id: true } }))) throw notFound("Program", data.programId);
    const r = await tx.report.create({ data: { ...data, reporterId: reporter.id, reporterRole: reporter.role, dedupeKey, createdAt: c.now } });
    c.publish("safetyFeed", { kind: "REPORT_FILED", id: r.id });
    return { report: r, created: true };
  },
});

export async function fileReport(deps: ServiceDeps, input: unknown): Promise<Report> {
  let out: { report: Report; created: boolean };
  try {
    out = await fileCommand(deps, input);
  } catch (e) {
    // Two identical reports at once: the unique key lets one through; the other gets it back.
    if (!isUniqueViolation(e)) throw e;
    const data = fileInput.parse(input);
    const reporterId = (deps.actor as { id: string }).id;
    out = { report: await deps.db.report.findUniqueOrThrow({ where: { dedupeKey: reportDedupeKey(reporterId, data.subjectId, data.category, data.sessionId) } }), created: false };
  }
  const { report, created } = out;
  if (created && isThresholdCategory(report.category)) {
    const policy = await currentPolicy(deps.db);
    if (policy.values.safety.countReports === "NOT_DISMISSED") await evaluateThreshold(deps, report.subjectId, report.category);
  }
  return report;
}

const systemReportInput = z.object({
  subjectId: z.string(),
  category: z.enum(CATEGORIES),
  description: z.string(),
  detectorRule: z.string(),
  evidence: z.record(z.string(), z.unknown()),
  dedupeKey: z.string(),
  messageId: z.string().optional(),
  programId: z.string().optional(),
});

const systemReportCommand = defineCommand({
  name: "safety.fileSystemReport",
  input: systemReportInput,
  authorize: (g) => g.can("create", "Report"),
  run: async (c, _none, r): Promise<Report | null> => {
    if (await c.tx.report.findUnique({ where: { dedupeKey: r.dedupeKey }, select: { id: true } })) return null;
    const row = await c.tx.report.create({
      data: {
        subjectId: r.subjectId,
        category: r.category,
        description: r.description,
        source: "DETECTOR",
        detectorRule: r.detectorRule,
        evidence: r.evidence as never,
        messageId: r.messageId,
        programId: r.programId,
        dedupeKey: r.dedupeKey,
        createdAt: c.now,
      },
    });
    await c.audit({ action: "safety.report.detected", subjectType: "Report", subjectId: row.id, after: { subjectId: r.subjectId, rule: r.detectorRule, category: r.category } });
    c.publish("safetyFeed", { kind: "REPORT_FILED", id: row.id });
    return row;
  },
});

/**
 * Files a report as the platform itself (detectors, a dispute's finding); idempotent by
 * `dedupeKey`. A system actor acts with the system ability; a staff actor with their own.
 */
export async function fileSystemReport(
  deps: Omit<ServiceDeps, "actor" | "ability"> & Partial<Pick<ServiceDeps, "actor" | "ability">>,
  actor: Actor,
  r: z.input<typeof systemReportInput>,
): Promise<Report | null> {
  const as = actor.kind === "SYSTEM" || !deps.ability ? asSystem(actor.kind === "SYSTEM" ? actor.name : "safety.reports", deps) : ({ ...deps, actor } as ServiceDeps);
  try {
    return await systemReportCommand(as, r);
  } catch (e) {
    if (isUniqueViolation(e)) return null;
    throw e;
  }
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

const reviewCommand = defineCommand({
  name: "safety.reviewReport",
  input: reviewInput,
  load: (c, data) => c.tx.report.findUnique({ where: { id: data.reportId } }),
  authorize: (g, before, data) => {
    g.can("review", "Report", undefined, "Only trust & safety staff review reports");
    const reviewer = g.user();
    if (!before) throw notFound("Report", data.reportId);
    g.require(before.subjectId !== reviewer.id, "You cannot review a report about yourself");
  },
  run: async (c, found, data): Promise<Report> => {
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
      if (before.status === status) return before;
      throw new DomainError("CONFLICT", `This report was already ${before.status.toLowerCase()}`);
    }
    const policy = await currentPolicy(tx);
    let ladder: Record<string, unknown> = {};
    if (status === "UPHELD") {
      // Other modules' consequences (an upheld rudeness complaint lowers the mentor's fees).
      const effects: Record<string, unknown> = {};
      await c.emit("safety.complaintUpheld", { reportId: before.id, subjectId: before.subjectId, category: before.category, sessionId: before.sessionId, effects });
      ladder = { ...effects };
      if (data.action !== "NONE") {
        const step = nextStep(await ladderHistory(tx, before.subjectId, now), policy.values.safety);
        const kind = data.action === "LADDER" ? step : data.action;
        ladder = { ...ladder, ladderStep: step, applied: kind, skipped: STEP_RANK[kind] > STEP_RANK[step] };
        await applyEnforcement(c, policy, {
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
    return tx.report.findUniqueOrThrow({ where: { id: before.id } });
  },
});

export async function reviewReport(deps: ServiceDeps, input: unknown): Promise<Report> {
  const report = await reviewCommand(deps, input);
  if (report.status === "UPHELD" && isThresholdCategory(report.category)) {
    const policy = await currentPolicy(deps.db);
    if (policy.values.safety.countReports === "UPHELD") await evaluateThreshold(deps, report.subjectId, report.category);
  }
  return report;
}

const capitalFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
