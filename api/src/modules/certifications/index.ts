// Front door of the certifications module: the only file other modules import. Generated entries are
// kept by scripts/front-doors.py; add hand-written exports below the generated block.
// <generated>
export * from "./certifications.jobs.js";
export * from "./certifications.policy.js";
// </generated>
