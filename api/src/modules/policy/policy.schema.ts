import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { announcePolicyChanged, currentPolicy, updatePolicy, type PolicyInForce } from "./policy.service.js";
import { describePolicy, type PolicyFieldInfo } from "./policy.fields.js";

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

const PolicyFieldKindEnum = builder.enumType("PolicyFieldKind", {
  description: "How a setting is edited: a number, a yes/no, one of the options, several of the options, or a list of numbers.",
  values: ["NUMBER", "BOOLEAN", "CHOICE", "CHOICE_LIST", "NUMBER_LIST"] as const,
});

const PolicyFieldOption = builder.objectRef<{ value: string; label: string }>("PolicyFieldOption").implement({
  fields: (t) => ({ value: t.exposeString("value"), label: t.exposeString("label") }),
});

const PolicyField = builder.objectRef<PolicyFieldInfo>("PolicyField").implement({
  description: "One policy setting described for people, from the schema that validates the policy.",
  fields: (t) => ({
    key: t.exposeString("key", { description: "The dotted path in Policy.values, e.g. tardiness.latePenaltyBps." }),
    section: t.exposeString("section"),
    sectionLabel: t.exposeString("sectionLabel"),
    label: t.exposeString("label"),
    description: t.exposeString("description"),
    unit: t.exposeString("unit", { nullable: true, description: "minutes, hours, days, seconds, weeks, count, basis points (10000 = 1.00x), percent, characters or score." }),
    kind: t.expose("kind", { type: PolicyFieldKindEnum }),
    min: t.exposeInt("min", { nullable: true, description: "Bounds of a number (or of each number of a list)." }),
    max: t.exposeInt("max", { nullable: true }),
    maxItems: t.exposeInt("maxItems", { nullable: true }),
    defaultValue: t.field({ type: "JSON", resolve: (f) => f.defaultValue }),
    options: t.field({ type: [PolicyFieldOption], description: "The allowed values of a choice, with their labels.", resolve: (f) => f.options }),
  }),
});

builder.queryField("policyFields", (t) =>
  t.field({
    type: [PolicyField],
    description: "Every policy setting with its label, description, unit and allowed values.",
    authScopes: { authenticated: true },
    resolve: () => describePolicy(),
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
