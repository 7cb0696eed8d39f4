import type { ModuleRules } from "../../authz/ability.js";

// Each party gives or withdraws their own consent; both parties see both consents of their
// session; staff read them (recording complaints, seed 000).
export const consentRules: ModuleRules = (viewer, { can }) => {
  if (!viewer) return;
  can(["create", "update"], "RecordingConsent", { userId: viewer.id });
  for (const cond of [{ mentorId: viewer.id }, { menteeId: viewer.id }] as const) can("read", "RecordingConsent", { session: { is: cond } });
  if (viewer.role === "SUPPORT" || viewer.role === "ADMIN") can("read", "RecordingConsent");
};
