import type { Job } from "../../jobs/runner.js";
import { asSystem } from "../../lib/command.js";
import { openDueCheckIns } from "./checkins.service.js";

/** Regular feedback check-ins on active mentorships (seed 004; policy feedback.*). */
export const openCheckInsJob: Job = {
  name: "feedback.openCheckIns",
  run: (deps) => openDueCheckIns(asSystem("feedback.openCheckIns", deps)),
};
