import type { ModuleRules } from "../../authz/ability.js";

export const notificationsRules: ModuleRules = (viewer, { can }) => {
  if (!viewer) return;
  can(["read", "update"], "Notification", { userId: viewer.id });
  if (viewer.role === "SUPPORT") can("read", "Notification");
};
