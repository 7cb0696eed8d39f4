// A suspension that lapses by itself sends its case back to the review queue with its history,
// so staff look again (a temporary ban is not a verdict). The case's reports (those counted for
// a threshold and those whose review led to it) are OPEN again; their decision fields, the
// enforcement and the audit trail stay as they were. `lapsedAt` makes it happen once.
import type { Job } from "../../jobs/runner.js";
import { systemActor } from "../../authz/viewer.js";
import { recordAudit } from "../audit/index.js";
import { inTransaction } from "./enforcement.service.js";

export const requeueLapsedSuspensionsJob: Job = {
  name: "safety.requeueLapsedSuspensions",
  async run(deps) {
    const now = deps.clock.now();
    const actor = systemActor("safety.requeueLapsedSuspensions");
    const lapsed = await deps.db.enforcement.findMany({
      where: { kind: { in: ["SUSPENSION", "STRIKE"] }, endsAt: { lte: now }, overturnedAt: null, lapsedAt: null },
      select: { id: true, userId: true },
      take: 200,
    });
    let n = 0;
    for (const e of lapsed) {
      const done = await inTransaction(deps, async (tx, fx) => {
        const won = await tx.enforcement.updateMany({ where: { id: e.id, lapsedAt: null, overturnedAt: null }, data: { lapsedAt: now } });
        if (!won.count) return false;
        const reports = await tx.report.findMany({ where: { OR: [{ thresholdEnforcementId: e.id }, { enforcementId: e.id }] }, select: { id: true, status: true } });
        await tx.report.updateMany({ where: { id: { in: reports.map((r) => r.id) } }, data: { status: "OPEN" } });
        fx.audits.push(
          await recordAudit(
            tx,
            actor,
            { action: "safety.caseRequeued", subjectType: "Enforcement", subjectId: e.id, before: { reports: reports.map((r) => ({ id: r.id, status: r.status })) }, after: { reportStatus: "OPEN", userId: e.userId }, reason: "The suspension ended by itself; the case is back in the review queue" },
            undefined,
            now,
          ),
        );
        fx.feed.push({ kind: "ENFORCEMENT_EXPIRED", id: e.id });
        for (const r of reports) fx.feed.push({ kind: "REPORT_FILED", id: r.id });
        return true;
      });
      if (done) n++;
    }
    return n;
  },
};
