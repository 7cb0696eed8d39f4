import type { SubjectName } from "./actions.js";

/** Every subject, for the viewer's permission list (console) and the role matrix test. */
export const SUBJECT_NAMES: SubjectName[] = [
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
];
