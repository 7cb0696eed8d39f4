// Certificates: staff issue and revoke; anyone verifies a code; a job issues certificates whose
// criteria were completed elsewhere (a session ended, a milestone reached).
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import { DomainError, notFound } from "../../lib/errors.js";
import { parseInput, zId } from "../../lib/validate.js";
import { assertCan } from "../../authz/assert.js";
import type { Actor } from "../../authz/viewer.js";
import type { Certificate } from "../../generated/prisma/client.js";
import { enqueueNotices } from "../notifications/index.js";
import { recordAudit } from "../audit/index.js";
import { createCertificate, flush, issueIfEligible, newFx, type CriteriaProgress } from "./certifications.service.js";
import { criteriaProgress } from "./criteria.js";

function userActor(deps: ServiceDeps) {
  if (deps.actor?.kind !== "USER") throw new DomainError("UNAUTHENTICATED", "Sign in first");
  return deps.actor;
}

const issueInput = z.object({ programId: zId, menteeId: zId, reason: z.string().trim().min(3, "say why").max(2000), overrideUnmetCriteria: z.boolean().default(false) });

/**
 * Staff issue a certificate (audited with the reason); once only. When the criteria are not met
 * it takes an explicit override, recorded as such in the audit log with the unmet criteria.
 */
export async function issueCertificate(deps: ServiceDeps, input: unknown): Promise<Certificate> {
  const data = parseInput(issueInput, input);
  userActor(deps);
  const fx = newFx();
  const cert = await deps.db.$transaction(async (tx) => {
    const program = await tx.certificationProgram.findUnique({ where: { id: data.programId } });
    if (!program) throw notFound("Certification program", data.programId);
    const mentee = await tx.user.findUnique({ where: { id: data.menteeId }, select: { role: true } });
    if (!mentee) throw notFound("User", data.menteeId);
    assertCan(deps.ability, "certify", "Certificate", { programId: program.id, menteeId: data.menteeId });
    if (mentee.role !== "MENTEE") throw new DomainError("BAD_USER_INPUT", "Certificates are issued to mentees", { fields: { menteeId: "is not a mentee" } });
    const now = deps.clock.now();
    const progress = await criteriaProgress(tx, program, data.menteeId);
    if (!progress.met && !data.overrideUnmetCriteria)
      throw new DomainError("PRECONDITION_FAILED", "The certification criteria are not met; issuing anyway needs an explicit override with a reason", { criteria: progress });
    const c = await createCertificate(tx, deps.actor, program, data.menteeId, now, fx, { issuedBy: "STAFF", criteria: progress, reason: data.reason, requestId: deps.requestId, override: !progress.met });
    if (!c) throw new DomainError("CONFLICT", "This mentee already has this certificate (revoked certificates are not re-issued)");
    return c;
  });
  flush(deps, fx);
  return cert;
}

const revokeInput = z.object({ certificateId: zId, reason: z.string().trim().min(3, "say why").max(2000) });

export async function revokeCertificate(deps: ServiceDeps, input: unknown): Promise<Certificate> {
  const { certificateId, reason } = parseInput(revokeInput, input);
  const actor = userActor(deps);
  const fx = newFx();
  const cert = await deps.db.$transaction(async (tx) => {
    const c = await tx.certificate.findUnique({ where: { id: certificateId }, include: { program: { select: { name: true } } } });
    if (!c) throw notFound("Certificate", certificateId);
    assertCan(deps.ability, "revoke", "Certificate", c);
    const now = deps.clock.now();
    const res = await tx.certificate.updateMany({ where: { id: c.id, revokedAt: null }, data: { revokedAt: now, revokedById: actor.id, revokeReason: reason } });
    if (res.count !== 1) throw new DomainError("CONFLICT", "This certificate is already revoked");
    fx.audits.push(await recordAudit(tx, deps.actor, { action: "certification.revoke", subjectType: "Certificate", subjectId: c.id, before: { revoked: false }, after: { revoked: true }, reason }, deps.requestId));
    fx.notices.push(
      ...(await enqueueNotices(tx, [{ userId: c.menteeId, kind: "certificate.revoked", subject: `Certificate revoked: ${c.program.name}`, body: `Your certificate "${c.program.name}" (${c.code}) was revoked: ${reason}`, payload: { certificateId: c.id }, dedupeKey: `certificate.revoked:${c.id}` }], now)),
    );
    return tx.certificate.findUniqueOrThrow({ where: { id: c.id } });
  });
  flush(deps, fx);
  return cert;
}

export interface CertificateVerification {
  code: string;
  valid: boolean;
  status: "VALID" | "REVOKED" | "UNKNOWN";
  programName: string | null;
  holderName: string | null;
  issuedAt: Date | null;
  revokedAt: Date | null;
}

const codeInput = z.object({ code: z.string().trim().toUpperCase().min(4).max(40) });

/** Public: what a third party needs to trust a certificate, nothing more (no ids, no e-mail). */
export async function verifyCertificate(deps: Pick<ServiceDeps, "db">, input: unknown): Promise<CertificateVerification> {
  const { code } = parseInput(codeInput, input);
  const c = await deps.db.certificate.findUnique({ where: { code }, include: { program: { select: { name: true } }, mentee: { select: { displayName: true } } } });
  if (!c) return { code, valid: false, status: "UNKNOWN", programName: null, holderName: null, issuedAt: null, revokedAt: null };
  const revoked = c.revokedAt !== null;
  return { code, valid: !revoked, status: revoked ? "REVOKED" : "VALID", programName: c.program.name, holderName: c.mentee.displayName, issuedAt: c.issuedAt, revokedAt: c.revokedAt };
}

const progressInput = z.object({ programId: zId, menteeId: zId.optional() });

/** Where a mentee stands against a program's criteria (the mentee, their mentors' staff view). */
export async function certificationProgress(deps: ServiceDeps, input: unknown): Promise<CriteriaProgress> {
  const data = parseInput(progressInput, input);
  const actor = userActor(deps);
  const menteeId = data.menteeId ?? actor.id;
  const program = await deps.db.certificationProgram.findUnique({ where: { id: data.programId } });
  if (!program) throw notFound("Certification program", data.programId);
  if (menteeId !== actor.id) {
    const mentorOf = actor.role === "MENTOR" && (await deps.db.mentorship.count({ where: { mentorId: actor.id, menteeId } })) > 0;
    if (!mentorOf && actor.role !== "ADMIN" && actor.role !== "SUPPORT") throw new DomainError("FORBIDDEN", "You may see the progress of your own mentees only");
  }
  return criteriaProgress(deps.db, program, menteeId);
}

/**
 * The job's work: enrolled mentees without a certificate whose criteria are now met (sessions
 * ended and milestones reached are written by other modules). Safe with several processes: the
 * unique key lets one insert win; the others do nothing.
 */
export async function issueDueCertificates(deps: Pick<ServiceDeps, "db" | "pubsub" | "clock">, actor: Actor, limit = 200): Promise<number> {
  const pending = await deps.db.certificationEnrollment.findMany({
    where: { program: { is: { active: true } }, mentee: { is: { status: "ACTIVE" } } },
    include: { program: true },
    orderBy: { enrolledAt: "asc" },
    take: 2000,
  });
  let issued = 0;
  for (const e of pending) {
    if (issued >= limit) break;
    const fx = newFx();
    const cert = await deps.db.$transaction((tx) => issueIfEligible(tx, actor, e.program, e.menteeId, deps.clock.now(), fx));
    flush(deps, fx);
    if (cert) issued++;
  }
  return issued;
}
