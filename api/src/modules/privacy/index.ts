// Front door of the privacy module: the only file other modules import. Generated entries are
// kept by scripts/front-doors.py; add hand-written exports below the generated block.
// <generated>
export * from "./privacy.policy.js";
// </generated>

// Held content of deleted accounts is scrubbed once released (a job).
export { scrubReleasedContentJob } from "./scrub.js";

// The account-deletion events the owners of personal data handle.
export type { DeletionSummary, ScrubCounts } from "./privacy.events.js";
