// Issuing a certificate inside a command: exactly once per (program, mentee), audited and
// announced to the mentee through the command's effects.
import { randomBytes } from "node:crypto";
import type { CommandContext } from "../../lib/command.js";
import type { Certificate, CertificationProgram, Prisma } from "../../generated/prisma/client.js";
import { criteriaProgress, type CriteriaProgress } from "./criteria.js";

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
export async function issueIfEligible(c: CommandContext, program: CertificationProgram, menteeId: string): Promise<Certificate | null> {
  if (!program.active) return null;
  if (await c.tx.certificate.findUnique({ where: { programId_menteeId: { programId: program.id, menteeId } }, select: { id: true } })) return null;
  const progress = await criteriaProgress(c.tx, program, menteeId);
  if (!progress.met) return null;
  return createCertificate(c, program, menteeId, { issuedBy: "AUTOMATIC", criteria: progress });
}

export async function createCertificate(
  c: CommandContext,
  program: CertificationProgram,
  menteeId: string,
  o: { issuedBy: "AUTOMATIC" | "STAFF"; criteria: CriteriaProgress; reason?: string; override?: boolean },
): Promise<Certificate | null> {
  const res = await c.tx.certificate.createManyAndReturn({
    data: [{ programId: program.id, menteeId, code: newCode(), issuedAt: c.now, issuedBy: o.issuedBy, issuedById: c.actor?.kind === "USER" ? c.actor.id : null, criteria: o.criteria as unknown as Prisma.InputJsonValue }],
    skipDuplicates: true,
  });
  const cert = res[0];
  if (!cert) return null;
  await c.audit({
    // An override of unmet criteria is its own action, so the audit log can list every one.
    action: o.override ? "certification.issue_override" : "certification.issue",
    subjectType: "Certificate",
    subjectId: cert.id,
    after: { programId: program.id, menteeId, issuedBy: o.issuedBy, criteria: o.criteria, override: !!o.override },
    reason: o.reason,
  });
  await c.notify([
    { userId: menteeId, kind: "certificate.issued", subject: `Certificate: ${program.name}`, body: `You earned the certificate "${program.name}". Verification code: ${cert.code}`, payload: { certificateId: cert.id, code: cert.code }, dedupeKey: `certificate.issued:${cert.id}` },
  ]);
  return cert;
}
