import type { ModuleRules } from "../../authz/ability.js";

export const platformRules: ModuleRules = (viewer, { can }) => {
  can("read", "PlatformConfig");
  if (viewer?.role === "ADMIN") can("update", "PlatformConfig");
};
