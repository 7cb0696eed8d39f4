// Front door of the conduct module: the only file other modules import. Generated entries are
// kept by scripts/front-doors.py; add hand-written exports below the generated block.
// <generated>
export * from "./conduct.policy.js";
export * from "./conduct.service.js";
// </generated>
