// Front door of the auth module: the only file other modules import. Generated entries are
// kept by scripts/front-doors.py; add hand-written exports below the generated block.
// <generated>
export * from "./auth.jobs.js";
export * from "./auth.policy.js";
export * from "./auth.schema.js";
export * from "./auth.service.js";
// </generated>

// Ban evasion: keyed hashes of banned accounts' e-mails (sign-up guard, written at a ban).
export { rememberBannedEmail } from "./ban-evasion.js";

// Composition: safety hands its restriction reader to auth (modules/index.ts).
export { provideRestrictionReader } from "./restrictions.js";
