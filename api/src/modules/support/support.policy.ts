import type { ModuleRules } from "../../authz/ability.js";

// Support tickets: an asker sees and follows up on their own tickets only; support
// staff read, answer, assign and close every ticket (admins hold `manage all`).
export const supportRules: ModuleRules = (viewer, { can }) => {
  if (!viewer) return;
  if (viewer.role === "MENTOR" || viewer.role === "MENTEE") can("create", "SupportTicket");
  can(["read", "update", "resolve"], "SupportTicket", { requesterId: viewer.id });
  can("read", "SupportTicketMessage", { ticket: { is: { requesterId: viewer.id } } });
  if (viewer.role === "SUPPORT") {
    can(["read", "update", "assign", "resolve"], "SupportTicket");
    can("read", "SupportTicketMessage");
  }
};
