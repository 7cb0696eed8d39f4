import type { ModuleRules } from "../../authz/ability.js";

export const usersRules: ModuleRules = (viewer, { can }) => {
  if (!viewer) return;
  if (viewer.role === "ADMIN") {
    can("manage", "all");
    return;
  }
  // Everyone signed in: themselves, and the directory of approved mentors.
  can(["read", "update"], "User", { id: viewer.id });
  can("read", "User", { role: "MENTOR", mentorProfile: { is: { approved: true } } });
  can("read", "MentorProfile", { approved: true });
  if (viewer.role === "SUPPORT") {
    // Support staff read accounts to help users; they do not change roles or statuses.
    can("read", ["User", "MentorProfile", "MentorApplication"]);
  }
  if (viewer.role === "MENTOR") {
    can(["read", "update"], "MentorProfile", { userId: viewer.id });
    can(["create", "read"], "MentorApplication", { applicantId: viewer.id });
  }
};
