// Front door of the safety module: the only file other modules import. Generated entries are
// kept by scripts/front-doors.py; add hand-written exports below the generated block.
// <generated>
export * from "./detectors.service.js";
export * from "./enforcement.service.js";
export * from "./preview.service.js";
export * from "./reports.service.js";
export * from "./safety.jobs.js";
export * from "./safety.policy.js";
export * from "./standing.service.js";
// </generated>

import { onPolicyChanged } from "../policy/index.js";
import { reevaluateAllThresholds as reevaluate } from "./thresholds.js";
// New thresholds apply from now on to complaints not yet acted on (what the preview lists);
// enforcements already issued keep the version they were issued under.
onPolicyChanged(async (deps) => {
  await reevaluate(deps);
});

// Lapsed suspensions go back to the review queue (a job).
export { requeueLapsedSuspensionsJob } from "./suspension-lapse.js";
// The events this module emits (declared by module augmentation of lib/events.ts).
export type {} from "./safety.events.js";
