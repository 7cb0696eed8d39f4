import { z } from "zod";
import type { Job } from "../../jobs/runner.js";
import { asSystem, defineCommand } from "../../lib/command.js";
import { restoreStatus } from "./appeals.service.js";

/** Job step: one user's account status back to what their remaining enforcements call for. */
const endSuspension = defineCommand({
  name: "safety.endSuspension",
  input: z.object({ userId: z.string() }),
  authorize: (g, _none, i) => g.can("update", "User", { id: i.userId }),
  run: async (c, _none, { userId }): Promise<boolean> => {
    const change = await restoreStatus(c, userId);
    if (!change) return false;
    await c.audit({ action: "safety.suspensionEnded", subjectType: "User", subjectId: userId, before: { status: change.from }, after: { status: change.to } });
    c.publish("safetyFeed", { kind: "ENFORCEMENT_EXPIRED", id: userId });
    return true;
  },
});

/**
 * Suspensions end by themselves: the clock already stops them applying (standing.service); this
 * job also flips the account status back to ACTIVE, audited as the system actor. The conditional
 * update behind `restoreStatus` (users' handler of `safety.standingChanged`) makes it safe with several processes.
 */
export const expireSuspensionsJob: Job = {
  name: "safety.expireSuspensions",
  async run(deps) {
    const system = asSystem("safety.expireSuspensions", deps);
    const suspended = await deps.db.user.findMany({ where: { status: "SUSPENDED" }, select: { id: true }, take: 200 });
    let n = 0;
    for (const { id } of suspended) if (await endSuspension(system, { userId: id })) n++;
    return n;
  },
};
