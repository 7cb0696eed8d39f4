// Readable names for audit action codes. Known codes get a sentence; any other code still reads
// as words ("user.setRole" → "User: set role"), and the page keeps the code as secondary text.
const KNOWN: Record<string, string> = {
  "safety.enforce": "Enforcement issued",
  "safety.overturn": "Enforcement overturned",
  "safety.appeal.file": "Appeal filed",
  "safety.appeal.decide": "Appeal decided",
  "safety.report.file": "Report filed",
  "safety.report.review": "Report reviewed",
  "safety.report.detected": "Report raised by a detector",
  "safety.suspensionEnded": "Suspension ended",
  "safety.expireSuspensions": "Expired suspensions lifted",
  "session.cancel": "Session cancelled",
  "session.cancelByBan": "Session cancelled by a ban",
  "session.reschedule": "Session rescheduled",
  "session.end": "Session ended",
  "refund.issue": "Refund issued",
  "refund.partial.request": "Partial refund requested",
  "refund.partial.contest": "Partial refund contested",
  "refund.partial.close": "Partial refund closed",
  "dispute.open": "Dispute opened",
  "dispute.assign": "Dispute assigned",
  "dispute.resolve": "Dispute resolved",
  "policy.update": "Policy changed",
  "platform.update": "Platform settings changed",
  "user.create": "Account created",
  "user.setRole": "Role changed",
  "user.setStatus": "Account status changed",
  "account.delete": "Account deleted",
  "support.assign": "Ticket assigned",
  "support.close": "Ticket closed",
  "certification.issue": "Certificate issued",
  "certification.revoke": "Certificate revoked",
  "mentor.feeMultiplier": "Mentor fee multiplier changed",
  "mentorship.start": "Mentorship started",
  "mentorship.end": "Mentorship ended",
  "program.addMember": "Program member added",
  "program.removeMember": "Program member removed",
};

/** "setRole" → "set role", "cancel_by_ban" → "cancel by ban". */
export const humanize = (code: string) =>
  code
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase();

export function actionLabel(code: string): string {
  const known = KNOWN[code];
  if (known) return known;
  const [area, ...rest] = code.split(".");
  const what = humanize(rest.join(" "));
  const head = humanize(area);
  return what ? `${head.charAt(0).toUpperCase()}${head.slice(1)}: ${what}` : `${head.charAt(0).toUpperCase()}${head.slice(1)}`;
}
