import { builder } from "../../schema/builder.js";
import { collectUserData } from "./export.service.js";
import { requestAccountDeletion } from "./deletion.service.js";

builder.queryField("exportMyData", (t) =>
  t.field({
    type: "JSON",
    authScopes: { authenticated: true },
    description: "All of the viewer's data as JSON: { exportedAt, userId, tables: { <Model>: rows } } over every table that holds their rows. Secrets are left out; reports against the viewer are not included (reporter identity is protected).",
    resolve: (_r, _a, ctx) => collectUserData(ctx.deps.db, ctx.viewer!.id, ctx.deps.clock.now()),
  }),
);

const DeletionRef = builder.prismaObject("AccountDeletionRequest", {
  fields: (t) => ({
    id: t.exposeID("id"),
    requestedAt: t.expose("requestedAt", { type: "DateTime" }),
    completedAt: t.expose("completedAt", { type: "DateTime", nullable: true }),
    summary: t.expose("summary", { type: "JSON", nullable: true, description: "What was erased, anonymised and revoked (counts)." }),
  }),
});

const RequestAccountDeletionInput = builder.inputType("RequestAccountDeletionInput", {
  fields: (t) => ({ password: t.string({ required: true, description: "Re-entered to confirm." }), reason: t.string({ required: false }) }),
});

builder.mutationField("requestAccountDeletion", (t) =>
  t.field({
    type: DeletionRef,
    authScopes: { role: ["MENTOR", "MENTEE"] },
    description: "Deletes the viewer's account now: personal data erased or anonymised, tokens revoked; money and enforcement records kept as the law requires.",
    args: { input: t.arg({ type: RequestAccountDeletionInput, required: true }) },
    resolve: (_r, { input }, ctx) => requestAccountDeletion(ctx.deps, { password: input.password, reason: input.reason ?? undefined }),
  }),
);
