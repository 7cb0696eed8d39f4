// Demo data for program features part A: the code of conduct and privacy policy in
// force and accepted by every demo user, an active mentorship (demo mentor + mentee, Career
// Accelerator) with an accepted agreement, goals, milestones and tasks, a first-session
// checklist and feedback on an ended session.
import type { Db } from "../src/lib/db.js";

const CONDUCT = `Mentor Code of Conduct (seed 002).
1. Trust and confidentiality: keep sessions confidential; never share or record them without written consent.
2. Expectations: at the first session cover confidentiality, expected results (and how many sessions are usually needed), openness, and a road map.
3. Professional background and surroundings; a good connection; camera on.
4. Punctuality: open the room 5-10 minutes before the session.
5. Listen with empathy; be nice. Scheduling sessions outside the platform leads to account deletion.`;

const PRIVACY = `Privacy policy (seed 004).
What we collect: your account (name, e-mail, time zone), mentor profile, bookings and payments, messages, feedback and reports.
How we store it: in our database, passwords and tokens only as hashes.
How we use it: to run sessions and payments, keep the community safe, and improve mentoring.
Your rights: export all your data at any time (exportMyData) and delete your account; money and enforcement records are kept as the law requires.`;

const day = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

export async function seedProgramADemo(db: Db, ids: Record<string, string>, now: Date): Promise<void> {
  const at = (days: number) => new Date(now.getTime() + days * 86_400_000);
  const admin = ids["admin@demo.local"];
  const conduct = await db.policyDocument.create({ data: { kind: "CODE_OF_CONDUCT", version: 1, title: "Code of conduct", body: CONDUCT, publishedAt: at(-30), publishedById: admin } });
  const privacy = await db.policyDocument.create({
    data: { kind: "PRIVACY_POLICY", version: 1, title: "Privacy policy", body: PRIVACY, summary: "What is collected, how it is stored and used", publishedAt: at(-30), publishedById: admin },
  });
  // Every demo user accepted both (the applicant too), so booking and joining work at once.
  await db.policyAcceptance.createMany({
    data: Object.values(ids).flatMap((userId) => [
      { documentId: conduct.id, kind: conduct.kind, version: 1, userId, acceptedAt: at(-29) },
      { documentId: privacy.id, kind: privacy.kind, version: 1, userId, acceptedAt: at(-29) },
    ]),
  });

  const mentorId = ids["mentor@demo.local"];
  const menteeId = ids["mentee@demo.local"];
  const program = await db.program.findFirst({ where: { name: "Career Accelerator" } });
  const m = await db.mentorship.create({ data: { mentorId, menteeId, programId: program?.id ?? null, status: "ACTIVE", startedBy: "MENTEE", createdAt: at(-21), menteeAcceptedAt: at(-21), mentorAcceptedAt: at(-21), activatedAt: at(-21) } });
  await db.mentorshipAgreement.create({
    data: {
      mentorshipId: m.id,
      version: 1,
      objectives: "Move from QA automation into a backend engineering role.",
      scope: "CV and portfolio review, two mock interviews, a system design primer, a small API project.",
      startsOn: day(at(-21)),
      endsOn: day(at(63)),
      confidentiality: "Everything discussed stays between mentor and mentee; nothing is recorded without both parties' written consent.",
      sessionsPerMonth: 2,
      commitmentNote: "The mentee completes assigned tasks before the next session.",
      status: "ACCEPTED",
      proposedBy: "MENTOR",
      proposedAt: at(-21),
      mentorAcceptedAt: at(-21),
      menteeAcceptedAt: at(-20),
    },
  });
  const goal = await db.goal.create({ data: { mentorshipId: m.id, title: "Land a backend role", description: "Junior or mid-level backend position by the end of the agreement.", targetDate: day(at(63)), createdBy: "MENTEE", createdAt: at(-20) } });
  const cv = await db.milestone.create({ data: { goalId: goal.id, mentorshipId: m.id, title: "CV and portfolio ready", position: 0, reachedAt: at(-7), createdAt: at(-20) } });
  const api = await db.milestone.create({ data: { goalId: goal.id, mentorshipId: m.id, title: "Ship the gradebook API", position: 1, dueOn: day(at(14)), createdAt: at(-20) } });
  await db.milestone.create({ data: { goalId: goal.id, mentorshipId: m.id, title: "Two mock interviews", position: 2, dueOn: day(at(42)), createdAt: at(-20) } });
  await db.task.createMany({
    data: [
      { mentorshipId: m.id, goalId: goal.id, milestoneId: cv.id, title: "Rewrite the CV around impact", status: "DONE", completedAt: at(-9), createdAt: at(-20) },
      { mentorshipId: m.id, goalId: goal.id, milestoneId: api.id, title: "Design the REST resources", status: "DONE", completedAt: at(-2), createdAt: at(-7) },
      { mentorshipId: m.id, goalId: goal.id, milestoneId: api.id, title: "Add tests and CI", dueAt: at(7), createdAt: at(-2) },
    ],
  });

  // Feedback and the first-session checklist on the pair's ended sessions (sessions demo).
  const ended = await db.session.findMany({ where: { mentorId, state: "ENDED" }, orderBy: { startsAt: "asc" } });
  const first = ended.find((s) => s.menteeId === menteeId);
  if (first) {
    await db.sessionExpectation.createMany({
      data: (["CONFIDENTIALITY", "EXPECTED_RESULTS", "OPENNESS", "ROAD_MAP"] as const).map((item) => ({ sessionId: first.id, item, coveredAt: first.startsAt, coveredById: mentorId })),
    });
  }
  for (const [i, s] of ended.entries()) {
    const at0 = s.endedAt ?? s.endsAt;
    await db.sessionFeedback.createMany({
      data: [
        { sessionId: s.id, authorId: s.menteeId, subjectId: mentorId, authorParty: "MENTEE", rating: i % 2 ? 4 : 5, comment: i % 2 ? "Useful, a bit rushed at the end." : "Clear advice and a concrete plan.", createdAt: at0 },
        { sessionId: s.id, authorId: mentorId, subjectId: s.menteeId, authorParty: "MENTOR", rating: 5, comment: "Well prepared.", createdAt: at0 },
      ],
      skipDuplicates: true,
    });
  }
}
