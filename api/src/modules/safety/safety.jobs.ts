import type { Job } from "../../jobs/runner.js";
import { systemActor } from "../../authz/viewer.js";
import { recordAudit } from "../audit/index.js";
import { restoreStatus } from "./appeals.service.js";
import { inTransaction } from "./enforcement.service.js";

/**
 * Suspensions end by themselves: the clock already stops them applying (standing.service); this
 * job also flips the account status back to ACTIVE, audited as the system actor. The conditional
 * update in `restoreStatus` makes it safe with several processes.
 */
export const expireSuspensionsJob: Job = {
  name: "safety.expireSuspensions",
  async run(deps) {
    const now = deps.clock.now();
    const suspended = await deps.db.user.findMany({ where: { status: "SUSPENDED" }, select: { id: true }, take: 200 });
    let n = 0;
    for (const { id } of suspended) {
      const changed = await inTransaction(deps, async (tx, fx) => {
        const change = await restoreStatus(tx, id, now);
        if (!change) return false;
        fx.audits.push(await recordAudit(tx, systemActor("safety.expireSuspensions"), { action: "safety.suspensionEnded", subjectType: "User", subjectId: id, before: { status: change.from }, after: { status: change.to } }));
        fx.feed.push({ kind: "ENFORCEMENT_EXPIRED", id });
        return true;
      });
      if (changed) n++;
    }
    return n;
  },
};
