// Plugins, context, scalars and auth scopes. Defines no object types: those live in modules.
import SchemaBuilder from "@pothos/core";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import type PrismaTypes from "../generated/pothos-types.js";
import { getDatamodel } from "../generated/pothos-types.js";
import type { Context } from "../context/context.js";
import type { Action, SubjectName } from "../authz/actions.js";
import type { Role } from "../generated/prisma/enums.js";
import { getDb } from "../lib/db.js";
import { DomainError } from "../lib/errors.js";

export const MAX_PAGE_SIZE = 100;

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
  AuthScopes: {
    /** Deliberately public (sign-up, log-in, platform terminology, certificate verification). */
    public: boolean;
    authenticated: boolean;
    role: Role | Role[];
    can: [Action, SubjectName];
  };
}>({
  plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authorizeOnSubscribe: true,
    // Without a viewer every denial is UNAUTHENTICATED; with one, FORBIDDEN.
    unauthorizedError: (_parent, context, _info, result) =>
      context.viewer
        ? new DomainError("FORBIDDEN", "You are not allowed to do this")
        : new DomainError("UNAUTHENTICATED", "Sign in first", { reason: result.message }),
    authScopes: async (ctx) => ({
      public: true,
      authenticated: !!ctx.viewer,
      role: (roles) => !!ctx.viewer && (Array.isArray(roles) ? roles : [roles]).includes(ctx.viewer.role),
      can: ([action, subject]) => !!ctx.viewer && ctx.ability.can(action, subject),
    }),
  },
  prisma: {
    client: () => getDb(),
    dmmf: getDatamodel(),
    // Relations and counts honour the field's own auth scopes.
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "warn",
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    // `first: 99999` is refused rather than silently clamped (see lib/pagination).
    defaultConnectionTypeOptions: {},
  },
});

// Root types: a signed-in viewer is the default; a public field opts out with `skipTypeScopes`
// and a `// public:` comment saying why. tests/api/schema-rules.test.ts walks the schema and
// fails on any root field without an explicit rule.
builder.queryType({ authScopes: { authenticated: true } });
builder.mutationType({ authScopes: { authenticated: true } });
builder.subscriptionType({ authScopes: { authenticated: true } });
