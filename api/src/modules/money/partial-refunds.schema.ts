import { accessibleBy } from "@casl/prisma/runtime";
import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { notFound } from "../../lib/errors.js";
import { MoneyRef, RefundRef, money } from "./ledger.schema.js";
import { contestPartialRefund, partialRefundQuote, requestPartialRefund, type PartialRefundQuote } from "./partial-refunds.service.js";

const PartialRefundStatusEnum = builder.enumType("PartialRefundStatus", { values: ["PENDING", "CONTESTED", "PAID", "CLOSED"] as const });

export const PartialRefundRequestRef = builder.prismaObject("PartialRefundRequest", {
  description: "A mentee's claim for the unlapsed time after a mentor hang-up (seed 000).",
  fields: (t) => ({
    id: t.exposeID("id"),
    sessionId: t.exposeID("sessionId"),
    mentee: t.relation("mentee"),
    mentor: t.relation("mentor"),
    price: t.field({ type: MoneyRef, select: { priceMinor: true, currency: true }, resolve: (r) => money(r.priceMinor, r.currency) }),
    scheduledMinutes: t.exposeInt("scheduledMinutes"),
    unlapsedMinutes: t.exposeInt("unlapsedMinutes"),
    amount: t.field({
      type: MoneyRef,
      description: "floor(price x unlapsed / scheduled) in minor units, capped at what was refundable.",
      select: { amountMinor: true, currency: true },
      resolve: (r) => money(r.amountMinor, r.currency),
    }),
    reason: t.exposeString("reason"),
    status: t.expose("status", { type: PartialRefundStatusEnum }),
    contestDeadline: t.expose("contestDeadline", { type: "DateTime", description: "Until then the mentor may contest; after it an uncontested request is paid." }),
    contestedAt: t.expose("contestedAt", { type: "DateTime", nullable: true }),
    contestReason: t.exposeString("contestReason", { nullable: true }),
    disputeId: t.exposeID("disputeId", { nullable: true }),
    paidAt: t.expose("paidAt", { type: "DateTime", nullable: true }),
    refund: t.prismaField({
      type: RefundRef,
      nullable: true,
      select: { refundId: true },
      resolve: (query, r, _a, ctx) => (r.refundId ? getDb().refund.findFirst({ ...query, where: { AND: [accessibleBy(ctx.ability).ofType("Refund"), { id: r.refundId }] } }) : null),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const QuoteRef = builder.objectRef<PartialRefundQuote>("PartialRefundQuote").implement({
  description: "Whether the mentee may request a partial refund for a session, and how much it would be.",
  fields: (t) => ({
    sessionId: t.exposeID("sessionId"),
    eligible: t.exposeBoolean("eligible"),
    problem: t.exposeString("problem", { nullable: true }),
    amount: t.field({ type: MoneyRef, resolve: (q) => money(q.amountMinor, q.currency) }),
    price: t.field({ type: MoneyRef, resolve: (q) => money(q.priceMinor, q.currency) }),
    unlapsedMinutes: t.exposeInt("unlapsedMinutes"),
    scheduledMinutes: t.exposeInt("scheduledMinutes"),
    requestDeadline: t.expose("requestDeadline", { type: "DateTime", nullable: true }),
  }),
});

builder.queryField("partialRefundQuote", (t) =>
  t.field({
    type: QuoteRef,
    authScopes: { authenticated: true },
    args: { sessionId: t.arg.id({ required: true }) },
    resolve: (_r, { sessionId }, ctx) => partialRefundQuote(ctx.deps, String(sessionId)),
  }),
);

builder.queryField("partialRefundRequest", (t) =>
  t.prismaField({
    type: PartialRefundRequestRef,
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _r, { id }, ctx) => {
      const row = await getDb().partialRefundRequest.findFirst({ ...query, where: { AND: [accessibleBy(ctx.ability).ofType("PartialRefundRequest"), { id: String(id) }] } });
      if (!row) throw notFound("PartialRefundRequest", String(id));
      return row;
    },
  }),
);

builder.queryField("partialRefundRequests", (t) =>
  t.prismaConnection({
    type: PartialRefundRequestRef,
    cursor: "id",
    description: "The viewer's requests (as mentee or mentor); staff see all.",
    authScopes: { authenticated: true },
    args: { statuses: t.arg({ type: [PartialRefundStatusEnum], required: false }) },
    resolve: (query, _r, { statuses }, ctx) =>
      getDb().partialRefundRequest.findMany({
        ...query,
        where: { AND: [accessibleBy(ctx.ability).ofType("PartialRefundRequest"), statuses?.length ? { status: { in: [...statuses] } } : {}] },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      }),
  }),
);

const RequestPartialRefundInput = builder.inputType("RequestPartialRefundInput", {
  fields: (t) => ({
    sessionId: t.id({ required: true }),
    reason: t.string({ required: false }),
    idempotencyKey: t.string({ required: true }),
  }),
});

builder.mutationField("requestPartialRefund", (t) =>
  t.field({
    type: PartialRefundRequestRef,
    description: "The mentee of a session the mentor ended early claims the unlapsed time, within the policy window.",
    authScopes: { role: "MENTEE" },
    args: { input: t.arg({ type: RequestPartialRefundInput, required: true }) },
    resolve: (_r, { input }, ctx) => requestPartialRefund(ctx.deps, { sessionId: String(input.sessionId), reason: input.reason ?? undefined, idempotencyKey: input.idempotencyKey }),
  }),
);

const ContestPartialRefundInput = builder.inputType("ContestPartialRefundInput", {
  fields: (t) => ({
    requestId: t.id({ required: true }),
    reason: t.string({ required: true }),
    evidence: t.string({ required: false }),
  }),
});

builder.mutationField("contestPartialRefund", (t) =>
  t.field({
    type: PartialRefundRequestRef,
    description: "The mentor contests a request within the contest window: a dispute decides it.",
    authScopes: { role: "MENTOR" },
    args: { input: t.arg({ type: ContestPartialRefundInput, required: true }) },
    resolve: (_r, { input }, ctx) => contestPartialRefund(ctx.deps, { requestId: String(input.requestId), reason: input.reason, evidence: input.evidence ?? undefined }),
  }),
);
