import type { WebinarStatus } from "../../gql/graphql";

export const WEBINAR_STATUS: Record<WebinarStatus, string> = { SCHEDULED: "Scheduled", CANCELLED: "Cancelled" };
export const webinarTone = (s: WebinarStatus) => (s === "SCHEDULED" ? ("ok" as const) : ("bad" as const));
export const seatsText = (w: { registeredCount: number; capacity?: number | null }) => (w.capacity ? `${w.registeredCount} of ${w.capacity}` : `${w.registeredCount} (no limit)`);
