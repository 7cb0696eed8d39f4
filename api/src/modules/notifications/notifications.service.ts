import type { DbTx } from "../../lib/db.js";
import type { PubSub } from "../../lib/pubsub.js";
import { z } from "zod";
import { defineCommand, type Notice } from "../../lib/command.js";
import { zId } from "../../lib/validate.js";
import type { Prisma } from "../../generated/prisma/client.js";

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

/** The owner marks a notice read; the first read time is kept. Others' notices look absent. */
export const markNotificationRead = defineCommand({
  name: "notifications.markRead",
  input: z.object({ id: zId }),
  load: (c, i) => c.tx.notification.findUnique({ where: { id: i.id } }),
  authorize: (g, n, i) => {
    const user = g.user();
    g.require(n !== null && n.userId === user.id, `Notification ${i.id} was not found`, "NOT_FOUND");
    g.can("update", "Notification", n!);
  },
  run: (c, n) => c.tx.notification.update({ where: { id: n!.id }, data: { readAt: n!.readAt ?? c.now } }),
});
