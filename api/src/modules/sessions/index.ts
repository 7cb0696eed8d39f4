// Front door of the sessions module: the only file other modules import. Generated entries are
// kept by scripts/front-doors.py; add hand-written exports below the generated block.
// <generated>
export * from "./sessions.jobs.js";
export * from "./sessions.policy.js";
export * from "./sessions.service.js";
export * from "./video-token.js";
// </generated>

// Domain-event handlers of tables this module owns (registered when the front door loads):
// a banned mentor's bookings (cancellation.ts), fee multipliers after upheld complaints (tardiness).
import "./cancellation.js";
import "./tardiness.service.js";

// Domain-event handlers: account deletion (privacy) erases or scrubs what this module owns.
import "./account-deletion.events.js";
