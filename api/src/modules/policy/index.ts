// Front door of the policy module: the only file other modules import. Generated entries are
// kept by scripts/front-doors.py; add hand-written exports below the generated block.
// <generated>
export * from "./policy.policy.js";
export * from "./policy.service.js";
export * from "./policy.values.js";
// </generated>
