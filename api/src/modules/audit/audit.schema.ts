import { accessibleBy } from "@casl/prisma/runtime";
import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { LABELLED_SUBJECT_TYPES, subjectLabel } from "./subject-labels.js";

const ActorKindEnum = builder.enumType("ActorKind", { values: ["USER", "SYSTEM"] as const });

builder.prismaObject("AuditLog", {
  name: "AuditEntry",
  fields: (t) => ({
    id: t.exposeID("id"),
    actorKind: t.expose("actorKind", { type: ActorKindEnum }),
    actor: t.relation("actor", { nullable: true }),
    action: t.exposeString("action"),
    subjectType: t.exposeString("subjectType"),
    subjectId: t.exposeString("subjectId"),
    subjectLabel: t.string({
      nullable: true,
      description: `A readable name of the subject (a person's name, a session's topic, people and time, …) when the viewer may read it; null for other subject types. Labelled types: ${LABELLED_SUBJECT_TYPES.join(", ")}.`,
      select: { subjectType: true, subjectId: true },
      resolve: (e, _a, ctx) => subjectLabel(ctx, ctx.ability, e.subjectType, e.subjectId),
    }),
    before: t.expose("before", { type: "JSON", nullable: true }),
    after: t.expose("after", { type: "JSON", nullable: true }),
    reason: t.exposeString("reason", { nullable: true }),
    requestId: t.exposeString("requestId", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const AuditFilter = builder.inputType("AuditLogFilter", {
  fields: (t) => ({
    actorId: t.id({ required: false }),
    action: t.string({ required: false }),
    subjectType: t.string({ required: false }),
    subjectId: t.string({ required: false }),
  }),
});

builder.queryField("auditLog", (t) =>
  t.prismaConnection({
    type: "AuditLog",
    cursor: "id",
    authScopes: { can: ["read", "AuditLog"] },
    args: { filter: t.arg({ type: AuditFilter, required: false }) },
    resolve: (query, _root, { filter }, ctx) =>
      getDb().auditLog.findMany({
        ...query,
        where: {
          AND: [
            accessibleBy(ctx.ability).ofType("AuditLog"),
            {
              actorId: filter?.actorId ?? undefined,
              action: filter?.action ?? undefined,
              subjectType: filter?.subjectType ?? undefined,
              subjectId: filter?.subjectId ?? undefined,
            },
          ],
        },
        orderBy: { id: "desc" },
      }),
  }),
);

builder.subscriptionField("auditEntryAdded", (t) =>
  t.prismaField({
    type: "AuditLog",
    authScopes: { can: ["read", "AuditLog"] },
    subscribe: (_root, _args, ctx) => ctx.deps.pubsub.subscribe("auditEntryAdded"),
    resolve: (query, payload: { id: string }, _args, ctx) =>
      getDb().auditLog.findFirstOrThrow({ ...query, where: { AND: [accessibleBy(ctx.ability).ofType("AuditLog"), { id: payload.id }] } }),
  }),
);
