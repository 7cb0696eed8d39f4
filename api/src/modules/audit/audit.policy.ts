import type { ModuleRules } from "../../authz/ability.js";

export const auditRules: ModuleRules = (viewer, { can }) => {
  if (!viewer) return;
  if (viewer.role === "ADMIN" || viewer.role === "SUPPORT") can("read", "AuditLog");
};
