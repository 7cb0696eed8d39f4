// Certification criteria: completed sessions (sessions module: state ENDED), milestones reached
// (progress: Milestone.reachedAt) and the average evaluation score. Only work done while a
// mentorship of the certification's mentoring program was ACTIVE (both sides consented, not yet
// ended) and since the mentee's enrolment counts: a pending request or a stranger's mentorship
// cannot move a mentee's certification either way.
import type { DbTx } from "../../lib/db.js";
import type { CertificationProgram, Prisma } from "../../generated/prisma/client.js";

export interface CriteriaProgress {
  completedSessions: number;
  requiredSessions: number;
  milestonesReached: number;
  requiredMilestones: number;
  /** Average of the mentee's evaluations in this program (percent), null without any. */
  evaluationScore: number | null;
  requiredScore: number | null;
  evaluations: number;
  met: boolean;
}

interface Window {
  mentorshipId: string;
  mentorId: string;
  from: Date;
  to: Date | null;
}

/** When each of the mentee's mentorships in the program was active, clipped to the enrolment. */
async function activeWindows(tx: DbTx, program: Pick<CertificationProgram, "id" | "mentoringProgramId">, menteeId: string): Promise<Window[]> {
  const enrolment = await tx.certificationEnrollment.findUnique({ where: { programId_menteeId: { programId: program.id, menteeId } }, select: { enrolledAt: true } });
  if (!enrolment) return [];
  const mentorships = await tx.mentorship.findMany({
    where: { menteeId, programId: program.mentoringProgramId ?? null, activatedAt: { not: null }, status: { in: ["ACTIVE", "COMPLETED", "ENDED"] } },
    select: { id: true, mentorId: true, activatedAt: true, endedAt: true, status: true },
  });
  return mentorships
    .map((m) => ({
      mentorshipId: m.id,
      mentorId: m.mentorId,
      from: new Date(Math.max(m.activatedAt!.getTime(), enrolment.enrolledAt.getTime())),
      to: m.status === "ACTIVE" ? null : m.endedAt,
    }))
    .filter((w) => !w.to || w.to >= w.from);
}

const within = (from: Date, to: Date | null) => ({ gte: from, ...(to ? { lte: to } : {}) });

export async function criteriaProgress(tx: DbTx, program: CertificationProgram, menteeId: string): Promise<CriteriaProgress> {
  const windows = await activeWindows(tx, program, menteeId);
  const none = { id: "" } as const;
  const sessionWhere: Prisma.SessionWhereInput = windows.length
    ? { menteeId, state: "ENDED", OR: windows.map((w) => ({ mentorId: w.mentorId, startsAt: { gte: w.from }, ...(w.to ? { endsAt: { lte: w.to } } : {}) })) }
    : none;
  const milestoneWhere: Prisma.MilestoneWhereInput = windows.length ? { OR: windows.map((w) => ({ mentorshipId: w.mentorshipId, reachedAt: within(w.from, w.to) })) } : none;
  const evaluationWhere: Prisma.EvaluationWhereInput = windows.length
    ? { programId: program.id, menteeId, OR: windows.map((w) => ({ mentorshipId: w.mentorshipId, mentorId: w.mentorId, createdAt: within(w.from, w.to) })) }
    : none;
  const [completedSessions, milestonesReached, evals] = await Promise.all([
    tx.session.count({ where: sessionWhere }),
    tx.milestone.count({ where: milestoneWhere }),
    tx.evaluation.aggregate({ where: evaluationWhere, _avg: { scorePercent: true }, _count: { _all: true } }),
  ]);
  const avg = evals._avg.scorePercent;
  const evaluationScore = avg === null ? null : Math.floor(avg);
  const met =
    completedSessions >= program.minCompletedSessions &&
    milestonesReached >= program.minMilestonesReached &&
    (program.minEvaluationScore === null || (evaluationScore !== null && evaluationScore >= program.minEvaluationScore));
  return {
    completedSessions,
    requiredSessions: program.minCompletedSessions,
    milestonesReached,
    requiredMilestones: program.minMilestonesReached,
    evaluationScore,
    requiredScore: program.minEvaluationScore,
    evaluations: evals._count._all,
    met,
  };
}
