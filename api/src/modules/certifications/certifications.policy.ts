import type { ModuleRules } from "../../authz/ability.js";

// Evaluation and certification: admins define programs (`manage all`); mentees enrol
// and see their own evaluations and certificates; mentors evaluate their mentees (the service
// checks the mentorship) and see the evaluations they wrote; support staff read everything and
// issue (`certify`) or revoke certificates. Anyone may verify a code (public query, no ability).
export const certificationsRules: ModuleRules = (viewer, { can }) => {
  if (!viewer) return;
  can("read", "CertificationProgram", { active: true });
  if (viewer.role === "MENTEE") {
    can(["create", "read"], "CertificationEnrollment", { menteeId: viewer.id });
    can("read", ["Evaluation", "Certificate"], { menteeId: viewer.id });
  }
  if (viewer.role === "MENTOR") {
    can("create", "Evaluation");
    can("read", "Evaluation", { mentorId: viewer.id });
  }
  if (viewer.role === "SUPPORT") {
    can("read", ["CertificationProgram", "CertificationEnrollment", "Evaluation", "Certificate"]);
    can(["certify", "revoke"], "Certificate");
  }
};
