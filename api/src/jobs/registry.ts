import type { Job } from "./runner.js";
import { purgeLoginAttemptsJob } from "../modules/auth/auth.jobs.js";
import { deliverEmailsJob } from "../modules/notifications/notifications.jobs.js";
import { completeAgreementsJob } from "../modules/mentorships/mentorships.jobs.js";
import { openCheckInsJob } from "../modules/feedback/feedback.jobs.js";
import { expireSuspensionsJob } from "../modules/safety/safety.jobs.js";
import { sessionJobs } from "../modules/sessions/sessions.jobs.js";
import { payUncontestedPartialRefundsJob } from "../modules/money/partial-refunds.jobs.js";
import { issueCertificatesJob } from "../modules/certifications/certifications.jobs.js";

/** Every timed job of the platform, run in this order on each tick. */
export const jobs: Job[] = [purgeLoginAttemptsJob, expireSuspensionsJob, ...sessionJobs, issueCertificatesJob, payUncontestedPartialRefundsJob, completeAgreementsJob, openCheckInsJob, deliverEmailsJob];
