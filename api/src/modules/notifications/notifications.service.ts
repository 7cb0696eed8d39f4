import type { DbTx } from "../../lib/db.js";
import type { PubSub } from "../../lib/pubsub.js";
import type { ServiceDeps } from "../../lib/deps.js";
import { DomainError, notFound } from "../../lib/errors.js";
import type { Prisma } from "../../generated/prisma/client.js";
import type { Notice } from "../../lib/command.js";

/** A notice is the command path's (lib/command.ts): one shape for every writer. */
export type NoticeInput = Notice;

/**
 * Writes notices into the outbox inside the caller's transaction. Duplicates (same dedupe key)
 * are skipped, so a job that runs twice cannot notify twice. Returns the ids created.
 */
export async function enqueueNotices(tx: DbTx, notices: NoticeInput[], now: Date): Promise<{ id: string; userId: string }[]> {
  const rows = notices.flatMap((n) =>
    (n.channels ?? ["IN_APP", "EMAIL"]).map((channel) => ({
      userId: n.userId,
      kind: n.kind,
      channel,
      subject: n.subject,
      body: n.body,
      payload: (n.payload ?? undefined) as Prisma.InputJsonValue | undefined,
      dedupeKey: `${n.dedupeKey}:${channel}`,
      sendAfter: n.sendAfter ?? now,
      createdAt: now,
    })),
  );
  if (!rows.length) return [];
  const created = await tx.notification.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true, userId: true, channel: true } });
  return created.filter((c) => c.channel === "IN_APP").map(({ id, userId }) => ({ id, userId }));
}

/** After commit: in-app notices reach open apps at once. */
export function announceNotices(pubsub: PubSub, created: { id: string; userId: string }[]): void {
  for (const n of created) pubsub.publish("notificationAdded", n.userId, { id: n.id });
}

export async function markNotificationRead(deps: ServiceDeps, id: string) {
  if (deps.actor?.kind !== "USER") throw new DomainError("UNAUTHENTICATED", "Sign in first");
  const n = await deps.db.notification.findUnique({ where: { id } });
  if (!n || n.userId !== deps.actor.id) throw notFound("Notification", id);
  return deps.db.notification.update({ where: { id }, data: { readAt: n.readAt ?? deps.clock.now() } });
}
