import type { ModuleRules } from "../../authz/ability.js";

// Admins hold `manage all` (users.policy). Parties read their own money and disputes, never
// internal notes (DisputeNote rows with visibility INTERNAL). Support staff read everything,
// refund charges, and assign, annotate and resolve disputes.
export const moneyRules: ModuleRules = (viewer, { can }) => {
  if (!viewer) return;
  can("read", "Refund", { charge: { is: { payerId: viewer.id } } });
  can("read", "Refund", { charge: { is: { payeeId: viewer.id } } });
  for (const cond of [{ mentorId: viewer.id }, { menteeId: viewer.id }]) {
    can("read", "PartialRefundRequest", cond);
    can("read", "Dispute", cond);
    can("read", "DisputeNote", { visibility: "PARTIES", dispute: { is: cond } });
  }
  if (viewer.role === "MENTEE") {
    can("create", "PartialRefundRequest", { menteeId: viewer.id });
    can("create", "Dispute");
  }
  if (viewer.role === "MENTOR") {
    // contesting a request against them
    can("update", "PartialRefundRequest", { mentorId: viewer.id });
    can("create", "Dispute");
  }
  if (viewer.role === "SUPPORT") {
    can("read", ["Charge", "Refund", "PartialRefundRequest", "Dispute", "DisputeNote"]);
    can("refund", "Charge");
    can(["assign", "update", "resolve"], "Dispute");
    can("create", "DisputeNote");
  }
};
