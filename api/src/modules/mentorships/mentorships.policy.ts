import type { ModuleRules } from "../../authz/ability.js";

// The two parties see and work on their mentorship; staff read every mentorship (support,
// health signals). Which party may do what (mentor assigns tasks, mentee completes them, the
// other party accepts an agreement) is checked in the services on top of these row rules.
export const mentorshipsRules: ModuleRules = (viewer, { can }) => {
  if (!viewer) return;
  const mine = [{ mentorId: viewer.id }, { menteeId: viewer.id }] as const;
  for (const cond of mine) {
    can(["read", "update"], "Mentorship", cond);
    can(["read", "create", "update"], ["MentorshipAgreement", "Goal", "Milestone", "Task"], { mentorship: { is: cond } });
  }
  if (viewer.role === "MENTOR" || viewer.role === "MENTEE") can("create", "Mentorship");
  if (viewer.role === "SUPPORT" || viewer.role === "ADMIN") {
    can(["read", "create", "update"], "Mentorship");
    can("read", ["MentorshipAgreement", "Goal", "Milestone", "Task"]);
  }
};
