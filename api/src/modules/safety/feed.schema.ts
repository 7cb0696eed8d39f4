import { accessibleBy } from "@casl/prisma/runtime";
import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import type { SafetyEventKind } from "../../lib/pubsub.js";

const SafetyEventKindEnum = builder.enumType("SafetyEventKind", {
  values: ["REPORT_FILED", "REPORT_REVIEWED", "ENFORCEMENT_ISSUED", "ENFORCEMENT_OVERTURNED", "ENFORCEMENT_EXPIRED", "APPEAL_FILED", "APPEAL_DECIDED"] as const,
});

const SafetyEventRef = builder.objectRef<{ kind: SafetyEventKind; id: string }>("SafetyEvent").implement({
  description: "One event of the trust & safety staff feed; the row is reloaded with the subscriber's permissions.",
  fields: (t) => ({
    kind: t.field({ type: SafetyEventKindEnum, resolve: (e) => e.kind }),
    id: t.exposeID("id"),
    report: t.prismaField({
      type: "Report",
      nullable: true,
      resolve: (query, e, _a, ctx) =>
        e.kind.startsWith("REPORT") ? getDb().report.findFirst({ ...query, where: { AND: [accessibleBy(ctx.ability).ofType("Report"), { id: e.id }] } }) : null,
    }),
    enforcement: t.prismaField({
      type: "Enforcement",
      nullable: true,
      resolve: (query, e, _a, ctx) =>
        e.kind === "ENFORCEMENT_ISSUED" || e.kind === "ENFORCEMENT_OVERTURNED"
          ? getDb().enforcement.findFirst({ ...query, where: { AND: [accessibleBy(ctx.ability).ofType("Enforcement"), { id: e.id }] } })
          : null,
    }),
    appeal: t.prismaField({
      type: "Appeal",
      nullable: true,
      resolve: (query, e, _a, ctx) =>
        e.kind.startsWith("APPEAL") ? getDb().appeal.findFirst({ ...query, where: { AND: [accessibleBy(ctx.ability).ofType("Appeal"), { id: e.id }] } }) : null,
    }),
    user: t.prismaField({
      type: "User",
      nullable: true,
      description: "For ENFORCEMENT_EXPIRED: the user whose suspension ended.",
      resolve: (query, e) => (e.kind === "ENFORCEMENT_EXPIRED" ? getDb().user.findUnique({ ...query, where: { id: e.id } }) : null),
    }),
  }),
});

builder.subscriptionField("safetyFeed", (t) =>
  t.field({
    type: SafetyEventRef,
    authScopes: { role: ["ADMIN", "SUPPORT"] },
    description: "Staff feed: new reports, reviews, enforcement changes and appeals.",
    subscribe: (_r, _a, ctx) => ctx.deps.pubsub.subscribe("safetyFeed"),
    resolve: (e: { kind: SafetyEventKind; id: string }) => e,
  }),
);
