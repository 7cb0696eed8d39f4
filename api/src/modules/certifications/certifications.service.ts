// Certification programs, enrolment, rubric evaluations, certificates (issued exactly once,
// automatically when the criteria are met or by staff), revocation and public verification.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { subject } from "@casl/ability";
import type { ServiceDeps } from "../../lib/deps.js";
import type { DbTx } from "../../lib/db.js";
import type { Actor } from "../../authz/viewer.js";
import { DomainError, badInput, notFound } from "../../lib/errors.js";
import { parseInput, zId, zName } from "../../lib/validate.js";
import { assertCan } from "../../authz/assert.js";
import type { Certificate, CertificationEnrollment, CertificationProgram, Evaluation, Prisma } from "../../generated/prisma/client.js";
import { recordAudit, announceAudit } from "../audit/index.js";
import { announceNotices, enqueueNotices } from "../notifications/index.js";
import { criteriaProgress, type CriteriaProgress } from "./criteria.js";
import { assertEvaluable, assertEvaluationPeriod } from "./evaluation-rules.js";

export type { CriteriaProgress };
export interface RubricCriterion {
  key: string;
  label: string;
  maxPoints: number;
}

export type Fx = { audits: { id: string }[]; notices: { id: string; userId: string }[] };
export const newFx = (): Fx => ({ audits: [], notices: [] });
export function flush(deps: Pick<ServiceDeps, "pubsub">, fx: Fx) {
  announceAudit(deps.pubsub, fx.audits);
  announceNotices(deps.pubsub, fx.notices);
}

function userActor(deps: ServiceDeps) {
  if (deps.actor?.kind !== "USER") throw new DomainError("UNAUTHENTICATED", "Sign in first");
  return deps.actor;
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

export async function createCertificationProgram(deps: ServiceDeps, input: unknown): Promise<CertificationProgram> {
  const data = parseInput(programInput, input);
  userActor(deps);
  assertCan(deps.ability, "create", "CertificationProgram");
  const fx = newFx();
  try {
    const row = await deps.db.$transaction(async (tx) => {
      if (data.mentoringProgramId && !(await tx.program.findUnique({ where: { id: data.mentoringProgramId }, select: { id: true } }))) throw notFound("Program", data.mentoringProgramId);
      const p = await tx.certificationProgram.create({ data: { ...data, rubric: data.rubric as Prisma.InputJsonValue, createdAt: deps.clock.now() } });
      fx.audits.push(await recordAudit(tx, deps.actor, { action: "certification.program.create", subjectType: "CertificationProgram", subjectId: p.id, after: data }, deps.requestId));
      return p;
    });
    flush(deps, fx);
    return row;
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") throw new DomainError("CONFLICT", "A certification program with this name already exists");
    throw e;
  }
}

const newCode = () => {
  // 60 random bits in Crockford-like base32 without look-alikes: HS-XXXX-XXXX-XXXX
  const alphabet = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
  return `HS-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
};

/**
 * Issues the certificate if the criteria are met and none exists yet. Exactly once: the unique
 * (program, mentee) key decides between racing triggers (ON CONFLICT DO NOTHING); only the
 * winner audits and notifies.
 */
export async function issueIfEligible(tx: DbTx, actor: Actor | null, program: CertificationProgram, menteeId: string, now: Date, fx: Fx, requestId?: string): Promise<Certificate | null> {
  if (!program.active) return null;
  if (await tx.certificate.findUnique({ where: { programId_menteeId: { programId: program.id, menteeId } }, select: { id: true } })) return null;
  const progress = await criteriaProgress(tx, program, menteeId);
  if (!progress.met) return null;
  return createCertificate(tx, actor, program, menteeId, now, fx, { issuedBy: "AUTOMATIC", criteria: progress, requestId });
}

export async function createCertificate(
  tx: DbTx,
  actor: Actor | null,
  program: CertificationProgram,
  menteeId: string,
  now: Date,
  fx: Fx,
  o: { issuedBy: "AUTOMATIC" | "STAFF"; criteria: CriteriaProgress; reason?: string; requestId?: string; override?: boolean },
): Promise<Certificate | null> {
  const res = await tx.certificate.createManyAndReturn({
    data: [{ programId: program.id, menteeId, code: newCode(), issuedAt: now, issuedBy: o.issuedBy, issuedById: actor?.kind === "USER" ? actor.id : null, criteria: o.criteria as unknown as Prisma.InputJsonValue }],
    skipDuplicates: true,
  });
  const cert = res[0];
  if (!cert) return null;
  fx.audits.push(
    await recordAudit(
      tx,
      actor,
      { action: o.override ? "certification.issue_override" : "certification.issue", subjectType: "Certificate", subjectId: cert.id, after: { programId: program.id, menteeId, issuedBy: o.issuedBy, criteria: o.criteria, override: !!o.override }, reason: o.reason },
      o.requestId,
    ),
  );
  fx.notices.push(
    ...(await enqueueNotices(
      tx,
      [{ userId: menteeId, kind: "certificate.issued", subject: `Certificate: ${program.name}`, body: `You earned the certificate "${program.name}". Verification code: ${cert.code}`, payload: { certificateId: cert.id, code: cert.code }, dedupeKey: `certificate.issued:${cert.id}` }],
      now,
    )),
  );
  return cert;
}

async function activeProgram(tx: DbTx, deps: ServiceDeps, programId: string): Promise<CertificationProgram> {
  const p = await tx.certificationProgram.findUnique({ where: { id: programId } });
  if (!p || !deps.ability.can("read", subject("CertificationProgram", p) as never)) throw notFound("Certification program", programId);
  if (!p.active) throw new DomainError("PRECONDITION_FAILED", "This certification program is closed");
  return p;
}

const enrollInput = z.object({ programId: zId });

/** A mentee enrols; a certificate already earned by the criteria is issued at once. */
export async function enrollInCertification(deps: ServiceDeps, input: unknown): Promise<CertificationEnrollment> {
  const { programId } = parseInput(enrollInput, input);
  const actor = userActor(deps);
  assertCan(deps.ability, "create", "CertificationEnrollment", { programId, menteeId: actor.id });
  const fx = newFx();
  const row = await deps.db.$transaction(async (tx) => {
    const program = await activeProgram(tx, deps, programId);
    const now = deps.clock.now();
    const e = await tx.certificationEnrollment.upsert({
      where: { programId_menteeId: { programId, menteeId: actor.id } },
      create: { programId, menteeId: actor.id, enrolledAt: now },
      update: {},
    });
    await issueIfEligible(tx, deps.actor, program, actor.id, now, fx, deps.requestId);
    return e;
  });
  flush(deps, fx);
  return row;
}

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
export async function evaluateMentee(deps: ServiceDeps, input: unknown): Promise<Evaluation> {
  const data = parseInput(evaluateInput, input);
  const actor = userActor(deps);
  const fx = newFx();
  const row = await deps.db.$transaction(async (tx) => {
    // Locked: two evaluations racing on one mentorship are decided one after the other.
    await tx.$queryRaw`SELECT id FROM "Mentorship" WHERE id = ${data.mentorshipId} FOR UPDATE`;
    const m = await tx.mentorship.findUnique({ where: { id: data.mentorshipId } });
    if (!m || m.mentorId !== actor.id) throw notFound("Mentorship", data.mentorshipId);
    assertCan(deps.ability, "create", "Evaluation", { programId: data.programId, mentorshipId: m.id, mentorId: m.mentorId, menteeId: m.menteeId });
    const program = await activeProgram(tx, deps, data.programId);
    assertEvaluable(m, program);
    await assertEvaluationPeriod(tx, m.id, program.id, deps.clock.now());
    const enrolled = await tx.certificationEnrollment.findUnique({ where: { programId_menteeId: { programId: program.id, menteeId: m.menteeId } } });
    if (!enrolled) throw new DomainError("PRECONDITION_FAILED", "The mentee is not enrolled in this certification program");
    const rubric = program.rubric as unknown as RubricCriterion[];
    const given = new Map(data.scores.map((s) => [s.key, s.points]));
    const fields: Record<string, string> = {};
    if (given.size !== data.scores.length) fields.scores = "each rubric key once";
    for (const c of rubric) {
      const p = given.get(c.key);
      if (p === undefined) fields[`scores.${c.key}`] = "missing";
      else if (p > c.maxPoints) fields[`scores.${c.key}`] = `at most ${c.maxPoints}`;
    }
    for (const k of given.keys()) if (!rubric.some((c) => c.key === k)) fields[`scores.${k}`] = "not in the rubric";
    if (Object.keys(fields).length) throw badInput("The scores do not match the program's rubric", fields);
    const max = rubric.reduce((s, c) => s + c.maxPoints, 0);
    const total = rubric.reduce((s, c) => s + (given.get(c.key) ?? 0), 0);
    const now = deps.clock.now();
    const ev = await tx.evaluation.create({
      data: {
        programId: program.id,
        menteeId: m.menteeId,
        mentorId: m.mentorId,
        mentorshipId: m.id,
        scores: Object.fromEntries(given),
        scorePercent: Math.floor((total * 100) / max),
        comment: data.comment,
        createdAt: now,
      },
    });
    // The triggering write: the certificate is issued in the same transaction when now earned.
    await issueIfEligible(tx, deps.actor, program, m.menteeId, now, fx, deps.requestId);
    return ev;
  });
  flush(deps, fx);
  return row;
}
