import { accessibleBy } from "@casl/prisma/runtime";
import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { notFound } from "../../lib/errors.js";
import { SupportTicketStatus } from "../../generated/prisma/enums.js";
import { assignSupportTicket, closeSupportTicket, openSupportTicket, replyToSupportTicket } from "./support.service.js";

const StatusEnum = builder.enumType(SupportTicketStatus, {
  name: "SupportTicketStatus",
  description: "OPEN: waiting for support; ANSWERED: support replied, waiting for the asker; CLOSED.",
});

const isStaff = (ctx: { viewer: { role: string } | null }) => ctx.viewer?.role === "ADMIN" || ctx.viewer?.role === "SUPPORT";

export const SupportTicketRef = builder.prismaObject("SupportTicket", {
  description: "A question to support. The asker sees its status and answers; other users never see it.",
  fields: (t) => ({
    id: t.exposeID("id"),
    subject: t.exposeString("subject"),
    status: t.expose("status", { type: StatusEnum }),
    requesterId: t.exposeID("requesterId"),
    requesterName: t.string({ select: { requester: { select: { displayName: true } } }, resolve: (r) => r.requester.displayName }),
    assigneeId: t.exposeID("assigneeId", { nullable: true }),
    assigneeName: t.string({ nullable: true, select: { assignee: { select: { displayName: true } } }, resolve: (r) => r.assignee?.displayName ?? null }),
    closedAt: t.expose("closedAt", { type: "DateTime", nullable: true }),
    closeReason: t.exposeString("closeReason", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    messages: t.relation("messages", {
      query: (_a, ctx) => ({ where: accessibleBy(ctx.ability).ofType("SupportTicketMessage"), orderBy: { createdAt: "asc" } }),
    }),
  }),
});

builder.prismaObject("SupportTicketMessage", {
  fields: (t) => ({
    id: t.exposeID("id"),
    body: t.exposeString("body"),
    fromStaff: t.exposeBoolean("fromStaff"),
    authorName: t.string({ select: { author: { select: { displayName: true } } }, resolve: (m) => m.author.displayName }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const SupportTicketFilter = builder.inputType("SupportTicketFilter", {
  fields: (t) => ({
    status: t.field({ type: StatusEnum, required: false }),
    assignedToMe: t.boolean({ required: false }),
    unassigned: t.boolean({ required: false }),
  }),
});

builder.queryField("supportTickets", (t) =>
  t.prismaConnection({
    type: "SupportTicket",
    cursor: "id",
    authScopes: { authenticated: true },
    description: "Users: their own tickets. Support staff and admins: every ticket (the queue, oldest first).",
    args: { filter: t.arg({ type: SupportTicketFilter, required: false }) },
    resolve: (query, _r, { filter }, ctx) =>
      getDb().supportTicket.findMany({
        ...query,
        where: {
          AND: [
            accessibleBy(ctx.ability).ofType("SupportTicket"),
            {
              status: filter?.status ?? undefined,
              ...(filter?.assignedToMe ? { assigneeId: ctx.viewer!.id } : filter?.unassigned ? { assigneeId: null } : {}),
            },
          ],
        },
        orderBy: { id: isStaff(ctx) ? "asc" : "desc" },
      }),
  }),
);

builder.queryField("supportTicket", (t) =>
  t.prismaField({
    type: "SupportTicket",
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _r, { id }, ctx) => {
      const row = await getDb().supportTicket.findFirst({ ...query, where: { AND: [accessibleBy(ctx.ability).ofType("SupportTicket"), { id: String(id) }] } });
      if (!row) throw notFound("Support ticket", String(id));
      return row;
    },
  }),
);

const OpenSupportTicketInput = builder.inputType("OpenSupportTicketInput", {
  fields: (t) => ({ subject: t.string({ required: true }), body: t.string({ required: true }) }),
});

builder.mutationField("openSupportTicket", (t) =>
  t.field({
    type: SupportTicketRef,
    authScopes: { role: ["MENTOR", "MENTEE"] },
    args: { input: t.arg({ type: OpenSupportTicketInput, required: true }) },
    resolve: (_r, { input }, ctx) => openSupportTicket(ctx.deps, { subject: input.subject, body: input.body }),
  }),
);

const ReplyInput = builder.inputType("ReplyToSupportTicketInput", {
  fields: (t) => ({ ticketId: t.id({ required: true }), body: t.string({ required: true }) }),
});

builder.mutationField("replyToSupportTicket", (t) =>
  t.field({
    type: SupportTicketRef,
    description: "The asker follows up on their own ticket; support staff answer any open ticket.",
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: ReplyInput, required: true }) },
    resolve: (_r, { input }, ctx) => replyToSupportTicket(ctx.deps, { ticketId: String(input.ticketId), body: input.body }),
  }),
);

const AssignInput = builder.inputType("AssignSupportTicketInput", {
  fields: (t) => ({ ticketId: t.id({ required: true }), assigneeId: t.id({ required: false, description: "Defaults to the caller." }) }),
});

builder.mutationField("assignSupportTicket", (t) =>
  t.field({
    type: SupportTicketRef,
    authScopes: { role: ["SUPPORT", "ADMIN"] },
    args: { input: t.arg({ type: AssignInput, required: true }) },
    resolve: (_r, { input }, ctx) => assignSupportTicket(ctx.deps, { ticketId: String(input.ticketId), assigneeId: input.assigneeId ? String(input.assigneeId) : undefined }),
  }),
);

const CloseInput = builder.inputType("CloseSupportTicketInput", {
  fields: (t) => ({ ticketId: t.id({ required: true }), reason: t.string({ required: false }) }),
});

builder.mutationField("closeSupportTicket", (t) =>
  t.field({
    type: SupportTicketRef,
    description: "Support staff close any ticket; the asker may close their own.",
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: CloseInput, required: true }) },
    resolve: (_r, { input }, ctx) => closeSupportTicket(ctx.deps, { ticketId: String(input.ticketId), reason: input.reason ?? undefined }),
  }),
);
