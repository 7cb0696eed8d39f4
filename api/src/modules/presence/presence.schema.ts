// `viewersOf`: staff see who else has a dispute, report or support ticket open, live.
import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { notFound } from "../../lib/errors.js";
import { watchPresence, type PresenceViewer } from "./presence.js";

const PresenceSubject = builder.enumType("PresenceSubject", { values: ["DISPUTE", "REPORT", "SUPPORT_TICKET"] as const });

const PresenceViewerRef = builder.objectRef<PresenceViewer>("PresenceViewer").implement({
  description: "A staff member who has the record open (one entry per open page).",
  fields: (t) => ({
    userId: t.exposeID("userId"),
    displayName: t.exposeString("displayName"),
    since: t.field({ type: "DateTime", resolve: (v) => new Date(v.since) }),
  }),
});

async function exists(subject: "DISPUTE" | "REPORT" | "SUPPORT_TICKET", id: string): Promise<boolean> {
  const db = getDb();
  const where = { where: { id }, select: { id: true } };
  if (subject === "DISPUTE") return Boolean(await db.dispute.findUnique(where));
  if (subject === "REPORT") return Boolean(await db.report.findUnique(where));
  return Boolean(await db.supportTicket.findUnique(where));
}

builder.subscriptionField("viewersOf", (t) =>
  t.field({
    type: [PresenceViewerRef],
    description: "The other staff viewing this record; you are listed to them while subscribed. The entry goes when the socket closes.",
    authScopes: { role: ["ADMIN", "SUPPORT"] },
    args: { subject: t.arg({ type: PresenceSubject, required: true }), id: t.arg.id({ required: true }) },
    subscribe: async (_r, { subject, id }, ctx) => {
      if (!(await exists(subject, String(id)))) throw notFound(subject, String(id));
      const me = await getDb().user.findUniqueOrThrow({ where: { id: ctx.viewer!.id }, select: { id: true, displayName: true } });
      return watchPresence(ctx.deps.pubsub, `${subject}:${id}`, { userId: me.id, displayName: me.displayName, since: ctx.deps.clock.now() });
    },
    resolve: (viewers: PresenceViewer[]) => viewers,
  }),
);
