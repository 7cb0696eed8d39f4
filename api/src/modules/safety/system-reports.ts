// Reports the platform files itself (detectors, brigading): into the same review queue as user
// reports, never counted toward a threshold.
import type { ServiceDeps } from "../../lib/deps.js";
import type { Actor } from "../../authz/viewer.js";
import type { Report } from "../../generated/prisma/client.js";
import type { ReportCategory } from "../../generated/prisma/enums.js";
import { recordAudit } from "../audit/index.js";
import { inTransaction, isUniqueViolation } from "./enforcement.service.js";

/** Files a report as the platform itself (detectors); idempotent by `dedupeKey`. */
export async function fileSystemReport(
  deps: Pick<ServiceDeps, "db" | "pubsub" | "clock" | "requestId">,
  actor: Actor,
  r: { subjectId: string; category: ReportCategory; description: string; detectorRule: string; evidence: Record<string, unknown>; dedupeKey: string; messageId?: string; programId?: string },
): Promise<Report | null> {
  try {
    return await inTransaction(deps, async (tx, fx) => {
      if (await tx.report.findUnique({ where: { dedupeKey: r.dedupeKey }, select: { id: true } })) return null;
      const row = await tx.report.create({
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
          createdAt: deps.clock.now(),
        },
      });
      fx.audits.push(await recordAudit(tx, actor, { action: "safety.report.detected", subjectType: "Report", subjectId: row.id, after: { subjectId: r.subjectId, rule: r.detectorRule, category: r.category } }, deps.requestId));
      fx.feed.push({ kind: "REPORT_FILED", id: row.id });
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e)) return null;
    throw e;
  }
}
