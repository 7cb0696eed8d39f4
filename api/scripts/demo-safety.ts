// Trust & safety demo data: an open review queue (a user report and a detector hit), an upheld
// report with its warning, and a feature strike, so the console shows a lived-in queue.
import type { Db } from "../src/lib/db.js";
import { defaultPolicy } from "../src/modules/policy/policy.values.js";

const DAY = 86_400_000;

export async function seedSafetyDemo(db: Db, ids: Record<string, string>, now: Date): Promise<void> {
  const v = defaultPolicy().safety;
  const policyValues = { safety: v };
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const plus = (d: Date, days: number) => new Date(d.getTime() + days * DAY);
  const support = ids["support@demo.local"];
  const kenji = ids["mentor2@demo.local"];
  const omar = ids["mentee3@demo.local"];

  // Open: a rudeness complaint waiting for review.
  await db.report.create({
    data: {
      reporterId: ids["mentee2@demo.local"],
      reporterRole: "MENTEE",
      subjectId: kenji,
      category: "RUDENESS",
      description: "Raised his voice and mocked my portfolio during the session.",
      dedupeKey: `user:${ids["mentee2@demo.local"]}:${kenji}:RUDENESS:-`,
      createdAt: ago(1),
    },
  });
  // Open: a detector hit on profile text.
  await db.report.create({
    data: {
      subjectId: ids["applicant@demo.local"],
      category: "OFF_PLATFORM",
      source: "DETECTOR",
      detectorRule: "contact.email",
      description: "An e-mail address in user content (profile)",
      evidence: { source: "profile", refId: ids["applicant@demo.local"], match: "pr**********om" },
      dedupeKey: `detector:contact.email:${ids["applicant@demo.local"]}:profile:demo`,
      createdAt: ago(2),
    },
  });

  // Upheld: taking a mentee off-platform -> first step of the ladder, a warning.
  const warnedAt = ago(20);
  const warning = await db.enforcement.create({
    data: {
      userId: kenji,
      kind: "WARNING",
      category: "OFF_PLATFORM",
      origin: "REVIEW",
      reason: "Taking users off the platform or gaming the system: offered sessions over WhatsApp at a discount.",
      startsAt: warnedAt,
      countsUntil: plus(warnedAt, v.strikeWindowDays),
      appealDeadline: plus(warnedAt, v.appealWindowDays),
      policyVersion: 0,
      policyValues,
      issuedById: support,
      dedupeKey: "demo:warning:kenji",
      createdAt: warnedAt,
    },
  });
  await db.report.create({
    data: {
      reporterId: ids["mentee3@demo.local"],
      reporterRole: "MENTEE",
      subjectId: kenji,
      category: "OFF_PLATFORM",
      description: "He asked me to pay him directly over WhatsApp for the next sessions.",
      dedupeKey: `user:${omar}:${kenji}:OFF_PLATFORM:-`,
      status: "UPHELD",
      reviewerId: support,
      decisionReason: "Chat log confirms the request to pay outside the platform.",
      decidedAt: warnedAt,
      enforcementId: warning.id,
      createdAt: ago(21),
    },
  });

  // A strike on a feature: coupon begging in chat disables chat for a month.
  const struckAt = ago(5);
  const strike = await db.enforcement.create({
    data: {
      userId: omar,
      kind: "STRIKE",
      scope: "FEATURE",
      feature: "chat",
      category: "REVIEW_FAVOURS",
      origin: "REVIEW",
      reason: "Reviews for favours or coupon begging: offered a five-star review for a free session, again after a warning.",
      startsAt: struckAt,
      endsAt: plus(struckAt, v.strikeSuspensionDays),
      countsUntil: plus(struckAt, v.strikeWindowDays),
      appealDeadline: plus(struckAt, v.appealWindowDays),
      policyVersion: 0,
      policyValues,
      issuedById: support,
      dedupeKey: "demo:strike:omar",
      createdAt: struckAt,
    },
  });
  await db.report.create({
    data: {
      reporterId: ids["mentor@demo.local"],
      reporterRole: "MENTOR",
      subjectId: omar,
      category: "REVIEW_FAVOURS",
      description: "Offered a five-star review in exchange for a free session.",
      dedupeKey: `user:${ids["mentor@demo.local"]}:${omar}:REVIEW_FAVOURS:-`,
      status: "UPHELD",
      reviewerId: support,
      decisionReason: "Second offence after an earlier warning in chat.",
      decidedAt: struckAt,
      enforcementId: strike.id,
      createdAt: ago(6),
    },
  });
  await db.auditLog.createMany({
    data: [
      { actorKind: "USER", actorId: support, action: "safety.enforce", subjectType: "Enforcement", subjectId: warning.id, after: { userId: kenji, kind: "WARNING" }, reason: warning.reason, createdAt: warnedAt },
      { actorKind: "USER", actorId: support, action: "safety.enforce", subjectType: "Enforcement", subjectId: strike.id, after: { userId: omar, kind: "STRIKE", scope: "FEATURE", feature: "chat" }, reason: strike.reason, createdAt: struckAt },
    ],
  });
}
