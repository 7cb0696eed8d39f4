import type { Job } from "../../jobs/runner.js";
import { asSystem } from "../../lib/command.js";
import { completeEndedAgreements } from "./agreements.service.js";

/** Agreements are completed automatically after their end date (seed 004: duration). */
export const completeAgreementsJob: Job = {
  name: "mentorships.completeAgreements",
  run: (deps) => completeEndedAgreements(asSystem("mentorships.completeAgreements", deps)),
};
