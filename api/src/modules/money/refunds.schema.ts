import { accessibleBy } from "@casl/prisma/runtime";
import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { MoneyInput, RefundKindEnum, RefundRef } from "./ledger.schema.js";
import { issueRefund } from "./refunds.service.js";

const IssueRefundInput = builder.inputType("IssueRefundInput", {
  fields: (t) => ({
    sessionId: t.id({ required: true }),
    amount: t.field({ type: MoneyInput, required: false, description: "Omitted: everything still refundable." }),
    reason: t.string({ required: true }),
    idempotencyKey: t.string({ required: true, description: "Same key + same input replays the first result; different input is a CONFLICT." }),
  }),
});

builder.mutationField("issueRefund", (t) =>
  t.field({
    type: RefundRef,
    description: "Support or an admin refunds part or all of a session's charge, for any reason (audited).",
    authScopes: { role: ["ADMIN", "SUPPORT"] },
    args: { input: t.arg({ type: IssueRefundInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      issueRefund(ctx.deps, { sessionId: String(input.sessionId), amount: input.amount ?? undefined, reason: input.reason, idempotencyKey: input.idempotencyKey }),
  }),
);

const RefundFilter = builder.inputType("RefundFilter", {
  fields: (t) => ({
    sessionId: t.id({ required: false }),
    kinds: t.field({ type: [RefundKindEnum], required: false }),
    from: t.field({ type: "DateTime", required: false }),
    to: t.field({ type: "DateTime", required: false }),
  }),
});

builder.queryField("refunds", (t) =>
  t.prismaConnection({
    type: RefundRef,
    cursor: "id",
    description: "Staff: every refund, newest first.",
    authScopes: { role: ["ADMIN", "SUPPORT"] },
    args: { filter: t.arg({ type: RefundFilter, required: false }) },
    resolve: (query, _r, { filter: f }, ctx) =>
      getDb().refund.findMany({
        ...query,
        where: {
          AND: [
            accessibleBy(ctx.ability).ofType("Refund"),
            f?.sessionId ? { sessionId: String(f.sessionId) } : {},
            f?.kinds?.length ? { kind: { in: [...f.kinds] } } : {},
            f?.from ? { createdAt: { gte: f.from } } : {},
            f?.to ? { createdAt: { lt: f.to } } : {},
          ],
        },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      }),
  }),
);
