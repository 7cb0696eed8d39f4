import type { Job } from "../../jobs/runner.js";
import { PAYOUT_JOB, payDuePartialRefunds } from "./partial-refunds.service.js";

/** Uncontested partial refunds are paid when the mentor's contest window closes (exactly once). */
export const payUncontestedPartialRefundsJob: Job = {
  name: PAYOUT_JOB,
  run: ({ db, pubsub, clock }) => payDuePartialRefunds(db, pubsub, clock.now()),
};
