// Front door of the audit module: the only file other modules import. Generated entries are
// kept by scripts/front-doors.py; add hand-written exports below the generated block.
// <generated>
export * from "./audit.policy.js";
export * from "./audit.service.js";
// </generated>
