// Front door of the notifications module: the only file other modules import. Generated entries are
// kept by scripts/front-doors.py; add hand-written exports below the generated block.
// <generated>
export * from "./notifications.jobs.js";
export * from "./notifications.policy.js";
export * from "./notifications.service.js";
// </generated>

// Domain-event handlers: account deletion (privacy) erases or scrubs what this module owns.
import "./account-deletion.events.js";
