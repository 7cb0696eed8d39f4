// Who may evaluate, and how often: evaluations move a mentee's certification, so only the
// mentee's own mentor in the certification's mentoring program gives them, on an ACTIVE
// mentorship (both sides consented), at most once per mentorship per policy period.
import type { DbTx } from "../../lib/db.js";
import { DomainError, conflict } from "../../lib/errors.js";
import type { CertificationProgram, Mentorship } from "../../generated/prisma/client.js";
import { currentPolicy } from "../policy/index.js";

const DAY = 86_400_000;

export function assertEvaluable(m: Pick<Mentorship, "status" | "programId">, program: Pick<CertificationProgram, "mentoringProgramId">) {
  if (m.status !== "ACTIVE") throw new DomainError("PRECONDITION_FAILED", "Only an active mentorship (accepted by both sides) can carry an evaluation", { status: m.status });
  if ((m.programId ?? null) !== (program.mentoringProgramId ?? null))
    throw new DomainError("PRECONDITION_FAILED", "This mentorship is not in the certification's mentoring program", { mentorshipProgramId: m.programId, requiredProgramId: program.mentoringProgramId });
}

export async function assertEvaluationPeriod(tx: DbTx, mentorshipId: string, programId: string, now: Date) {
  const { values } = await currentPolicy(tx);
  const since = new Date(now.getTime() - values.certification.evaluationPeriodDays * DAY);
  const last = await tx.evaluation.findFirst({ where: { mentorshipId, programId, createdAt: { gt: since } }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
  if (last) {
    const next = new Date(last.createdAt.getTime() + values.certification.evaluationPeriodDays * DAY);
    throw conflict(`This mentorship was evaluated on ${last.createdAt.toISOString().slice(0, 10)}; the next evaluation is possible from ${next.toISOString()}`, { nextEvaluationAt: next.toISOString() });
  }
}
