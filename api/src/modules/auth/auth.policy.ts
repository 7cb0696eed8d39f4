import type { ModuleRules } from "../../authz/ability.js";

export const authRules: ModuleRules = (viewer, { can }) => {
  if (!viewer) return;
  can(["read", "revoke"], "AuthSession", { userId: viewer.id });
  if (viewer.role === "ADMIN") can(["read", "revoke"], "AuthSession");
};
