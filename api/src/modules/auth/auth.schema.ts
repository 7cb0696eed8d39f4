import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { ACTIONS, type Action, type SubjectName } from "../../authz/actions.js";
import type { Context } from "../../context/context.js";
import { SUBJECT_NAMES } from "../../authz/subjects.js";
import { logIn, logOut, signUp, type AuthResult } from "./auth.service.js";

const AuthPayload = builder.objectRef<AuthResult>("AuthPayload").implement({
  fields: (t) => ({
    token: t.exposeString("token", { description: "Send as `Authorization: Bearer <token>`, or `connectionParams.authorization` over WebSocket." }),
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
    user: t.prismaField({
      type: "User",
      resolve: (query, p) => getDb().user.findUniqueOrThrow({ ...query, where: { id: p.userId } }),
    }),
  }),
});

const Permission = builder.objectRef<{ action: string; subject: string; allRows: boolean }>("Permission").implement({
  description: "An operation the viewer may perform on at least some rows of a subject. The console hides what is not listed.",
  fields: (t) => ({
    action: t.exposeString("action"),
    subject: t.exposeString("subject"),
    allRows: t.exposeBoolean("allRows", {
      description: "True when no condition limits it (every row of the subject); false when only some rows qualify (e.g. the viewer's own).",
    }),
  }),
});

// Rules come highest priority first: an unconditional grant before any restriction means every row.
function coversAllRows(ability: Context["ability"], action: Action, subject: SubjectName): boolean {
  for (const rule of ability.rulesFor(action, subject)) {
    const limited = Boolean(rule.conditions) || Boolean(rule.fields);
    if (rule.inverted) {
      if (limited) return false;
      continue;
    }
    if (!limited) return true;
  }
  return false;
}

export const ViewerRef = builder.objectRef<{ id: string }>("Viewer").implement({
  fields: (t) => ({
    id: t.exposeID("id"),
    user: t.prismaField({
      type: "User",
      resolve: (query, v) => getDb().user.findUniqueOrThrow({ ...query, where: { id: v.id } }),
    }),
    permissions: t.field({
      type: [Permission],
      resolve: (_v, _a, ctx) =>
        SUBJECT_NAMES.flatMap((subject) =>
          ACTIONS.filter((action) => action !== "manage" && ctx.ability.can(action, subject)).map((action) => ({
            action,
            subject,
            allRows: coversAllRows(ctx.ability, action, subject),
          })),
        ),
    }),
  }),
});

builder.queryField("viewer", (t) =>
  t.field({
    type: ViewerRef,
    authScopes: { authenticated: true },
    resolve: (_root, _args, ctx) => ({ id: ctx.viewer!.id }),
  }),
);

const SignUpInput = builder.inputType("SignUpInput", {
  fields: (t) => ({
    email: t.string({ required: true }),
    password: t.string({ required: true }),
    displayName: t.string({ required: true }),
    role: t.field({ type: builder.enumType("SignUpRole", { values: ["MENTOR", "MENTEE"] as const }), required: true }),
    timeZone: t.string({ required: false, description: "IANA time zone, e.g. America/New_York" }),
  }),
});

const LogInInput = builder.inputType("LogInInput", {
  fields: (t) => ({ email: t.string({ required: true }), password: t.string({ required: true }) }),
});

builder.mutationField("signUp", (t) =>
  t.field({
    type: AuthPayload,
    // public: creating an account is how a visitor becomes a user.
    skipTypeScopes: true,
    authScopes: { public: true },
    args: { input: t.arg({ type: SignUpInput, required: true }) },
    resolve: (_root, { input }, ctx) => signUp(ctx.deps, ctx.authSettings, { ...input, timeZone: input.timeZone ?? undefined }, ctx.ip),
  }),
);

builder.mutationField("logIn", (t) =>
  t.field({
    type: AuthPayload,
    // public: signing in cannot require being signed in; attempts are rate-limited per account.
    skipTypeScopes: true,
    authScopes: { public: true },
    args: { input: t.arg({ type: LogInInput, required: true }) },
    resolve: (_root, { input }, ctx) => logIn(ctx.deps, ctx.authSettings, input, ctx.ip),
  }),
);

builder.mutationField("logOut", (t) =>
  t.boolean({
    authScopes: { authenticated: true },
    resolve: (_root, _args, ctx) => logOut(ctx.deps, ctx.viewer!),
  }),
);
