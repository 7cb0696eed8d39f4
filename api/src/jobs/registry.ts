import type { Job } from "./runner.js";
import { purgeLoginAttemptsJob } from "../modules/auth/auth.jobs.js";
import { sessionJobs } from "../modules/sessions/sessions.jobs.js";

/** Every timed job of the platform, run in this order on each tick. */
export const jobs: Job[] = [purgeLoginAttemptsJob, ...sessionJobs];
