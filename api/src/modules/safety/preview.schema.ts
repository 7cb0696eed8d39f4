// Dry run of a policy change, answered by the module that owns standing (thresholds, ladder).
import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { previewPolicyChange, type PolicyPreview } from "./preview.service.js";

const StandingChangeRef = builder.objectRef<PolicyPreview["changes"][number]>("StandingChange").implement({
  fields: (t) => ({
    user: t.prismaField({ type: "User", resolve: (query, c) => getDb().user.findUniqueOrThrow({ ...query, where: { id: c.userId } }) }),
    aspect: t.exposeString("aspect", { description: "threshold.<CATEGORY> or ladder.nextStep" }),
    current: t.exposeString("current"),
    proposed: t.exposeString("proposed"),
    detail: t.exposeString("detail"),
  }),
});

const PolicyPreviewRef = builder.objectRef<PolicyPreview>("PolicyPreview").implement({
  fields: (t) => ({
    currentVersion: t.exposeInt("currentVersion"),
    values: t.field({ type: "JSON", description: "The complete policy the change would produce.", resolve: (p) => p.values }),
    changes: t.field({ type: [StandingChangeRef], resolve: (p) => p.changes }),
  }),
});

builder.queryField("previewPolicyChange", (t) =>
  t.field({
    type: PolicyPreviewRef,
    authScopes: { role: "ADMIN" },
    description: "Dry run of updatePolicy: the users whose standing would change. Changes nothing.",
    args: { changes: t.arg({ type: "JSON", required: true }) },
    resolve: (_root, { changes }, ctx) => previewPolicyChange(ctx.deps, { changes }),
  }),
);
