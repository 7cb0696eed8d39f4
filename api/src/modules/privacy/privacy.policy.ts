import type { ModuleRules } from "../../authz/ability.js";

// Anyone exports their own data; mentors and mentees delete their own account (staff accounts
// are closed by an admin with setAccountStatus). Staff read deletion records.
export const privacyRules: ModuleRules = (viewer, { can }) => {
  if (!viewer) return;
  can("read", "AccountDeletionRequest", { userId: viewer.id });
  if (viewer.role === "MENTOR" || viewer.role === "MENTEE") can("create", "AccountDeletionRequest", { userId: viewer.id });
  if (viewer.role === "SUPPORT" || viewer.role === "ADMIN") can("read", "AccountDeletionRequest");
};
