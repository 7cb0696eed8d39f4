// A suspension that lapses by itself sends its case back to the review queue with its history,
// so staff look again (a temporary ban is not a verdict). The case's reports (those counted for
// a threshold and those whose review led to it) are OPEN again; their decision fields, the
// enforcement and the audit trail stay as they were. `lapsedAt` makes it happen once.
import { z } from "zod";
import type { Job } from "../../jobs/runner.js";
import { asSystem, defineCommand } from "../../lib/command.js";

const requeueLapsed = defineCommand({
  name: "safety.requeueLapsedSuspension",
  input: z.object({ enforcementId: z.string(), userId: z.string() }),
  authorize: (g) => g.require(g.actor?.kind === "SYSTEM", "Only the platform requeues lapsed suspensions"),
  run: async (c, _none, e): Promise<boolean> => {
    const { tx, now } = c;
    const won = await tx.enforcement.updateMany({ where: { id: e.enforcementId, lapsedAt: null, overturnedAt: null }, data: { lapsedAt: now } });
    if (!won.count) return false;
    const reports = await tx.report.findMany({ where: { OR: [{ thresholdEnforcementId: e.enforcementId }, { enforcementId: e.enforcementId }] }, select: { id: true, status: true } });
    await tx.report.updateMany({ where: { id: { in: reports.map((r) => r.id) } }, data: { status: "OPEN" } });
    await c.audit({
      action: "safety.caseRequeued",
      subjectType: "Enforcement",
      subjectId: e.enforcementId,
      before: { reports: reports.map((r) => ({ id: r.id, status: r.status })) },
      after: { reportStatus: "OPEN", userId: e.userId },
      reason: "The suspension ended by itself; the case is back in the review queue",
    });
    c.publish("safetyFeed", { kind: "ENFORCEMENT_EXPIRED", id: e.enforcementId });
    for (const r of reports) c.publish("safetyFeed", { kind: "REPORT_FILED", id: r.id });
    return true;
  },
});

export const requeueLapsedSuspensionsJob: Job = {
  name: "safety.requeueLapsedSuspensions",
  async run(deps) {
    const now = deps.clock.now();
    const lapsed = await deps.db.enforcement.findMany({
      where: { kind: { in: ["SUSPENSION", "STRIKE"] }, endsAt: { lte: now }, overturnedAt: null, lapsedAt: null },
      select: { id: true, userId: true },
      take: 200,
    });
    const system = asSystem("safety.requeueLapsedSuspensions", deps);
    let n = 0;
    for (const e of lapsed) if (await requeueLapsed(system, { enforcementId: e.id, userId: e.userId })) n++;
    return n;
  },
};
