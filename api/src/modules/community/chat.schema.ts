import { accessibleBy } from "@casl/prisma/runtime";
import { filter, pipe } from "graphql-yoga";
import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { notFound } from "../../lib/errors.js";
import { chatMembership, moderateChatMessage, sendChatMessage } from "./chat.service.js";

const isStaff = (ctx: { viewer: { role: string } | null }) => ctx.viewer?.role === "ADMIN" || ctx.viewer?.role === "SUPPORT";

type ReportQuery = { select?: Record<string, unknown>; include?: Record<string, unknown> };
const withMessageId = <Q extends ReportQuery>(q: Q): Q => (q.select ? { ...q, select: { ...q.select, messageId: true } } : q);

// Per request and selection: the ids asked for while one page of messages resolves, loaded
// together on the next turn of the event loop.
const pending = new WeakMap<object, Map<string, { ids: string[]; rows: Promise<{ messageId: string | null }[]> }>>();
function reportsOfPage<T extends { messageId: string | null }>(ctx: object, key: string, messageId: string, load: (ids: string[]) => Promise<T[]>): Promise<T[]> {
  let byKey = pending.get(ctx);
  if (!byKey) pending.set(ctx, (byKey = new Map()));
  let batch = byKey.get(key);
  if (!batch) {
    const ids: string[] = [];
    const batches = byKey;
    const rows = new Promise<T[]>((resolve, reject) =>
      setImmediate(() => {
        batches.delete(key);
        load(ids).then(resolve, reject);
      }),
    );
    batch = { ids, rows };
    byKey.set(key, batch);
  }
  batch.ids.push(messageId);
  return (batch.rows as Promise<T[]>).then((rows) => rows.filter((r) => r.messageId === messageId));
}

const ChatMessageRef = builder.prismaObject("ChatMessage", {
  description: "A message in a mentorship's chat. Only its mentor and mentee write; support staff may read to review reports.",
  fields: (t) => ({
    id: t.exposeID("id"),
    mentorshipId: t.exposeID("mentorshipId"),
    authorId: t.exposeID("authorId"),
    authorName: t.string({ select: { author: { select: { displayName: true } } }, resolve: (m) => m.author.displayName }),
    body: t.string({
      description: "The text; empty for the members once support staff removed the message (staff still read it).",
      select: { body: true, hiddenAt: true },
      resolve: (m, _a, ctx) => (m.hiddenAt && !isStaff(ctx) ? "" : m.body),
    }),
    hidden: t.boolean({ description: "Removed by support staff.", select: { hiddenAt: true }, resolve: (m) => !!m.hiddenAt }),
    hiddenReason: t.string({ nullable: true, description: "Why staff removed it (staff only).", select: { hiddenReason: true }, resolve: (m, _a, ctx) => (isStaff(ctx) ? m.hiddenReason : null) }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    // Reports carry the message id without a relation (they also point at forum posts), so the
    // messages of one page share one query instead of one each.
    reports: t.prismaField({
      type: ["Report"],
      description: "Reports about this message that the viewer may read (staff: all; a reporter: their own), oldest first.",
      resolve: (query, m, _a, ctx) =>
        reportsOfPage(ctx, JSON.stringify(query), m.id, (ids) =>
          getDb().report.findMany({ ...withMessageId(query), where: { AND: [accessibleBy(ctx.ability).ofType("Report"), { messageId: { in: ids } }] }, orderBy: { id: "asc" } }),
        ),
    }),
  }),
});

builder.queryField("chatMessages", (t) =>
  t.prismaConnection({
    type: "ChatMessage",
    cursor: "id",
    authScopes: { authenticated: true },
    description: "A mentorship's chat, newest first (members; support staff for report review).",
    args: { mentorshipId: t.arg.id({ required: true }) },
    resolve: (query, _r, { mentorshipId }, ctx) =>
      getDb().chatMessage.findMany({
        ...query,
        where: { AND: [accessibleBy(ctx.ability).ofType("ChatMessage"), { mentorshipId: String(mentorshipId) }] },
        orderBy: { id: "desc" },
      }),
  }),
);

const SendChatMessageInput = builder.inputType("SendChatMessageInput", {
  fields: (t) => ({ mentorshipId: t.id({ required: true }), body: t.string({ required: true }) }),
});

builder.mutationField("sendChatMessage", (t) =>
  t.field({
    type: ChatMessageRef,
    description: "Write in a mentorship's chat (its mentor or mentee only).",
    authScopes: { role: ["MENTOR", "MENTEE"] },
    args: { input: t.arg({ type: SendChatMessageInput, required: true }) },
    resolve: (_r, { input }, ctx) => sendChatMessage(ctx.deps, { mentorshipId: String(input.mentorshipId), body: input.body }),
  }),
);

const ChatMessageModeration = builder.enumType("ChatMessageModeration", { values: ["HIDE", "RESTORE"] as const });
const ModerateChatMessageInput = builder.inputType("ModerateChatMessageInput", {
  fields: (t) => ({ id: t.id({ required: true }), action: t.field({ type: ChatMessageModeration, required: true }), reason: t.string({ required: true }) }),
});

builder.mutationField("moderateChatMessage", (t) =>
  t.field({
    type: ChatMessageRef,
    description: "Staff moderation: remove a chat message (with a reason, audited; the members see that it was removed) or restore it.",
    authScopes: { role: ["SUPPORT", "ADMIN"] },
    args: { input: t.arg({ type: ModerateChatMessageInput, required: true }) },
    resolve: (_r, { input }, ctx) => moderateChatMessage(ctx.deps, { id: String(input.id), action: input.action, reason: input.reason }),
  }),
);

// Authorised on subscribe (members only) and per event: each id is reloaded through Prisma with
// accessibleBy for this viewer and the mentorship, so a message is delivered only if readable.
builder.subscriptionField("messageAdded", (t) =>
  t.prismaField({
    type: "ChatMessage",
    description: "New messages of one mentorship's chat, for its two members.",
    authScopes: { role: ["MENTOR", "MENTEE"] },
    args: { mentorshipId: t.arg.id({ required: true }) },
    subscribe: async (_r, { mentorshipId }, ctx) => {
      const id = String(mentorshipId);
      if (!(await chatMembership(ctx.deps, id))) throw notFound("Mentorship", id);
      return pipe(
        ctx.deps.pubsub.subscribe("messageAdded", id),
        filter(async (ev: { id: string }) => {
          const row = await getDb().chatMessage.findFirst({ where: { AND: [accessibleBy(ctx.ability).ofType("ChatMessage"), { id: ev.id, mentorshipId: id }] }, select: { id: true } });
          return !!row;
        }),
      );
    },
    resolve: (query, payload: { id: string }, _a, ctx) =>
      getDb().chatMessage.findFirstOrThrow({ ...query, where: { AND: [accessibleBy(ctx.ability).ofType("ChatMessage"), { id: payload.id }] } }),
  }),
);
