import { accessibleBy } from "@casl/prisma/runtime";
import { DateTime } from "luxon";
import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { badInput, notFound } from "../../lib/errors.js";
import { zTimeZone } from "../../lib/validate.js";
import { bookSession, rescheduleSession } from "./sessions.service.js";
import { cancelSession } from "./cancellation.js";

export const SessionStateEnum = builder.enumType("SessionState", { values: ["SCHEDULED", "LIVE", "ENDED", "NO_SHOW", "CANCELLED"] as const });
export const SessionPartyEnum = builder.enumType("SessionParty", { values: ["MENTOR", "MENTEE", "STAFF", "SYSTEM"] as const });
const PresenceKindEnum = builder.enumType("PresenceKind", { values: ["JOIN", "LEAVE", "HANG_UP", "END_EARLY", "STAFF_END", "AUTO_END", "NO_SHOW"] as const });
const PresenceSourceEnum = builder.enumType("PresenceSource", { values: ["CLIENT", "WEBHOOK", "SYSTEM"] as const });

builder.prismaObject("SessionPresence", {
  description: "One event of a session's presence timeline: who did what, when, reported by whom.",
  fields: (t) => ({
    id: t.exposeID("id"),
    userId: t.exposeID("userId", { nullable: true }),
    party: t.expose("party", { type: SessionPartyEnum }),
    kind: t.expose("kind", { type: PresenceKindEnum }),
    source: t.expose("source", { type: PresenceSourceEnum }),
    at: t.expose("at", { type: "DateTime" }),
    detail: t.expose("detail", { type: "JSON", nullable: true }),
  }),
});

export const SessionRef = builder.prismaObject("Session", {
  fields: (t) => ({
    id: t.exposeID("id"),
    mentor: t.relation("mentor"),
    mentee: t.relation("mentee"),
    startsAt: t.expose("startsAt", { type: "DateTime", description: "The stipulated start." }),
    endsAt: t.expose("endsAt", { type: "DateTime", description: "The stipulated end: the call ends automatically then." }),
    localStartsAt: t.string({
      description: "The start as local time with offset in an IANA zone (e.g. the viewer's).",
      args: { timeZone: t.arg.string({ required: true }) },
      select: { startsAt: true },
      resolve: (s, { timeZone }) => {
        if (!zTimeZone.safeParse(timeZone).success) throw badInput("timeZone: must be an IANA time zone", { timeZone: "invalid" });
        return DateTime.fromJSDate(s.startsAt, { zone: timeZone }).toISO({ suppressMilliseconds: true })!;
      },
    }),
    durationMinutes: t.exposeInt("durationMinutes"),
    topic: t.exposeString("topic"),
    mentorshipId: t.exposeID("mentorshipId", { nullable: true, description: "The mentorship the session was booked within." }),
    programId: t.exposeID("programId", { nullable: true, description: "The program the session belongs to: program-scoped enforcement applies to it." }),
    state: t.expose("state", { type: SessionStateEnum }),
    hourlyRateMinor: t.exposeInt("hourlyRateMinor", { description: "The mentor's rate at booking (minor units)." }),
    feeMultiplierBps: t.exposeInt("feeMultiplierBps", { description: "The mentor's fee multiplier at booking, basis points (10000 = 1.00x)." }),
    priceMinor: t.exposeInt("priceMinor", { description: "Paid in full at booking: rate x duration x multiplier, minor units of `currency`." }),
    currency: t.exposeString("currency"),
    policyVersion: t.exposeInt("policyVersion", { description: "The policy version whose cancel and refund terms apply." }),
    rescheduleCount: t.exposeInt("rescheduleCount"),
    liveAt: t.expose("liveAt", { type: "DateTime", nullable: true }),
    endedAt: t.expose("endedAt", { type: "DateTime", nullable: true }),
    endedBy: t.expose("endedBy", { type: SessionPartyEnum, nullable: true }),
    endReason: t.exposeString("endReason", { nullable: true }),
    unlapsedMinutes: t.exposeInt("unlapsedMinutes", { nullable: true, description: "After a mentor hang-up: the stipulated minutes not given." }),
    mentorJoinedAt: t.expose("mentorJoinedAt", { type: "DateTime", nullable: true }),
    menteeJoinedAt: t.expose("menteeJoinedAt", { type: "DateTime", nullable: true }),
    mentorLateMinutes: t.exposeInt("mentorLateMinutes", { nullable: true }),
    mentorNoShow: t.exposeBoolean("mentorNoShow"),
    menteeNoShow: t.exposeBoolean("menteeNoShow"),
    cancelledAt: t.expose("cancelledAt", { type: "DateTime", nullable: true }),
    cancelledBy: t.expose("cancelledBy", { type: SessionPartyEnum, nullable: true }),
    cancelReason: t.exposeString("cancelReason", { nullable: true }),
    refundPercent: t.exposeInt("refundPercent", { nullable: true }),
    refundDueMinor: t.exposeInt("refundDueMinor", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    presence: t.relation("presence", {
      query: (_a, ctx) => ({ where: accessibleBy(ctx.ability).ofType("SessionPresence"), orderBy: [{ at: "asc" }, { id: "asc" }] }),
    }),
  }),
});

builder.queryField("session", (t) =>
  t.prismaField({
    type: "Session",
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _r, { id }, ctx) => {
      const row = await getDb().session.findFirst({ ...query, where: { AND: [accessibleBy(ctx.ability).ofType("Session"), { id: String(id) }] } });
      if (!row) throw notFound("Session", String(id));
      return row;
    },
  }),
);

const SessionFilter = builder.inputType("SessionFilter", {
  fields: (t) => ({
    states: t.field({ type: [SessionStateEnum], required: false }),
    from: t.field({ type: "DateTime", required: false, description: "Sessions ending after this instant." }),
    to: t.field({ type: "DateTime", required: false, description: "Sessions starting before this instant." }),
    userId: t.id({ required: false, description: "Staff: sessions where this user is mentor or mentee." }),
  }),
});

type Filter = { states?: readonly string[] | null; from?: Date | null; to?: Date | null; userId?: string | number | null } | null | undefined;
const filterWhere = (f: Filter) => ({
  AND: [
    f?.states?.length ? { state: { in: [...f.states] as never } } : {},
    f?.from ? { endsAt: { gt: f.from } } : {},
    f?.to ? { startsAt: { lt: f.to } } : {},
    f?.userId ? { OR: [{ mentorId: String(f.userId) }, { menteeId: String(f.userId) }] } : {},
  ],
});

builder.queryField("mySessions", (t) =>
  t.prismaConnection({
    type: "Session",
    cursor: "id",
    authScopes: { authenticated: true },
    args: { filter: t.arg({ type: SessionFilter, required: false }) },
    resolve: (query, _r, { filter }, ctx) =>
      getDb().session.findMany({
        ...query,
        where: {
          AND: [accessibleBy(ctx.ability).ofType("Session"), { OR: [{ mentorId: ctx.viewer!.id }, { menteeId: ctx.viewer!.id }] }, filterWhere({ ...filter, userId: null })],
        },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      }),
  }),
);

builder.queryField("sessions", (t) =>
  t.prismaConnection({
    type: "Session",
    cursor: "id",
    authScopes: { role: ["ADMIN", "SUPPORT"] },
    args: { filter: t.arg({ type: SessionFilter, required: false }) },
    resolve: (query, _r, { filter }, ctx) =>
      getDb().session.findMany({
        ...query,
        where: { AND: [accessibleBy(ctx.ability).ofType("Session"), filterWhere(filter)] },
        orderBy: [{ startsAt: "desc" }, { id: "asc" }],
      }),
  }),
);

const BookSessionInput = builder.inputType("BookSessionInput", {
  fields: (t) => ({
    mentorId: t.id({ required: true }),
    startsAt: t.field({ type: "DateTime", required: true, description: "One of the starts returned by `availableSlots`." }),
    durationMinutes: t.int({ required: true }),
    topic: t.string({ required: false }),
    mentorshipId: t.id({ required: false, description: "Booked within this mentorship: the session carries it and its program." }),
    programId: t.id({ required: false, description: "Booked within this program (both parties are members); implied by `mentorshipId`." }),
    idempotencyKey: t.string({ required: false, description: "Same key + same input replays the first booking (one charge); different input is a CONFLICT." }),
  }),
});

builder.mutationField("bookSession", (t) =>
  t.field({
    type: SessionRef,
    authScopes: { role: "MENTEE" },
    args: { input: t.arg({ type: BookSessionInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      bookSession(ctx.deps, {
        ...input,
        mentorId: String(input.mentorId),
        topic: input.topic ?? undefined,
        mentorshipId: input.mentorshipId == null ? undefined : String(input.mentorshipId),
        programId: input.programId == null ? undefined : String(input.programId),
        idempotencyKey: input.idempotencyKey ?? undefined,
      }),
  }),
);

const CancelSessionInput = builder.inputType("CancelSessionInput", {
  fields: (t) => ({
    sessionId: t.id({ required: true }),
    reason: t.string({ required: false, description: "Required for staff." }),
    idempotencyKey: t.string({ required: false, description: "Same key + same input replays the first cancellation (one refund); different input is a CONFLICT." }),
  }),
});

builder.mutationField("cancelSession", (t) =>
  t.field({
    type: SessionRef,
    description: "Participants within the policy windows (mentee: refund by notice; mentor: early enough only); support and admins any time (full refund).",
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: CancelSessionInput, required: true }) },
    resolve: (_r, { input }, ctx) => cancelSession(ctx.deps, { sessionId: String(input.sessionId), reason: input.reason ?? undefined, idempotencyKey: input.idempotencyKey ?? undefined }),
  }),
);

const RescheduleSessionInput = builder.inputType("RescheduleSessionInput", {
  fields: (t) => ({ sessionId: t.id({ required: true }), startsAt: t.field({ type: "DateTime", required: true }) }),
});

builder.mutationField("rescheduleSession", (t) =>
  t.field({
    type: SessionRef,
    authScopes: { role: ["MENTOR", "MENTEE"] },
    args: { input: t.arg({ type: RescheduleSessionInput, required: true }) },
    resolve: (_r, { input }, ctx) => rescheduleSession(ctx.deps, { sessionId: String(input.sessionId), startsAt: input.startsAt }),
  }),
);
