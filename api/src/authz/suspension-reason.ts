// Suspensions fold into the CASL ability as `cannot(...).because(reason)`; the reason carries
// what a blocked call must tell the user (FEATURE_SUSPENDED with reason and end date, seed 003).
import type { ActiveSuspension } from "./viewer.js";

const PREFIX = "suspension:";

export function suspensionReason(s: ActiveSuspension): string {
  return PREFIX + JSON.stringify({
    enforcementId: s.enforcementId,
    scope: s.scope,
    feature: s.feature,
    programId: s.programId,
    reason: s.reason,
    endsAt: s.endsAt ? s.endsAt.toISOString() : null,
  });
}

export function suspensionFromReason(reason: string | undefined): { message: string; details: Record<string, unknown> } | undefined {
  if (!reason?.startsWith(PREFIX)) return undefined;
  const details = JSON.parse(reason.slice(PREFIX.length)) as Record<string, unknown>;
  const what = details.scope === "PROGRAM" ? "This program's features are" : `The ${String(details.feature)} feature is`;
  const until = details.endsAt ? `until ${String(details.endsAt)}` : "permanently";
  return { message: `${what} suspended for you ${until}: ${String(details.reason)}`, details: { ...details, permanent: !details.endsAt } };
}
