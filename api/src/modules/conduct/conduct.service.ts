// Code of conduct and privacy policy (seeds 002, 004): versioned documents admins publish and
// users accept. Booking and hosting sessions require the current code of conduct accepted —
// once an admin has published one (with none published there is nothing to accept).
import { z } from "zod";
import type { DbTx } from "../../lib/db.js";
import { defineCommand } from "../../lib/command.js";
import { DomainError } from "../../lib/errors.js";
import { zId, zText, zName } from "../../lib/validate.js";
import type { Actor } from "../../authz/viewer.js";
import type { PolicyAcceptance, PolicyDocument } from "../../generated/prisma/client.js";
import type { PolicyDocumentKind } from "../../generated/prisma/enums.js";
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
export const publishPolicyDocument = defineCommand({
  name: "conduct.publishDocument",
  input: publishInput,
  authorize: (g) => g.can("publish", "PolicyDocument", undefined, "Only admins publish policy documents"),
  run: async (c, _none, i): Promise<PolicyDocument> => {
    // One publisher at a time per kind: version numbers stay dense and unique.
    await c.tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`policy-document:${i.kind}`}))`;
    const last = await currentDocument(c.tx, i.kind);
    const publishedById = c.actor?.kind === "USER" ? c.actor.id : null;
    const doc = await c.tx.policyDocument.create({ data: { ...i, version: (last?.version ?? 0) + 1, publishedAt: c.now, publishedById } });
    await c.audit({ action: "policyDocument.publish", subjectType: "PolicyDocument", subjectId: doc.id, after: { kind: doc.kind, version: doc.version, title: doc.title } });
    return doc;
  },
});

/** The viewer accepts a document; only the version in force can be accepted. Idempotent. */
export const acceptPolicyDocument = defineCommand({
  name: "conduct.acceptDocument",
  input: z.object({ documentId: zId }),
  load: (c, i) => c.tx.policyDocument.findUnique({ where: { id: i.documentId } }),
  authorize: (g, doc, i) => {
    g.can("create", "PolicyAcceptance", { userId: g.user().id });
    g.require(doc !== null, `Policy document ${i.documentId} was not found`, "NOT_FOUND");
  },
  run: async (c, found, { documentId }): Promise<PolicyAcceptance> => {
    const userId = (c.actor as Extract<Actor, { kind: "USER" }>).id;
    const doc = found!;
    const current = await currentDocument(c.tx, doc.kind);
    if (current?.id !== doc.id) throw new DomainError("CONFLICT", `Version ${doc.version} is no longer in force; accept version ${current?.version}`, { currentDocumentId: current?.id });
    const existing = await c.tx.policyAcceptance.findUnique({ where: { userId_documentId: { userId, documentId } } });
    if (existing) return existing;
    return c.tx.policyAcceptance.create({ data: { documentId, kind: doc.kind, version: doc.version, userId, acceptedAt: c.now } });
  },
});
