// The composition root: the one list of modules. The ability, the job runner and the command
// path's effect writers are all fed from here, so lib/, authz/ and jobs/ import no module.
import { provideModuleRules, type ModuleRules } from "../authz/ability.js";
import { provideEffectWriters } from "../lib/command.js";
import { provideJobs, type Job } from "../jobs/runner.js";
import * as audit from "./audit/index.js";
import * as auth from "./auth/index.js";
import * as certifications from "./certifications/index.js";
import * as community from "./community/index.js";
import * as conduct from "./conduct/index.js";
import * as consent from "./consent/index.js";
import * as feedback from "./feedback/index.js";
import * as library from "./library/index.js";
import * as mentorships from "./mentorships/index.js";
import * as money from "./money/index.js";
import * as notifications from "./notifications/index.js";
import * as platform from "./platform/index.js";
import * as policy from "./policy/index.js";
import * as privacy from "./privacy/index.js";
import * as programs from "./programs/index.js";
import * as safety from "./safety/index.js";
import * as sessions from "./sessions/index.js";
import * as support from "./support/index.js";
import * as users from "./users/index.js";

export const moduleRules: readonly ModuleRules[] = [
  auth.authRules, users.usersRules, programs.programsRules, audit.auditRules, policy.policyRules, platform.platformRules,
  notifications.notificationsRules, sessions.sessionsRules, money.moneyRules, library.libraryRules, support.supportRules,
  community.communityRules, certifications.certificationsRules, mentorships.mentorshipsRules, conduct.conductRules,
  feedback.feedbackRules, privacy.privacyRules, consent.consentRules,
  // Last: its `cannot` rules (active suspensions) must override every module's `can`.
  safety.safetyRules,
];

/** Every timed job of the platform, run in this order on each tick. */
export const platformJobs: readonly Job[] = [
  auth.purgeLoginAttemptsJob, safety.expireSuspensionsJob, safety.requeueLapsedSuspensionsJob, ...sessions.sessionJobs, certifications.issueCertificatesJob,
  money.payUncontestedPartialRefundsJob, mentorships.completeAgreementsJob, mentorships.expireMentorshipRequestsJob, feedback.openCheckInsJob, privacy.scrubReleasedContentJob, notifications.deliverEmailsJob,
];

provideModuleRules(moduleRules);
auth.provideRestrictionReader({ load: safety.loadRestrictions, details: safety.blockDetails });
users.provideContentScanner(safety.scanContent);
provideJobs(platformJobs);
provideEffectWriters({
  audit: (tx, actor, entry, at, requestId) => audit.recordAudit(tx, actor, entry, requestId, at),
  notices: (tx, list, now) => notifications.enqueueNotices(tx, list, now),
});
