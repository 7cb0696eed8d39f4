import type { Job } from "../../jobs/runner.js";
import { asSystem } from "../../lib/command.js";
import { completeEndedAgreements } from "./agreements.service.js";
import { expireMentorshipRequests } from "./consent.service.js";

/** Agreements are completed automatically after their end date (seed 004: duration). */
export const completeAgreementsJob: Job = {
  name: "mentorships.completeAgreements",
  run: (deps) => completeEndedAgreements(asSystem("mentorships.completeAgreements", deps)),
};

/** Mentorship requests nobody answered lapse after the policy's window (seed 004: consent). */
export const expireMentorshipRequestsJob: Job = {
  name: "mentorships.expireRequests",
  run: (deps) => expireMentorshipRequests(deps),
};
