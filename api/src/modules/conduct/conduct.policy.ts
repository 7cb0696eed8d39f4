import type { ModuleRules } from "../../authz/ability.js";

// Published documents are readable by everyone signed in; admins publish (admins hold `manage
// all`). Acceptances: one's own; staff read all. The checklist belongs to the session's mentor.
export const conductRules: ModuleRules = (viewer, { can }) => {
  if (!viewer) return;
  can("read", "PolicyDocument");
  can(["read", "create"], "PolicyAcceptance", { userId: viewer.id });
  for (const cond of [{ mentorId: viewer.id }, { menteeId: viewer.id }] as const) can("read", "SessionExpectation", { session: { is: cond } });
  if (viewer.role === "MENTOR") can("create", "SessionExpectation", { session: { is: { mentorId: viewer.id } } });
  if (viewer.role === "SUPPORT" || viewer.role === "ADMIN") can("read", ["PolicyAcceptance", "SessionExpectation"]);
};
