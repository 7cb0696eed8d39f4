import type { ModuleRules } from "../../authz/ability.js";

// Feedback: authors read what they wrote; the rated user reads visible feedback about them;
// every signed-in user reads visible reviews of mentors (the rating is public to members).
// Staff read everything, including hidden reviews, and hide them ("review").
// Check-ins: both parties see the check-ins of their mentorship and their own answers; the
// answers as a health signal are for staff only.
export const feedbackRules: ModuleRules = (viewer, { can }) => {
  if (!viewer) return;
  can("create", "SessionFeedback", { authorId: viewer.id });
  can("read", "SessionFeedback", { authorId: viewer.id });
  can("read", "SessionFeedback", { subjectId: viewer.id, hiddenAt: null });
  can("read", "SessionFeedback", { authorParty: "MENTEE", hiddenAt: null });
  for (const cond of [{ mentorId: viewer.id }, { menteeId: viewer.id }] as const) can("read", "MentorshipCheckIn", { mentorship: { is: cond } });
  can(["read", "create"], "CheckInResponse", { userId: viewer.id });
  if (viewer.role === "SUPPORT" || viewer.role === "ADMIN") {
    can(["read", "review"], "SessionFeedback");
    can("read", ["MentorshipCheckIn", "CheckInResponse"]);
  }
};
