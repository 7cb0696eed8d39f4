import type { Job } from "../../jobs/runner.js";
import { systemActor } from "../../authz/viewer.js";
import { completeEndedAgreements } from "./agreements.service.js";
import { expireMentorshipRequests } from "./consent.service.js";

/** Agreements are completed automatically after their end date (seed 004: duration). */
export const completeAgreementsJob: Job = {
  name: "mentorships.completeAgreements",
  run: ({ db, pubsub, clock }) => completeEndedAgreements(db, pubsub, clock.now(), systemActor("mentorships.completeAgreements")),
};

/** Mentorship requests nobody answered lapse after the policy's window (seed 004: consent). */
export const expireMentorshipRequestsJob: Job = {
  name: "mentorships.expireRequests",
  run: ({ db, pubsub, clock }) => expireMentorshipRequests(db, pubsub, clock.now(), systemActor("mentorships.expireRequests")),
};
