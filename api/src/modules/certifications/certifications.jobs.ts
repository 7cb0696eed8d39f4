import type { Job } from "../../jobs/runner.js";
import { asSystem } from "../../lib/command.js";
import { issueDueCertificates } from "./certificates.service.js";

/** Issues certificates whose criteria were completed by other modules' writes (sessions, milestones). */
export const issueCertificatesJob: Job = {
  name: "certifications.issue",
  run: (deps) => issueDueCertificates(asSystem("certifications.issue", deps)),
};
