import type { ModuleRules } from "../../authz/ability.js";

export const policyRules: ModuleRules = (viewer, { can }) => {
  if (!viewer) return;
  // Everyone signed in may read the rules that apply to them (transparency, seed 003).
  can("read", "PolicyVersion");
  if (viewer.role === "ADMIN") can(["create", "update"], "PolicyVersion");
};
