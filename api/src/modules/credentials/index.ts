// Front door of the credentials module: the only file other modules import. Generated entries are
// kept by scripts/front-doors.py; add hand-written exports below the generated block.
// <generated>
export * from "./credentials.service.js";
// </generated>

// Domain-event handlers: account deletion (privacy) erases or scrubs what this module owns.
import "./account-deletion.events.js";
