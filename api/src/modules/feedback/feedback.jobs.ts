import type { Job } from "../../jobs/runner.js";
import { systemActor } from "../../authz/viewer.js";
import { openDueCheckIns } from "./checkins.service.js";

/** Regular feedback check-ins on active mentorships (seed 004; policy feedback.*). */
export const openCheckInsJob: Job = {
  name: "feedback.openCheckIns",
  run: ({ db, pubsub, clock }) => openDueCheckIns(db, pubsub, clock.now(), systemActor("feedback.openCheckIns")),
};
