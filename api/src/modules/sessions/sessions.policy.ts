import type { ModuleRules } from "../../authz/ability.js";

// Admins hold `manage all` (users.policy). Participants act on their own sessions; support staff
// read everything of sessions (to help) and may cancel a booking; ending a call is not theirs.
export const sessionsRules: ModuleRules = (viewer, { can }) => {
  if (!viewer) return;
  const mine = [{ mentorId: viewer.id }, { menteeId: viewer.id }] as const;
  for (const cond of mine) {
    can("read", "Session", cond);
    can("read", "SessionPresence", { session: { is: cond } });
  }
  can(["read", "create", "update"], "CalendarFeed", { userId: viewer.id });
  can("read", "Charge", { payerId: viewer.id });
  can("read", "Charge", { payeeId: viewer.id });
  if (viewer.role === "MENTEE") {
    can("book", "Session");
    can(["cancel", "update", "join", "end"], "Session", { menteeId: viewer.id });
  }
  if (viewer.role === "MENTOR") {
    can(["cancel", "update", "join", "end"], "Session", { mentorId: viewer.id });
    can(["read", "create", "update", "delete"], ["AvailabilityRule", "AvailabilityException"], { mentorId: viewer.id });
    can("read", ["LateRecord", "FeeMultiplierChange"], { mentorId: viewer.id });
  }
  if (viewer.role === "SUPPORT") {
    can("read", ["Session", "SessionPresence", "AvailabilityRule", "AvailabilityException", "LateRecord", "FeeMultiplierChange", "Charge"]);
    can("cancel", "Session");
  }
};
