import { accessibleBy } from "@casl/prisma/runtime";
import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { markNotificationRead } from "./notifications.service.js";

const ChannelEnum = builder.enumType("NotificationChannel", { values: ["IN_APP", "EMAIL"] as const });
const DeliveryEnum = builder.enumType("DeliveryStatus", { values: ["PENDING", "SENT", "FAILED"] as const });

const NotificationRef = builder.prismaObject("Notification", {
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.exposeString("kind"),
    channel: t.expose("channel", { type: ChannelEnum }),
    subject: t.exposeString("subject"),
    body: t.exposeString("body"),
    payload: t.expose("payload", { type: "JSON", nullable: true }),
    status: t.expose("status", { type: DeliveryEnum }),
    sendAfter: t.expose("sendAfter", { type: "DateTime" }),
    sentAt: t.expose("sentAt", { type: "DateTime", nullable: true }),
    readAt: t.expose("readAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.queryField("myNotifications", (t) =>
  t.prismaConnection({
    type: "Notification",
    cursor: "id",
    authScopes: { authenticated: true },
    args: { unreadOnly: t.arg.boolean({ required: false }), channel: t.arg({ type: ChannelEnum, required: false }) },
    resolve: (query, _r, args, ctx) =>
      getDb().notification.findMany({
        ...query,
        where: {
          AND: [
            accessibleBy(ctx.ability).ofType("Notification"),
            { userId: ctx.viewer!.id },
            args.unreadOnly ? { readAt: null } : {},
            args.channel ? { channel: args.channel } : {},
          ],
        },
        orderBy: { id: "desc" },
      }),
  }),
);

builder.mutationField("markNotificationRead", (t) =>
  t.field({
    type: NotificationRef,
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => markNotificationRead(ctx.deps, { id: String(id) }),
  }),
);

builder.subscriptionField("notificationAdded", (t) =>
  t.prismaField({
    type: "Notification",
    authScopes: { authenticated: true },
    subscribe: (_r, _a, ctx) => ctx.deps.pubsub.subscribe("notificationAdded", ctx.viewer!.id),
    resolve: (query, payload: { id: string }, _a, ctx) =>
      getDb().notification.findFirstOrThrow({ ...query, where: { AND: [accessibleBy(ctx.ability).ofType("Notification"), { id: payload.id }] } }),
  }),
);
