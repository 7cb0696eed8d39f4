import type { Actor } from "../../authz/viewer.js";
import type { Db, DbTx } from "../../lib/db.js";
import type { PubSub } from "../../lib/pubsub.js";
import type { Prisma } from "../../generated/prisma/client.js";
import type { AuditEntry } from "../../lib/command.js";

/** An audit entry is the command path's (lib/command.ts): one shape for every writer. */
export type AuditEntryInput = AuditEntry;

const json = (v: unknown) => (v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue));

/**
 * Writes one audit row inside the caller's transaction, so the action and its record commit
 * together. System actions (jobs, detectors) are recorded with actorKind SYSTEM.
 */
export async function recordAudit(
  tx: DbTx,
  actor: Actor | null,
  entry: AuditEntryInput,
  requestId?: string,
  /** The injected clock's time; audit rows never take the database's own clock. */
  at?: Date,
): Promise<{ id: string }> {
  return tx.auditLog.create({
    data: {
      actorKind: actor?.kind === "SYSTEM" ? "SYSTEM" : "USER",
      actorId: actor?.kind === "USER" ? actor.id : null,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      before: json(entry.before),
      after: json(entry.after),
      reason: entry.reason ?? (actor?.kind === "SYSTEM" ? `system:${actor.name}` : null),
      requestId: requestId ?? null,
      ...(at ? { createdAt: at } : {}),
    },
    select: { id: true },
  });
}

/** After commit: tell the staff feed. */
export function announceAudit(pubsub: PubSub, ids: { id: string }[]): void {
  for (const { id } of ids) pubsub.publish("auditEntryAdded", { id });
}

export type { Db };
