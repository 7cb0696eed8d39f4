import type { ModuleRules } from "../../authz/ability.js";

export const programsRules: ModuleRules = (viewer, { can }) => {
  if (!viewer) return;
  if (viewer.role === "SUPPORT") can("read", ["Program", "ProgramMember"]);
  // Members see the programs they belong to and who else is in them.
  can("read", "Program", { members: { some: { userId: viewer.id } } });
  can("read", "ProgramMember", { userId: viewer.id });
  can("read", "ProgramMember", { program: { is: { members: { some: { userId: viewer.id } } } } });
};
