// Certificates: staff issue and revoke; anyone verifies a code; a job issues certificates whose
// criteria were completed elsewhere (a session ended, a milestone reached).
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import { defineCommand } from "../../lib/command.js";
import { DomainError, notFound } from "../../lib/errors.js";
import { parseInput, zId } from "../../lib/validate.js";
import type { Certificate } from "../../generated/prisma/client.js";
import type { CriteriaProgress } from "./certifications.service.js";
import { criteriaProgress } from "./criteria.js";
import { createCertificate, issueIfEligible } from "./issuing.js";

function userActor(deps: ServiceDeps) {
  if (deps.actor?.kind !== "USER") throw new DomainError("UNAUTHENTICATED", "Sign in first");
  return deps.actor;
}

const issueInput = z.object({ programId: zId, menteeId: zId, reason: z.string().trim().min(3, "say why").max(2000), overrideUnmetCriteria: z.boolean().default(false) });

/**
 * Staff issue a certificate (audited with the reason); once only. When the criteria are not met
 * it takes an explicit override, recorded as such in the audit log with the unmet criteria.
 */
export const issueCertificate = defineCommand({
  name: "certifications.issueCertificate",
  input: issueInput,
  load: async (c, i) => {
    const program = await c.tx.certificationProgram.findUnique({ where: { id: i.programId } });
    if (!program) throw notFound("Certification program", i.programId);
    const mentee = await c.tx.user.findUnique({ where: { id: i.menteeId }, select: { role: true } });
    if (!mentee) throw notFound("User", i.menteeId);
    return { program, mentee };
  },
  authorize: (g, { program }, i) => {
    g.user();
    g.can("certify", "Certificate", { programId: program.id, menteeId: i.menteeId });
  },
  run: async (c, { program, mentee }, data): Promise<Certificate> => {
    if (mentee.role !== "MENTEE") throw new DomainError("BAD_USER_INPUT", "Certificates are issued to mentees", { fields: { menteeId: "is not a mentee" } });
    const progress = await criteriaProgress(c.tx, program, data.menteeId);
    if (!progress.met && !data.overrideUnmetCriteria)
      throw new DomainError("PRECONDITION_FAILED", "The certification criteria are not met; issuing anyway needs an explicit override with a reason", { criteria: progress });
    const cert = await createCertificate(c, program, data.menteeId, { issuedBy: "STAFF", criteria: progress, reason: data.reason, override: !progress.met });
    if (!cert) throw new DomainError("CONFLICT", "This mentee already has this certificate (revoked certificates are not re-issued)");
    return cert;
  },
});

const revokeInput = z.object({ certificateId: zId, reason: z.string().trim().min(3, "say why").max(2000) });

export const revokeCertificate = defineCommand({
  name: "certifications.revokeCertificate",
  input: revokeInput,
  load: async (c, { certificateId }) => {
    const cert = await c.tx.certificate.findUnique({ where: { id: certificateId }, include: { program: { select: { name: true } } } });
    if (!cert) throw notFound("Certificate", certificateId);
    return cert;
  },
  authorize: (g, cert) => {
    g.user();
    g.can("revoke", "Certificate", cert);
  },
  run: async (c, cert, { reason }): Promise<Certificate> => {
    const actorId = (c.actor as { id: string }).id;
    // Conditional: of two revocations at once, one wins and the other is told.
    const res = await c.tx.certificate.updateMany({ where: { id: cert.id, revokedAt: null }, data: { revokedAt: c.now, revokedById: actorId, revokeReason: reason } });
    if (res.count !== 1) throw new DomainError("CONFLICT", "This certificate is already revoked");
    await c.audit({ action: "certification.revoke", subjectType: "Certificate", subjectId: cert.id, before: { revoked: false }, after: { revoked: true }, reason });
    await c.notify([
      {
        userId: cert.menteeId,
        kind: "certificate.revoked",
        subject: `Certificate revoked: ${cert.program.name}`,
        body: `Your certificate "${cert.program.name}" (${cert.code}) was revoked: ${reason}`,
        payload: { certificateId: cert.id },
        dedupeKey: `certificate.revoked:${cert.id}`,
      },
    ]);
    return c.tx.certificate.findUniqueOrThrow({ where: { id: cert.id } });
  },
});

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

/** Job step: one enrolled mentee's certificate, when the criteria are now met and none exists. */
export const issueDueCertificate = defineCommand({
  name: "certifications.issueDue",
  input: z.object({ programId: zId, menteeId: zId }),
  load: (c, i) => c.tx.certificationProgram.findUnique({ where: { id: i.programId } }),
  authorize: (g, _program, i) => g.can("certify", "Certificate", { programId: i.programId, menteeId: i.menteeId }),
  run: async (c, program, { menteeId }): Promise<boolean> => !!program && !!(await issueIfEligible(c, program, menteeId)),
});

/**
 * The job's work: enrolled mentees without a certificate whose criteria are now met (sessions
 * ended and milestones reached are written by other modules). Safe with several processes: the
 * unique key lets one insert win; the others do nothing.
 */
export async function issueDueCertificates(deps: ServiceDeps, limit = 200): Promise<number> {
  const pending = await deps.db.certificationEnrollment.findMany({
    where: { program: { is: { active: true } }, mentee: { is: { status: "ACTIVE" } } },
    select: { programId: true, menteeId: true },
    orderBy: { enrolledAt: "asc" },
    take: 2000,
  });
  let issued = 0;
  for (const e of pending) {
    if (issued >= limit) break;
    if (await issueDueCertificate(deps, e)) issued++;
  }
  return issued;
}
