// Reports: anyone reports anyone (seed 003); duplicates count once; support reviews every report.
// A report records the interaction that verified it (see complainants.ts) and the client address.
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import type { Actor } from "../../authz/viewer.js";
import { asSystem, defineCommand } from "../../lib/command.js";
import { DomainError, notFound } from "../../lib/errors.js";
import { parseInput, zId } from "../../lib/validate.js";
import type { Report } from "../../generated/prisma/client.js";
import { ReportCategory } from "../../generated/prisma/enums.js";
import { currentPolicy, countContent } from "../policy/index.js";
import { getPlatform } from "../platform/index.js";
import { FEATURE_NAMES } from "./features.js";
import { categoryText } from "./notices.js";
import { applyEnforcement, isUniqueViolation } from "./apply.js";
import { ladderHistory, nextStep, STEP_RANK } from "./ladder.js";
import { evaluateThreshold, isThresholdCategory, THRESHOLD_RULES } from "./thresholds.js";
import { verifiedInteraction } from "./complainants.js";
import { BRIGADING_RULE, detectBrigading } from "./brigading.js";
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

/** The first address of an X-Forwarded-For list, bounded (a signal for the brigading detector). */
const clientAddress = (ip?: string | null) => ip?.split(",")[0]?.trim().slice(0, 100) || null;

const fileCommand = defineCommand({
  name: "safety.fileReport",
  input: fileInput.extend({ reporterIp: z.string().nullable() }),
  authorize: (g, _none, data) => {
    g.user();
    g.can("create", "Report");
    if (g.actor?.kind === "USER" && g.actor.id === data.subjectId) throw new DomainError("BAD_USER_INPUT", "You cannot report yourself", { fields: { subjectId: "is yourself" } });
  },
  run: async (c, _none, { reporterIp, ...data }): Promise<{ report: Report; created: boolean }> => {
    const { tx } = c;
    const reporter = c.actor as Extract<Actor, { kind: "USER" }>;
    const dedupeKey = reportDedupeKey(reporter.id, data.subjectId, data.category, data.sessionId);
    const existing = await tx.report.findUnique({ where: { dedupeKey } });
    if (existing) return { report: existing, created: false };
    const subject = await tx.user.findUnique({ where: { id: data.subjectId }, select: { id: true } });
    if (!subject) throw notFound("User", data.subjectId);
    if (data.programId && !(await tx.program.findUnique({ where: { id: data.programId }, select: { id: true } }))) throw notFound("Program", data.programId);
    const { values } = await currentPolicy(tx);
    // Verified once, when filed, under the policy then in force: the report keeps what verified it.
    const rule = isThresholdCategory(data.category) ? THRESHOLD_RULES[data.category] : null;
    const interaction = await verifiedInteraction(tx, {
      reporterId: reporter.id,
      subjectId: data.subjectId,
      direction: rule?.reporters === "MENTEE" ? "MENTEE_OF_SUBJECT" : "EITHER",
      at: c.now,
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
        reporterIp,
        createdAt: c.now,
      },
    });
    c.publish("safetyFeed", { kind: "REPORT_FILED", id: r.id });
    return { report: r, created: true };
  },
});

export async function fileReport(deps: ServiceDeps, input: unknown, meta: { ip?: string | null } = {}): Promise<Report> {
  const data = parseInput(fileInput, input);
  // Filing is rate limited per reporter (counted outside the write's transaction).
  if (deps.actor?.kind === "USER" && deps.actor.id !== data.subjectId && deps.ability.can("create", "Report")) await countContent(deps, "report", deps.actor.id);
  let out: { report: Report; created: boolean };
  try {
    out = await fileCommand(deps, { ...data, reporterIp: clientAddress(meta.ip) });
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
      // A brigading report is about the accounts that filed the burst, not its subject: upholding
      // it records the finding; staff act on those accounts separately.
      if (data.action !== "NONE" && before.detectorRule !== BRIGADING_RULE) {
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
  // An upheld complaint counts in every mode (an unverified one only from now on).
  if (report.status === "UPHELD" && report.source === "USER" && isThresholdCategory(report.category)) await evaluateThreshold(deps, report.subjectId, report.category);
  return report;
}

const capitalFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export { fileSystemReport } from "./system-reports.js";
