import type { Job } from "../../jobs/runner.js";
import { systemActor } from "../../authz/viewer.js";
import { completeEndedAgreements } from "./agreements.service.js";

/** Agreements are completed automatically after their end date (seed 004: duration). */
export const completeAgreementsJob: Job = {
  name: "mentorships.completeAgreements",
  run: ({ db, pubsub, clock }) => completeEndedAgreements(db, pubsub, clock.now(), systemActor("mentorships.completeAgreements")),
};
