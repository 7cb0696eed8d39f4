import { z } from "zod";
import type { Job } from "../../jobs/runner.js";
import { purgeExpiredCounters } from "../../lib/rate-limit.js";
import { asSystem, defineCommand } from "../../lib/command.js";
import { purgeLoginAttemptsBefore } from "../credentials/index.js";

/** Log-in attempts only matter inside the rate-limit window; keep a day for investigations. */
const purgeLoginAttempts = defineCommand({
  name: "auth.purgeLoginAttempts",
  input: z.object({}),
  authorize: (g) => g.require(g.actor?.kind === "SYSTEM", "Only the platform purges log-in attempts"),
  run: async (c): Promise<number> => {
    const before = new Date(c.now.getTime() - 86_400_000);
    // The credentials module records the attempts and owns the table: it deletes them.
    const deleted = await purgeLoginAttemptsBefore(c.tx, before);
    if (deleted) await c.audit({ action: "auth.loginAttemptsPurged", subjectType: "LoginAttempt", subjectId: "*", after: { deleted, olderThan: before } });
    // Rate-limit counters whose window ended (database store; Redis expires its own keys).
    return deleted + (await purgeExpiredCounters(c.tx, c.now));
  },
});

export const purgeLoginAttemptsJob: Job = {
  name: "auth.purgeLoginAttempts",
  run: (deps) => purgeLoginAttempts(asSystem("auth.purgeLoginAttempts", deps), {}),
};
