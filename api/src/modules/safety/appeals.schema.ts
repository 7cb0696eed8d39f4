import { accessibleBy } from "@casl/prisma/runtime";
import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { AppealStatus } from "../../generated/prisma/enums.js";
import { decideAppeal, fileAppeal } from "./appeals.service.js";

const AppealStatusEnum = builder.enumType(AppealStatus, { name: "AppealStatus" });

export const AppealRef = builder.prismaObject("Appeal", {
  fields: (t) => ({
    id: t.exposeID("id"),
    enforcement: t.relation("enforcement"),
    user: t.relation("user"),
    statement: t.exposeString("statement"),
    status: t.expose("status", { type: AppealStatusEnum }),
    decisionReason: t.exposeString("decisionReason", { nullable: true }),
    decidedAt: t.expose("decidedAt", { type: "DateTime", nullable: true }),
    reviewer: t.relation("reviewer", { nullable: true, query: (_a, ctx) => ({ where: accessibleBy(ctx.ability).ofType("User") }) }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.queryField("appeals", (t) =>
  t.prismaConnection({
    type: "Appeal",
    cursor: "id",
    authScopes: { authenticated: true },
    description: "Staff see every appeal (oldest first); everyone else sees their own.",
    args: { status: t.arg({ type: AppealStatusEnum, required: false }) },
    resolve: (query, _r, { status }, ctx) =>
      getDb().appeal.findMany({ ...query, where: { AND: [accessibleBy(ctx.ability).ofType("Appeal"), { status: status ?? undefined }] }, orderBy: { id: "asc" } }),
  }),
);

const FileAppealInput = builder.inputType("FileAppealInput", {
  fields: (t) => ({
    enforcementId: t.id({ required: true }),
    statement: t.string({ required: true }),
    email: t.string({ required: false, description: "With password: for a banned or suspended user who cannot sign in." }),
    password: t.string({ required: false }),
  }),
});

builder.mutationField("fileAppeal", (t) =>
  t.field({
    type: AppealRef,
    // public: a banned or suspended user cannot sign in (seed 003), so the appeal authenticates
    // with the account's credentials instead; attempts count against the log-in rate limit.
    skipTypeScopes: true,
    authScopes: { public: true },
    args: { input: t.arg({ type: FileAppealInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      fileAppeal(ctx.deps, ctx.authSettings, { enforcementId: String(input.enforcementId), statement: input.statement, email: input.email ?? undefined, password: input.password ?? undefined }, ctx.ip),
  }),
);

const DecideAppealInput = builder.inputType("DecideAppealInput", {
  fields: (t) => ({
    appealId: t.id({ required: true }),
    approve: t.boolean({ required: true, description: "true overturns the enforcement: it stops counting." }),
    reason: t.string({ required: true }),
  }),
});

builder.mutationField("decideAppeal", (t) =>
  t.field({
    type: AppealRef,
    authScopes: { role: ["ADMIN", "SUPPORT"] },
    args: { input: t.arg({ type: DecideAppealInput, required: true }) },
    resolve: (_r, { input }, ctx) => decideAppeal(ctx.deps, { appealId: String(input.appealId), approve: input.approve, reason: input.reason }),
  }),
);
