import { accessibleBy } from "@casl/prisma/runtime";
import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { notFound } from "../../lib/errors.js";
import { WebinarStatus } from "../../generated/prisma/enums.js";
import { cancelWebinar, joinWebinar, registerForWebinar, scheduleWebinar, type WebinarJoin } from "./webinars.service.js";

const StatusEnum = builder.enumType(WebinarStatus, { name: "WebinarStatus" });

const WebinarRef = builder.prismaObject("Webinar", {
  description: "A webinar hosted by an approved mentor.",
  fields: (t) => ({
    id: t.exposeID("id"),
    title: t.exposeString("title"),
    description: t.exposeString("description"),
    hostId: t.exposeID("hostId"),
    programId: t.exposeID("programId", { nullable: true, description: "The program this webinar belongs to; a program suspension covers it." }),
    hostName: t.string({ select: { host: { select: { displayName: true } } }, resolve: (w) => w.host.displayName }),
    startsAt: t.expose("startsAt", { type: "DateTime" }),
    endsAt: t.expose("endsAt", { type: "DateTime" }),
    capacity: t.exposeInt("capacity", { nullable: true }),
    status: t.expose("status", { type: StatusEnum }),
    cancelReason: t.exposeString("cancelReason", { nullable: true }),
    registeredCount: t.relationCount("registrations"),
    viewerRegistered: t.boolean({
      select: (_a, ctx) => ({ registrations: { where: { userId: ctx.viewer?.id ?? "" }, select: { userId: true } } }),
      resolve: (w) => w.registrations.length > 0,
    }),
    registrations: t.relation("registrations", {
      description: "Who registered: visible to the host and staff; others see their own registration.",
      query: (_a, ctx) => ({ where: accessibleBy(ctx.ability).ofType("WebinarRegistration"), orderBy: { createdAt: "asc" } }),
    }),
  }),
});

const RegistrationRef = builder.prismaObject("WebinarRegistration", {
  fields: (t) => ({
    webinarId: t.exposeID("webinarId"),
    userId: t.exposeID("userId"),
    userName: t.string({ select: { user: { select: { displayName: true } } }, resolve: (r) => r.user.displayName }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    webinar: t.relation("webinar"),
  }),
});

const JoinRef = builder.objectRef<WebinarJoin>("WebinarJoin").implement({
  description: "Agora credentials: HOST publishes, AUDIENCE only subscribes. The token expires at the webinar's end.",
  fields: (t) => ({
    appId: t.exposeString("appId"),
    channelName: t.exposeString("channelName"),
    uid: t.exposeInt("uid"),
    role: t.exposeString("role"),
    token: t.exposeString("token"),
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
    webinar: t.prismaField({ type: "Webinar", resolve: (query, p) => getDb().webinar.findUniqueOrThrow({ ...query, where: { id: p.webinarId } }) }),
  }),
});

builder.queryField("webinars", (t) =>
  t.prismaConnection({
    type: "Webinar",
    cursor: "id",
    authScopes: { authenticated: true },
    description: "Webinars ending after `from` (default: now), soonest first.",
    args: { from: t.arg({ type: "DateTime", required: false }), includeCancelled: t.arg.boolean({ required: false }) },
    resolve: (query, _r, a, ctx) =>
      getDb().webinar.findMany({
        ...query,
        where: {
          AND: [
            accessibleBy(ctx.ability).ofType("Webinar"),
            { endsAt: { gt: a.from ?? ctx.deps.clock.now() } },
            a.includeCancelled ? {} : { status: "SCHEDULED" },
          ],
        },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      }),
  }),
);

builder.queryField("webinar", (t) =>
  t.prismaField({
    type: "Webinar",
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _r, { id }, ctx) => {
      const row = await getDb().webinar.findFirst({ ...query, where: { AND: [accessibleBy(ctx.ability).ofType("Webinar"), { id: String(id) }] } });
      if (!row) throw notFound("Webinar", String(id));
      return row;
    },
  }),
);

const ScheduleWebinarInput = builder.inputType("ScheduleWebinarInput", {
  fields: (t) => ({
    title: t.string({ required: true }),
    description: t.string({ required: false }),
    startsAt: t.field({ type: "DateTime", required: true }),
    durationMinutes: t.int({ required: true }),
    capacity: t.int({ required: false }),
    programId: t.id({ required: false, description: "Hosts it within a program the host belongs to." }),
  }),
});

builder.mutationField("scheduleWebinar", (t) =>
  t.field({
    type: WebinarRef,
    description: "Approved mentors host webinars.",
    authScopes: { role: "MENTOR" },
    args: { input: t.arg({ type: ScheduleWebinarInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      scheduleWebinar(ctx.deps, {
        title: input.title,
        description: input.description ?? undefined,
        startsAt: input.startsAt,
        durationMinutes: input.durationMinutes,
        capacity: input.capacity ?? undefined,
        programId: input.programId ? String(input.programId) : undefined,
      }),
  }),
);

const CancelWebinarInput = builder.inputType("CancelWebinarInput", {
  fields: (t) => ({ webinarId: t.id({ required: true }), reason: t.string({ required: true }) }),
});

builder.mutationField("cancelWebinar", (t) =>
  t.field({
    type: WebinarRef,
    description: "The host or staff cancel; registered users are notified.",
    authScopes: { role: ["MENTOR", "SUPPORT", "ADMIN"] },
    args: { input: t.arg({ type: CancelWebinarInput, required: true }) },
    resolve: (_r, { input }, ctx) => cancelWebinar(ctx.deps, { webinarId: String(input.webinarId), reason: input.reason }),
  }),
);

const WebinarIdInput = builder.inputType("WebinarIdInput", { fields: (t) => ({ webinarId: t.id({ required: true }) }) });

builder.mutationField("registerForWebinar", (t) =>
  t.field({
    type: RegistrationRef,
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: WebinarIdInput, required: true }) },
    resolve: (_r, { input }, ctx) => registerForWebinar(ctx.deps, { webinarId: String(input.webinarId) }),
  }),
);

builder.mutationField("joinWebinar", (t) =>
  t.field({
    type: JoinRef,
    description: "Video credentials: the host publishes; registered users and staff watch (subscriber token).",
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: WebinarIdInput, required: true }) },
    resolve: (_r, { input }, ctx) => joinWebinar(ctx.deps, { webinarId: String(input.webinarId) }),
  }),
);
