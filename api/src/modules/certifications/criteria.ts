// Certification criteria: completed sessions (sessions module: state ENDED), milestones reached
// (progress: Milestone.reachedAt in the mentee's mentorships) and the average evaluation score.
import type { DbTx } from "../../lib/db.js";
import type { CertificationProgram } from "../../generated/prisma/client.js";

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

export async function criteriaProgress(tx: DbTx, program: CertificationProgram, menteeId: string): Promise<CriteriaProgress> {
  const [completedSessions, milestonesReached, evals] = await Promise.all([
    tx.session.count({ where: { menteeId, state: "ENDED" } }),
    tx.milestone.count({ where: { reachedAt: { not: null }, mentorship: { is: { menteeId } } } }),
    tx.evaluation.aggregate({ where: { programId: program.id, menteeId }, _avg: { scorePercent: true }, _count: { _all: true } }),
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
