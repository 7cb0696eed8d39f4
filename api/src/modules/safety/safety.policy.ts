import type { ModuleRules } from "../../authz/ability.js";
import type { Action } from "../../authz/actions.js";
import { suspensionReason } from "../../authz/suspension-reason.js";
import { FEATURES, PROGRAM_ACTIONS, PROGRAM_BOUND_SUBJECTS } from "./features.js";

export const safetyRules: ModuleRules = (viewer, { can, cannot }) => {
  if (!viewer) return;
  // Anyone can report (seed 003); reporters follow their own reports, never the reports against them.
  can("create", "Report");
  can("read", "Report", { reporterId: viewer.id });
  can("read", "Enforcement", { userId: viewer.id });
  can("create", "Appeal", { userId: viewer.id });
  can("read", "Appeal", { userId: viewer.id });
  if (viewer.role === "SUPPORT" || viewer.role === "ADMIN") {
    // Support reviews every report and walks the ladder; admins have `manage all` already.
    can(["read", "review", "resolve"], "Report");
    can(["read", "create", "ban"], "Enforcement");
    can(["read", "review", "resolve"], "Appeal");
  }
  // Active suspensions last: they override every `can` above and in other modules. Subjects of
  // modules still being built are plain names, so the rule builder is used untyped here.
  const deny = cannot as unknown as (a: Action | Action[], s: string, c?: object) => { because(r: string): unknown };
  for (const s of viewer.suspensions ?? []) {
    const because = suspensionReason(s);
    if (s.scope === "FEATURE" && s.feature) {
      for (const [actions, subject] of FEATURES[s.feature]?.rules ?? []) deny(actions, subject).because(because);
    }
    if (s.scope === "PROGRAM" && s.programId) {
      deny(PROGRAM_ACTIONS, "Program", { id: s.programId }).because(because);
      for (const subject of PROGRAM_BOUND_SUBJECTS) deny(PROGRAM_ACTIONS, subject, { programId: s.programId }).because(because);
    }
  }
};
