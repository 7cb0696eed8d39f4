import type { Job } from "../../jobs/runner.js";
import { asSystem } from "../../lib/command.js";
import { PAYOUT_JOB, payDuePartialRefunds } from "./partial-refunds.payout.js";

/** Uncontested partial refunds are paid when the mentor's contest window closes (exactly once). */
export const payUncontestedPartialRefundsJob: Job = {
  name: PAYOUT_JOB,
  run: (deps) => payDuePartialRefunds(asSystem(PAYOUT_JOB, deps)),
};
