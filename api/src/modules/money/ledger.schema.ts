import { accessibleBy } from "@casl/prisma/runtime";
import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { notFound } from "../../lib/errors.js";

export interface MoneyShape {
  amountMinor: number;
  currency: string;
}

/** Every money figure of the API: integer minor units with an ISO 4217 currency. */
export const MoneyRef = builder.objectRef<MoneyShape>("Money").implement({
  description: "An amount in integer minor units (cents) with its ISO 4217 currency.",
  fields: (t) => ({
    amountMinor: t.exposeInt("amountMinor"),
    currency: t.exposeString("currency"),
  }),
});

export const MoneyInput = builder.inputType("MoneyInput", {
  description: "An amount in integer minor units with its ISO 4217 currency (must match the charge's).",
  fields: (t) => ({ amountMinor: t.int({ required: true }), currency: t.string({ required: true }) }),
});

export const money = (amountMinor: number, currency: string): MoneyShape => ({ amountMinor, currency });

const ChargeStatusEnum = builder.enumType("ChargeStatus", { values: ["CAPTURED", "PARTIALLY_REFUNDED", "REFUNDED"] as const });
export const RefundKindEnum = builder.enumType("RefundKind", { values: ["CANCELLATION", "HANG_UP", "STAFF", "DISPUTE", "ENFORCEMENT"] as const });

export const RefundRef = builder.prismaObject("Refund", {
  description: "Money returned to the payer: a separate ledger row against one charge.",
  fields: (t) => ({
    id: t.exposeID("id"),
    sessionId: t.exposeID("sessionId"),
    kind: t.expose("kind", { type: RefundKindEnum }),
    amount: t.field({ type: MoneyRef, select: { amountMinor: true, currency: true }, resolve: (r) => money(r.amountMinor, r.currency) }),
    reason: t.exposeString("reason"),
    actorKind: t.exposeString("actorKind", { description: "USER or SYSTEM (a timed job)." }),
    actorId: t.exposeID("actorId", { nullable: true }),
    provider: t.exposeString("provider"),
    partialRefundRequestId: t.exposeID("partialRefundRequestId", { nullable: true }),
    disputeId: t.exposeID("disputeId", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const ChargeRef = builder.prismaObject("Charge", {
  description: "What the mentee paid for a booking; refunds never exceed it.",
  fields: (t) => ({
    id: t.exposeID("id"),
    sessionId: t.exposeID("sessionId"),
    payer: t.relation("payer"),
    payee: t.relation("payee"),
    status: t.expose("status", { type: ChargeStatusEnum }),
    amount: t.field({ type: MoneyRef, select: { amountMinor: true, currency: true }, resolve: (c) => money(c.amountMinor, c.currency) }),
    refunded: t.field({ type: MoneyRef, select: { refundedMinor: true, currency: true }, resolve: (c) => money(c.refundedMinor, c.currency) }),
    refundable: t.field({
      type: MoneyRef,
      description: "amount - refunded: what can still be refunded.",
      select: { amountMinor: true, refundedMinor: true, currency: true },
      resolve: (c) => money(c.amountMinor - c.refundedMinor, c.currency),
    }),
    provider: t.exposeString("provider"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    refunds: t.relation("refunds", {
      query: (_a, ctx) => ({ where: accessibleBy(ctx.ability).ofType("Refund"), orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    }),
  }),
});

builder.queryField("charge", (t) =>
  t.prismaField({
    type: ChargeRef,
    description: "The charge of a session (its participants and staff).",
    authScopes: { authenticated: true },
    args: { sessionId: t.arg.id({ required: true }) },
    resolve: async (query, _r, { sessionId }, ctx) => {
      const row = await getDb().charge.findFirst({ ...query, where: { AND: [accessibleBy(ctx.ability).ofType("Charge"), { sessionId: String(sessionId) }] } });
      if (!row) throw notFound("Charge for session", String(sessionId));
      return row;
    },
  }),
);

builder.prismaObjectField("Session", "charge", (t) =>
  t.prismaField({
    type: ChargeRef,
    nullable: true,
    description: "What was paid for this session and what was refunded.",
    select: { id: true },
    resolve: (query, s, _a, ctx) => getDb().charge.findFirst({ ...query, where: { AND: [accessibleBy(ctx.ability).ofType("Charge"), { sessionId: s.id }] } }),
  }),
);
