import { accessibleBy } from "@casl/prisma/runtime";
import { subject } from "@casl/ability";
import { filter, pipe } from "graphql-yoga";
import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { notFound } from "../../lib/errors.js";
import { oncePerEvent } from "../../lib/per-event.js";
import { SessionRef } from "./sessions.schema.js";
import { endSession, joinSession, leaveSession, type JoinResult } from "./live.service.js";
import { multiplexed } from "../../realtime/multiplex.js";

// Who takes part in a session never changes once booked, and sessions are never deleted: the
// pair is remembered, so subscribing checks visibility with the viewer's (cached) ability and no
// SQL. Read rules on Session condition on nothing but the participants (sessions.policy.ts).
const participants = new Map<string, { id: string; mentorId: string; menteeId: string }>();
const MAX_REMEMBERED = 50_000;
async function participantsOf(id: string) {
  let p = participants.get(id);
  if (!p) {
    const row = await getDb().session.findUnique({ where: { id }, select: { id: true, mentorId: true, menteeId: true } });
    if (!row) return null;
    if (participants.size >= MAX_REMEMBERED) participants.delete(participants.keys().next().value!);
    participants.set(id, (p = row));
  }
  return p;
}

const JoinRef = builder.objectRef<JoinResult>("SessionJoin").implement({
  description: "Credentials for the video call (Agora RTC). The token's privilege expires at the stipulated end.",
  fields: (t) => ({
    appId: t.exposeString("appId"),
    channelName: t.exposeString("channelName"),
    uid: t.exposeInt("uid"),
    token: t.exposeString("token"),
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
    session: t.prismaField({
      type: "Session",
      resolve: (query, p) => getDb().session.findUniqueOrThrow({ ...query, where: { id: p.sessionId } }),
    }),
  }),
});

const SessionIdInput = builder.inputType("SessionIdInput", { fields: (t) => ({ sessionId: t.id({ required: true }) }) });

builder.mutationField("joinSession", (t) =>
  t.field({
    type: JoinRef,
    description: "Enter the room: opens before the start (policy), returns a video token valid until the stipulated end.",
    authScopes: { role: ["MENTOR", "MENTEE"] },
    args: { input: t.arg({ type: SessionIdInput, required: true }) },
    resolve: (_r, { input }, ctx) => joinSession(ctx.deps, { sessionId: String(input.sessionId) }),
  }),
);

builder.mutationField("leaveSession", (t) =>
  t.field({
    type: SessionRef,
    description: "Leave the call. The mentee may rejoin; a mentor leaving between start and stipulated end hangs up (the session ends).",
    authScopes: { role: ["MENTOR", "MENTEE"] },
    args: { input: t.arg({ type: SessionIdInput, required: true }) },
    resolve: (_r, { input }, ctx) => leaveSession(ctx.deps, { sessionId: String(input.sessionId) }),
  }),
);

const EndSessionInput = builder.inputType("EndSessionInput", {
  fields: (t) => ({ sessionId: t.id({ required: true }), reason: t.string({ required: false, description: "Required for admins." }) }),
});

builder.mutationField("endSession", (t) =>
  t.field({
    type: SessionRef,
    description: "End a live call early. Only the mentee's end is an early end; the mentor's is recorded as a hang-up with the unlapsed minutes.",
    authScopes: { role: ["MENTOR", "MENTEE", "ADMIN"] },
    args: { input: t.arg({ type: EndSessionInput, required: true }) },
    resolve: (_r, { input }, ctx) => endSession(ctx.deps, { sessionId: String(input.sessionId), reason: input.reason ?? undefined }),
  }),
);

// Realtime: events carry ids; each is checked against the viewer's ability and the row is
// reloaded through Prisma with accessibleBy, so permissions and selections apply.
builder.subscriptionField("sessionUpdated", (t) =>
  t.prismaField({
    type: "Session",
    description: "State and presence changes of one session (its participants and staff).",
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    subscribe: async (_r, { id }, ctx) => {
      const p = await participantsOf(String(id));
      if (!p || !ctx.ability.can("read", subject("Session", { ...p }) as never)) throw notFound("Session", String(id));
      return ctx.deps.pubsub.subscribe("sessionUpdated", String(id));
    },
    // One query per event for all subscribers with the same selection and row filter.
    resolve: (query, payload: { id: string }, _a, ctx) => {
      const where = { AND: [accessibleBy(ctx.ability).ofType("Session"), { id: payload.id }] };
      return oncePerEvent(payload, [query, where], () => getDb().session.findFirstOrThrow({ ...query, where }));
    },
  }),
);

// Subscribers with equal document, variables and permission class share one execution per event.
multiplexed("sessionUpdated");
multiplexed("liveSessions");

builder.subscriptionField("liveSessions", (t) =>
  t.prismaField({
    type: "Session",
    description: "Every state and presence change of the sessions the viewer may see (staff: all).",
    authScopes: { authenticated: true },
    subscribe: (_r, _a, ctx) =>
      pipe(
        ctx.deps.pubsub.subscribe("liveSessions"),
        filter((ev) => ctx.ability.can("read", subject("Session", { id: ev.id, mentorId: ev.mentorId, menteeId: ev.menteeId }) as never)),
      ),
    // One query per event for all subscribers with the same selection and row filter.
    resolve: (query, payload: { id: string }, _a, ctx) => {
      const where = { AND: [accessibleBy(ctx.ability).ofType("Session"), { id: payload.id }] };
      return oncePerEvent(payload, [query, where], () => getDb().session.findFirstOrThrow({ ...query, where }));
    },
  }),
);
