import { accessibleBy } from "@casl/prisma/runtime";
import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { acceptPolicyDocument, publishPolicyDocument } from "./conduct.service.js";

export const PolicyDocumentKindEnum = builder.enumType("PolicyDocumentKind", {
  values: ["CODE_OF_CONDUCT", "PRIVACY_POLICY"] as const,
  description: "CODE_OF_CONDUCT must be accepted before booking or hosting sessions; PRIVACY_POLICY says how data is collected, stored and used.",
});

const PolicyDocumentRef = builder.prismaObject("PolicyDocument", {
  description: "One published version of the code of conduct or the privacy policy; never edited (a change is a new version).",
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.expose("kind", { type: PolicyDocumentKindEnum }),
    version: t.exposeInt("version"),
    title: t.exposeString("title"),
    body: t.exposeString("body"),
    summary: t.exposeString("summary"),
    publishedAt: t.expose("publishedAt", { type: "DateTime" }),
    acceptedByMe: t.boolean({
      description: "Whether the viewer accepted this version (false when signed out).",
      select: (_a, ctx) => ({ acceptances: { where: { userId: ctx.viewer?.id ?? "-" }, select: { id: true } } }),
      resolve: (d) => d.acceptances.length > 0,
    }),
  }),
});

const PolicyAcceptanceRef = builder.prismaObject("PolicyAcceptance", {
  fields: (t) => ({
    id: t.exposeID("id"),
    document: t.relation("document"),
    kind: t.expose("kind", { type: PolicyDocumentKindEnum }),
    version: t.exposeInt("version"),
    acceptedAt: t.expose("acceptedAt", { type: "DateTime" }),
  }),
});

builder.queryField("currentPolicyDocument", (t) =>
  t.prismaField({
    type: "PolicyDocument",
    nullable: true,
    authScopes: { authenticated: true },
    description: "The version in force of a document kind (null until an admin publishes one).",
    args: { kind: t.arg({ type: PolicyDocumentKindEnum, required: true }) },
    resolve: (query, _r, { kind }) => getDb().policyDocument.findFirst({ ...query, where: { kind }, orderBy: { version: "desc" } }),
  }),
);

builder.queryField("policyDocuments", (t) =>
  t.prismaField({
    type: ["PolicyDocument"],
    authScopes: { authenticated: true },
    description: "Every published version of a kind, newest first.",
    args: { kind: t.arg({ type: PolicyDocumentKindEnum, required: true }) },
    resolve: (query, _r, { kind }, ctx) =>
      getDb().policyDocument.findMany({ ...query, where: { AND: [accessibleBy(ctx.ability).ofType("PolicyDocument"), { kind }] }, orderBy: { version: "desc" } }),
  }),
);

builder.queryField("myPolicyAcceptances", (t) =>
  t.prismaField({
    type: ["PolicyAcceptance"],
    authScopes: { authenticated: true },
    resolve: (query, _r, _a, ctx) =>
      getDb().policyAcceptance.findMany({ ...query, where: { AND: [accessibleBy(ctx.ability).ofType("PolicyAcceptance"), { userId: ctx.viewer!.id }] }, orderBy: { acceptedAt: "desc" } }),
  }),
);

const PublishPolicyDocumentInput = builder.inputType("PublishPolicyDocumentInput", {
  fields: (t) => ({
    kind: t.field({ type: PolicyDocumentKindEnum, required: true }),
    title: t.string({ required: true }),
    body: t.string({ required: true }),
    summary: t.string({ required: false }),
  }),
});

builder.mutationField("publishPolicyDocument", (t) =>
  t.field({
    type: PolicyDocumentRef,
    authScopes: { role: "ADMIN" },
    description: "Publish a new version; users must accept it (the code of conduct before their next booking or session).",
    args: { input: t.arg({ type: PublishPolicyDocumentInput, required: true }) },
    resolve: (_r, { input: i }, ctx) => publishPolicyDocument(ctx.deps, { kind: i.kind, title: i.title, body: i.body, summary: i.summary ?? undefined }),
  }),
);

const AcceptPolicyDocumentInput = builder.inputType("AcceptPolicyDocumentInput", { fields: (t) => ({ documentId: t.id({ required: true }) }) });

builder.mutationField("acceptPolicyDocument", (t) =>
  t.field({
    type: PolicyAcceptanceRef,
    authScopes: { authenticated: true },
    description: "Accept the version in force (idempotent).",
    args: { input: t.arg({ type: AcceptPolicyDocumentInput, required: true }) },
    resolve: (_r, { input }, ctx) => acceptPolicyDocument(ctx.deps, { documentId: String(input.documentId) }),
  }),
);
