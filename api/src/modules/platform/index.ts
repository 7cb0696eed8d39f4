// Front door of the platform module: the only file other modules import. Generated entries are
// kept by scripts/front-doors.py; add hand-written exports below the generated block.
// <generated>
export * from "./platform.policy.js";
export * from "./platform.service.js";
// </generated>
