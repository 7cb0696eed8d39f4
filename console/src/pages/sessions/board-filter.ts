import type { SessionState } from "../../gql/graphql";

const HOUR = 3_600_000;
export const AHEAD_HOURS = 12;
export const BEHIND_HOURS = 2;
const STATES: SessionState[] = ["SCHEDULED", "LIVE", "ENDED", "NO_SHOW", "CANCELLED"];

/** The board's window: sessions ending after two hours ago and starting within twelve hours. */
export const boardFilter = (at = Date.now()) => ({
  states: STATES,
  from: new Date(at - BEHIND_HOURS * HOUR).toISOString(),
  to: new Date(at + AHEAD_HOURS * HOUR).toISOString(),
});
