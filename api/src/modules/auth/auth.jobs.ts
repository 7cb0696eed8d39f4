import { z } from "zod";
import type { Job } from "../../jobs/runner.js";
import { purgeExpiredCounters } from "../../lib/rate-limit.js";
import { asSystem, defineCommand } from "../../lib/command.js";

/** Log-in attempts only matter inside the rate-limit window; keep a day for investigations. */
const purgeLoginAttempts = defineCommand({
  name: "auth.purgeLoginAttempts",
  input: z.object({}),
  authorize: (g) => g.require(g.actor?.kind === "SYSTEM", "Only the platform purges log-in attempts"),
  run: async (c): Promise<number> => {
    const before = new Date(c.now.getTime() - 86_400_000);
    const res = await c.tx.loginAttempt.deleteMany({ where: { createdAt: { lt: before } } });
    if (res.count) await c.audit({ action: "auth.loginAttemptsPurged", subjectType: "LoginAttempt", subjectId: "*", after: { deleted: res.count, olderThan: before } });
    // Rate-limit counters whose window ended (database store; Redis expires its own keys).
    return res.count + (await purgeExpiredCounters(c.tx, c.now));
  },
});

export const purgeLoginAttemptsJob: Job = {
  name: "auth.purgeLoginAttempts",
  run: (deps) => purgeLoginAttempts(asSystem("auth.purgeLoginAttempts", deps), {}),
};
