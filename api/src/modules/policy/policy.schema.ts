import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { announcePolicyChanged, currentPolicy, updatePolicy, type PolicyInForce } from "./policy.service.js";

const Policy = builder.objectRef<PolicyInForce>("Policy").implement({
  description: "The thresholds and windows in force (every number is data; admins edit them).",
  fields: (t) => ({
    version: t.exposeInt("version"),
    values: t.field({ type: "JSON", resolve: (p) => p.values }),
  }),
});

builder.prismaObject("PolicyVersion", {
  fields: (t) => ({
    id: t.exposeID("id"),
    version: t.exposeInt("version"),
    values: t.expose("values", { type: "JSON" }),
    reason: t.exposeString("reason"),
    createdBy: t.relation("createdBy", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.queryField("policy", (t) =>
  t.field({
    type: Policy,
    authScopes: { authenticated: true },
    resolve: () => currentPolicy(getDb()),
  }),
);

builder.queryField("policyHistory", (t) =>
  t.prismaField({
    type: ["PolicyVersion"],
    authScopes: { role: ["ADMIN", "SUPPORT"] },
    args: { limit: t.arg.int({ required: false, defaultValue: 50 }) },
    resolve: (query, _root, { limit }) =>
      getDb().policyVersion.findMany({ ...query, orderBy: { version: "desc" }, take: Math.min(Math.max(limit ?? 50, 1), 100) }),
  }),
);

const UpdatePolicyInput = builder.inputType("UpdatePolicyInput", {
  fields: (t) => ({
    changes: t.field({ type: "JSON", required: true, description: "A partial policy object, e.g. {\"safety\":{\"strikeWindowDays\":120}}" }),
    reason: t.string({ required: true }),
    expectedVersion: t.int({ required: false }),
  }),
});

builder.mutationField("updatePolicy", (t) =>
  t.field({
    type: Policy,
    authScopes: { role: "ADMIN" },
    args: { input: t.arg({ type: UpdatePolicyInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const policy = await updatePolicy(ctx.deps, input);
      // New thresholds apply from now on to complaints not yet acted on (what the preview lists);
      // enforcements already issued keep the version they were issued under.
      await announcePolicyChanged(ctx.deps);
      return policy;
    },
  }),
);
