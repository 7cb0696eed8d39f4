// Certification programs, enrolment, rubric evaluations, certificates (issued exactly once,
// automatically when the criteria are met or by staff), revocation and public verification.
import { z } from "zod";
import { subject } from "@casl/ability";
import { defineCommand } from "../../lib/command.js";
import type { AppAbility } from "../../authz/actions.js";
import { DomainError, badInput, notFound } from "../../lib/errors.js";
import { zId, zName } from "../../lib/validate.js";
import type { CertificationEnrollment, CertificationProgram, Evaluation, Prisma } from "../../generated/prisma/client.js";
import type { CriteriaProgress } from "./criteria.js";
import { assertEvaluable, assertEvaluationPeriod } from "./evaluation-rules.js";
import { issueIfEligible } from "./issuing.js";

export type { CriteriaProgress };
export interface RubricCriterion {
  key: string;
  label: string;
  maxPoints: number;
}

const zRubric = z
  .array(z.object({ key: z.string().regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, "a short identifier such as communication"), label: z.string().trim().min(2).max(200), maxPoints: z.number().int().min(1).max(100) }))
  .min(1)
  .max(20)
  .refine((r) => new Set(r.map((c) => c.key)).size === r.length, { message: "rubric keys must be unique" });

const programInput = z.object({
  name: zName(120).min(3),
  description: z.string().trim().max(5000).default(""),
  minCompletedSessions: z.number().int().min(0).max(1000).default(0),
  minMilestonesReached: z.number().int().min(0).max(1000).default(0),
  minEvaluationScore: z.number().int().min(0).max(100).nullable().default(null),
  rubric: zRubric,
  // the mentoring program whose mentorships earn it; none: programless mentorships
  mentoringProgramId: zId.nullable().default(null),
});

export const createCertificationProgram = defineCommand({
  name: "certifications.createProgram",
  input: programInput,
  authorize: (g) => {
    g.user();
    g.can("create", "CertificationProgram");
  },
  run: async (c, _none, data): Promise<CertificationProgram> => {
    if (data.mentoringProgramId && !(await c.tx.program.findUnique({ where: { id: data.mentoringProgramId }, select: { id: true } }))) throw notFound("Program", data.mentoringProgramId);
    try {
      const p = await c.tx.certificationProgram.create({ data: { ...data, rubric: data.rubric as Prisma.InputJsonValue, createdAt: c.now } });
      await c.audit({ action: "certification.program.create", subjectType: "CertificationProgram", subjectId: p.id, after: data });
      return p;
    } catch (e) {
      if ((e as { code?: string }).code === "P2002") throw new DomainError("CONFLICT", "A certification program with this name already exists");
      throw e;
    }
  },
});

/** Programs the viewer may not read look absent. */
function readableProgram(ability: AppAbility, p: CertificationProgram | null, programId: string): CertificationProgram {
  if (!p || !ability.can("read", subject("CertificationProgram", p) as never)) throw notFound("Certification program", programId);
  return p;
}

function assertOpen(p: CertificationProgram) {
  if (!p.active) throw new DomainError("PRECONDITION_FAILED", "This certification program is closed");
}

const enrollInput = z.object({ programId: zId });

/** A mentee enrols; a certificate already earned by the criteria is issued at once. */
export const enrollInCertification = defineCommand({
  name: "certifications.enroll",
  input: enrollInput,
  load: (c, { programId }) => c.tx.certificationProgram.findUnique({ where: { id: programId } }),
  authorize: (g, program, { programId }) => {
    const me = g.user().id;
    g.can("create", "CertificationEnrollment", { programId, menteeId: me });
    readableProgram(g.ability, program, programId);
  },
  run: async (c, loaded, { programId }): Promise<CertificationEnrollment> => {
    const program = loaded as CertificationProgram;
    assertOpen(program);
    const menteeId = (c.actor as { id: string }).id;
    const e = await c.tx.certificationEnrollment.upsert({
      where: { programId_menteeId: { programId, menteeId } },
      create: { programId, menteeId, enrolledAt: c.now },
      update: {},
    });
    await issueIfEligible(c, program, menteeId);
    return e;
  },
});

const evaluateInput = z.object({
  programId: zId,
  mentorshipId: zId,
  scores: z.array(z.object({ key: z.string().min(1).max(40), points: z.number().int().min(0).max(100) })).min(1).max(20),
  comment: z.string().trim().max(5000).default(""),
});

/**
 * The mentee's mentor in the certification's mentoring program scores the mentee against the
 * rubric: only on an ACTIVE mentorship, at most once per mentorship per policy period.
 */
export const evaluateMentee = defineCommand({
  name: "certifications.evaluate",
  input: evaluateInput,
  load: async (c, i) => {
    // Locked: two evaluations racing on one mentorship are decided one after the other.
    await c.tx.$queryRaw`SELECT id FROM "Mentorship" WHERE id = ${i.mentorshipId} FOR UPDATE`;
    const mentorship = await c.tx.mentorship.findUnique({ where: { id: i.mentorshipId } });
    const program = await c.tx.certificationProgram.findUnique({ where: { id: i.programId } });
    return { mentorship, program };
  },
  authorize: (g, { mentorship: m, program }, i) => {
    const me = g.user().id;
    // Other mentors' mentorships look absent.
    if (!m || m.mentorId !== me) throw notFound("Mentorship", i.mentorshipId);
    g.can("create", "Evaluation", { programId: i.programId, mentorshipId: m.id, mentorId: m.mentorId, menteeId: m.menteeId });
    readableProgram(g.ability, program, i.programId);
  },
  run: async (c, loaded, data): Promise<Evaluation> => {
    const m = loaded.mentorship!;
    const program = loaded.program!;
    assertOpen(program);
    assertEvaluable(m, program);
    await assertEvaluationPeriod(c.tx, m.id, program.id, c.now);
    const enrolled = await c.tx.certificationEnrollment.findUnique({ where: { programId_menteeId: { programId: program.id, menteeId: m.menteeId } } });
    if (!enrolled) throw new DomainError("PRECONDITION_FAILED", "The mentee is not enrolled in this certification program");
    const rubric = program.rubric as unknown as RubricCriterion[];
    const given = new Map(data.scores.map((s) => [s.key, s.points]));
    const fields: Record<string, string> = {};
    if (given.size !== data.scores.length) fields.scores = "each rubric key once";
    for (const r of rubric) {
      const p = given.get(r.key);
      if (p === undefined) fields[`scores.${r.key}`] = "missing";
      else if (p > r.maxPoints) fields[`scores.${r.key}`] = `at most ${r.maxPoints}`;
    }
    for (const k of given.keys()) if (!rubric.some((r) => r.key === k)) fields[`scores.${k}`] = "not in the rubric";
    if (Object.keys(fields).length) throw badInput("The scores do not match the program's rubric", fields);
    const max = rubric.reduce((s, r) => s + r.maxPoints, 0);
    const total = rubric.reduce((s, r) => s + (given.get(r.key) ?? 0), 0);
    const ev = await c.tx.evaluation.create({
      data: {
        programId: program.id,
        menteeId: m.menteeId,
        mentorId: m.mentorId,
        mentorshipId: m.id,
        scores: Object.fromEntries(given),
        scorePercent: Math.floor((total * 100) / max),
        comment: data.comment,
        createdAt: c.now,
      },
    });
    // The triggering write: the certificate is issued in the same transaction when now earned.
    await issueIfEligible(c, program, m.menteeId);
    return ev;
  },
});
