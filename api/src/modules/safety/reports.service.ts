// Reports: anyone reports anyone (seed 003); duplicates count once; support reviews every report
// (review.service.ts).
// A report records the interaction that verified it (see complainants.ts) and the client address.
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import type { Actor } from "../../authz/viewer.js";
import { defineCommand } from "../../lib/command.js";
import { DomainError, notFound } from "../../lib/errors.js";
import { parseInput, zId } from "../../lib/validate.js";
import type { Report } from "../../generated/prisma/client.js";
import { ReportCategory } from "../../generated/prisma/enums.js";
import { currentPolicy, countContent } from "../policy/index.js";
import { isUniqueViolation } from "./apply.js";
import { evaluateThreshold, isThresholdCategory, THRESHOLD_RULES } from "./thresholds.js";
import { verifiedInteraction } from "./complainants.js";
import { detectBrigading } from "./brigading.js";
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

export { fileSystemReport } from "./system-reports.js";
