// Demo data for the trust rules: a mentorship request waiting for the other side's consent, and a
// suspension that ran out by itself whose case is back in the review queue.
import type { Db } from "../src/lib/db.js";

export async function seedTrustDemo(db: Db, ids: Record<string, string>, now: Date): Promise<void> {
  const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
  // Zoe asked Kenji to mentor her yesterday; it becomes active only when Kenji accepts, and
  // lapses after the policy's 14 days.
  await db.mentorship.create({
    data: {
      mentorId: ids["mentor2@demo.local"], menteeId: ids["mentee2@demo.local"], status: "PENDING", startedBy: "MENTEE",
      menteeAcceptedAt: at(-20), expiresAt: at(-20 + 14 * 24), createdAt: at(-20),
    },
  });

  // Omar insulted a mentor; support upheld it with a 7-day strike, which ran out yesterday: the
  // case is back in the queue (OPEN) with its decision and enforcement kept.
  const omar = ids["mentee3@demo.local"];
  const strike = await db.enforcement.create({
    data: {
      userId: omar, kind: "STRIKE", scope: "ACCOUNT", category: "RUDENESS", origin: "REVIEW", reason: "Insulting messages to a mentor (upheld report)",
      startsAt: at(-8 * 24), endsAt: at(-24), countsUntil: at(174 * 24), appealDeadline: at(6 * 24), policyVersion: 0, policyValues: {},
      issuedById: ids["support@demo.local"], dedupeKey: `demo:lapsed-strike:${omar}`, createdAt: at(-8 * 24), lapsedAt: at(-24),
    },
  });
  await db.report.create({
    data: {
      reporterId: ids["mentor2@demo.local"], reporterRole: "MENTOR", subjectId: omar, category: "RUDENESS", description: "Insulting messages after a rescheduled session.",
      dedupeKey: `demo:lapsed-report:${omar}`, status: "OPEN", reviewerId: ids["support@demo.local"], decisionReason: "Upheld: the messages are in the chat log.",
      decidedAt: at(-8 * 24), enforcementId: strike.id, createdAt: at(-9 * 24),
    },
  });
  await db.auditLog.create({
    data: {
      actorKind: "SYSTEM", action: "safety.caseRequeued", subjectType: "Enforcement", subjectId: strike.id, before: { reports: [{ status: "UPHELD" }] }, after: { reportStatus: "OPEN", userId: omar },
      reason: "The suspension ended by itself; the case is back in the review queue", createdAt: at(-24),
    },
  });
}
