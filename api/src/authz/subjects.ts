import type { SubjectName } from "./actions.js";

/** Every subject, for the viewer's permission list (console) and the role matrix test. */
export const SUBJECT_NAMES: SubjectName[] = [
  "Session",
  "SessionPresence",
  "AvailabilityRule",
  "AvailabilityException",
  "LateRecord",
  "FeeMultiplierChange",
  "CalendarFeed",
  "Charge",
  "User",
  "MentorProfile",
  "MentorApplication",
  "AuthSession",
  "Program",
  "ProgramMember",
  "PlatformConfig",
  "PolicyVersion",
  "AuditLog",
  "Notification",
  "Report",
  "Enforcement",
  "Appeal",
];
