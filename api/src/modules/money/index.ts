// Front door of the money module: the only file other modules import. Generated entries are
// kept by scripts/front-doors.py; add hand-written exports below the generated block.
// <generated>
export * from "./ledger.schema.js";
export * from "./money.policy.js";
export * from "./money.service.js";
export * from "./partial-refunds.jobs.js";
export * from "./refunds.service.js";
// </generated>

// Idempotency keys: other modules' writes that take a charge or pay a refund use the same rules.
export { zIdempotencyKey, replayIdempotent, claimIdempotency, isIdempotencyTaken } from "./idempotency.service.js";
