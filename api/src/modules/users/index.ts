// Front door of the users module: the only file other modules import. Generated entries are
// kept by scripts/front-doors.py; add hand-written exports below the generated block.
// <generated>
export * from "./users.policy.js";
export * from "./users.service.js";
// </generated>

// Domain-event handlers: a banned user's pending applications are declined by their owner, and
// the account status follows the user's standing with trust & safety.
import "./mentor-applications.service.js";
import "./standing.events.js";

// Composition: safety hands its content scanner to users (modules/index.ts).
export { provideContentScanner } from "./content-scan.js";
