// Code of conduct and privacy policy (seeds 002, 004): versioned documents admins publish and
// users accept. Booking and hosting sessions require the current code of conduct accepted —
// once an admin has published one (with none published there is nothing to accept).
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import type { DbTx } from "../../lib/db.js";
import { DomainError, notFound } from "../../lib/errors.js";
import { parseInput, zId, zText, zName } from "../../lib/validate.js";
import { assertCan } from "../../authz/assert.js";
import type { PolicyAcceptance, PolicyDocument } from "../../generated/prisma/client.js";
import type { PolicyDocumentKind } from "../../generated/prisma/enums.js";
import { recordAudit, announceAudit } from "../audit/index.js";

const TX = { maxWait: 20_000, timeout: 20_000 } as const;
const KINDS = ["CODE_OF_CONDUCT", "PRIVACY_POLICY"] as const;

/** The version in force: the newest published one. */
export function currentDocument(db: DbTx, kind: PolicyDocumentKind): Promise<PolicyDocument | null> {
  return db.policyDocument.findFirst({ where: { kind }, orderBy: { version: "desc" } });
}

export async function hasAcceptedCurrent(db: DbTx, userId: string, kind: PolicyDocumentKind): Promise<{ ok: boolean; current: PolicyDocument | null }> {
  const current = await currentDocument(db, kind);
  if (!current) return { ok: true, current };
  const n = await db.policyAcceptance.count({ where: { userId, documentId: current.id } });
  return { ok: n > 0, current };
}

/**
 * Sessions call this before booking and joining. Refuses with PRECONDITION_FAILED (and the
 * version to accept) when the user has not accepted the current code of conduct.
 */
export async function assertConductAccepted(db: DbTx, userId: string, who: "you" | "the mentor" | "the mentee" = "you"): Promise<void> {
  const { ok, current } = await hasAcceptedCurrent(db, userId, "CODE_OF_CONDUCT");
  if (ok || !current) return;
  const subject = who === "you" ? "You must accept" : `${who[0].toUpperCase()}${who.slice(1)} has not accepted`;
  throw new DomainError("PRECONDITION_FAILED", `${subject} the current code of conduct (version ${current.version}) before booking or hosting sessions`, {
    reason: "CONDUCT_NOT_ACCEPTED",
    documentId: current.id,
    version: current.version,
    userId,
  });
}

const publishInput = z.object({
  kind: z.enum(KINDS),
  title: zName(300).min(1, "is required"),
  body: zText(200_000).min(1, "is required"),
  summary: zText(5000).default(""),
});

/** Admins publish a new version; a published version is never edited (database trigger too). */
export async function publishPolicyDocument(deps: ServiceDeps, input: unknown): Promise<PolicyDocument> {
  const i = parseInput(publishInput, input);
  assertCan(deps.ability, "publish", "PolicyDocument", undefined, "Only admins publish policy documents");
  const now = deps.clock.now();
  const actorId = deps.actor?.kind === "USER" ? deps.actor.id : null;
  const { doc, audit } = await deps.db.$transaction(async (tx) => {
    // One publisher at a time per kind: version numbers stay dense and unique.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`policy-document:${i.kind}`}))`;
    const last = await currentDocument(tx, i.kind);
    const doc = await tx.policyDocument.create({ data: { ...i, version: (last?.version ?? 0) + 1, publishedAt: now, publishedById: actorId } });
    const audit = await recordAudit(tx, deps.actor, { action: "policyDocument.publish", subjectType: "PolicyDocument", subjectId: doc.id, after: { kind: doc.kind, version: doc.version, title: doc.title } }, deps.requestId);
    return { doc, audit };
  }, TX);
  announceAudit(deps.pubsub, [audit]);
  return doc;
}

const acceptInput = z.object({ documentId: zId });

/** The viewer accepts a document; only the version in force can be accepted. Idempotent. */
export async function acceptPolicyDocument(deps: ServiceDeps, input: unknown): Promise<PolicyAcceptance> {
  const { documentId } = parseInput(acceptInput, input);
  if (deps.actor?.kind !== "USER") throw new DomainError("UNAUTHENTICATED", "Sign in first");
  const userId = deps.actor.id;
  assertCan(deps.ability, "create", "PolicyAcceptance", { userId });
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const doc = await tx.policyDocument.findUnique({ where: { id: documentId } });
    if (!doc) throw notFound("Policy document", documentId);
    const current = await currentDocument(tx, doc.kind);
    if (current?.id !== doc.id) throw new DomainError("CONFLICT", `Version ${doc.version} is no longer in force; accept version ${current?.version}`, { currentDocumentId: current?.id });
    const existing = await tx.policyAcceptance.findUnique({ where: { userId_documentId: { userId, documentId } } });
    if (existing) return existing;
    return tx.policyAcceptance.create({ data: { documentId, kind: doc.kind, version: doc.version, userId, acceptedAt: now } });
  }, TX);
}
