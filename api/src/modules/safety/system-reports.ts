// Reports the platform files itself (detectors, brigading): into the same review queue as user
// reports, never counted toward a threshold.
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import type { Actor } from "../../authz/viewer.js";
import { asSystem, defineCommand } from "../../lib/command.js";
import type { Report } from "../../generated/prisma/client.js";
import { ReportCategory } from "../../generated/prisma/enums.js";
import { isUniqueViolation } from "./apply.js";

const CATEGORIES = Object.values(ReportCategory) as [ReportCategory, ...ReportCategory[]];

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
