// Front door of the sessions module: the only file other modules import. Generated entries are
// kept by scripts/front-doors.py; add hand-written exports below the generated block.
// <generated>
export * from "./sessions.jobs.js";
export * from "./sessions.policy.js";
export * from "./sessions.service.js";
export * from "./video-token.js";
// </generated>
