// Imports every module's schema file, then builds. Exports the schema only.
import { builder } from "./builder.js";
import "./scalars.js";
import "../modules/index.js";
import "../modules/users/users.schema.js";
import "../modules/users/mentor-applications.schema.js";
import "../modules/auth/auth.schema.js";
import "../modules/programs/programs.schema.js";
import "../modules/platform/platform.schema.js";
import "../modules/policy/policy.schema.js";
import "../modules/audit/audit.schema.js";
import "../modules/notifications/notifications.schema.js";
import "../modules/safety/reports.schema.js";
import "../modules/safety/enforcement.schema.js";
import "../modules/safety/appeals.schema.js";
import "../modules/safety/feed.schema.js";
import "../modules/safety/preview.schema.js";
import "../modules/sessions/sessions.schema.js";
import "../modules/sessions/availability.schema.js";
import "../modules/sessions/live.schema.js";
import "../modules/sessions/tardiness.schema.js";
import "../modules/money/ledger.schema.js";
import "../modules/money/refunds.schema.js";
import "../modules/money/partial-refunds.schema.js";
import "../modules/money/disputes.schema.js";

import "../modules/library/library.schema.js";
import "../modules/support/support.schema.js";
import "../modules/community/forums.schema.js";
import "../modules/community/webinars.schema.js";
import "../modules/community/chat.schema.js";
import "../modules/certifications/certifications.schema.js";

// issue 6 part A
import "../modules/mentorships/mentorships.schema.js";
import "../modules/mentorships/consent.schema.js";
import "../modules/mentorships/agreements.schema.js";
import "../modules/mentorships/progress.schema.js";
import "../modules/conduct/conduct.schema.js";
import "../modules/conduct/checklist.schema.js";
import "../modules/consent/consent.schema.js";
import "../modules/feedback/feedback.schema.js";
import "../modules/feedback/checkins.schema.js";
import "../modules/privacy/privacy.schema.js";
import "../modules/search/search.schema.js";
import "../modules/queues/queues.schema.js";
import "../modules/presence/presence.schema.js";

export const schema = builder.toSchema({ sortSchema: true });
