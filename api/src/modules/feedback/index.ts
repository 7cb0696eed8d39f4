// Front door of the feedback module: the only file other modules import. Generated entries are
// kept by scripts/front-doors.py; add hand-written exports below the generated block.
// <generated>
export * from "./feedback.jobs.js";
export * from "./feedback.policy.js";
// </generated>
