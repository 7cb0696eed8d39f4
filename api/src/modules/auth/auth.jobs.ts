import type { Job } from "../../jobs/runner.js";
import { purgeExpiredCounters } from "../../lib/rate-limit.js";

/** Log-in attempts only matter inside the rate-limit window; keep a day for investigations. */
export const purgeLoginAttemptsJob: Job = {
  name: "auth.purgeLoginAttempts",
  async run({ db, clock }) {
    const res = await db.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(clock.now().getTime() - 86_400_000) } } });
    // Rate-limit counters whose window ended (database store; Redis expires its own keys).
    return res.count + (await purgeExpiredCounters(db, clock.now()));
  },
};
