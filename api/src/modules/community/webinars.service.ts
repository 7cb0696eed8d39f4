// Webinars hosted by approved mentors (seed 004: mentors host webinars). Video through Agora:
// the host gets a publisher token, registered users (and staff) a subscriber token.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { subject } from "@casl/ability";
import { defineCommand, type CommandContext, type Guard } from "../../lib/command.js";
import { DomainError, badInput } from "../../lib/errors.js";
import { zId, zName } from "../../lib/validate.js";
import { sha256 } from "../../lib/ids.js";
import type { Actor } from "../../authz/viewer.js";
import type { Webinar, WebinarRegistration } from "../../generated/prisma/client.js";
import { currentPolicy } from "../policy/index.js";
// The sessions module's one Agora file: token building stays behind a single module.
import { buildRtcToken } from "../sessions/index.js";

const actorId = (c: CommandContext) => (c.actor as { id: string }).id;

/** Webinars the viewer may not read look absent. */
function requireVisible(g: Guard, w: Webinar | null, id: string): asserts w is Webinar {
  g.require(!!w && g.ability.can("read", subject("Webinar", w) as never), `Webinar ${id} was not found`, "NOT_FOUND");
}

const scheduleInput = z.object({
  title: zName(200).min(3),
  description: z.string().trim().max(5000).default(""),
  startsAt: z.date(),
  durationMinutes: z.number().int().min(15).max(8 * 60),
  capacity: z.number().int().min(1).max(100_000).optional(),
  programId: zId.optional(),
});

export const scheduleWebinar = defineCommand({
  name: "webinars.schedule",
  input: scheduleInput,
  load: async (c, i) => {
    if (c.actor?.kind !== "USER") return { approved: false, member: false };
    const userId = c.actor.id;
    const profile = await c.tx.mentorProfile.findUnique({ where: { userId }, select: { approved: true } });
    const member = i.programId ? await c.tx.programMember.findUnique({ where: { programId_userId: { programId: i.programId, userId } }, select: { userId: true } }) : null;
    return { approved: !!profile?.approved, member: !!member };
  },
  authorize: (g, { approved, member }, i) => {
    const me = g.user();
    // A webinars feature suspension refuses here, with its reason.
    g.can("create", "Webinar");
    g.require(approved, "Only approved mentors host webinars");
    if (i.programId) {
      // A program's webinar is hosted by one of its members; its suspension refuses hosting it.
      if (!member) throw new DomainError("PRECONDITION_FAILED", "Only a member of the program hosts its webinars", { programId: i.programId });
      g.can("create", "Webinar", { hostId: me.id, programId: i.programId });
    }
  },
  run: async (c, _loaded, data): Promise<Webinar> => {
    if (data.startsAt.getTime() <= c.now.getTime()) throw badInput("A webinar starts in the future", { startsAt: "must be in the future" });
    return c.tx.webinar.create({
      data: {
        hostId: actorId(c),
        title: data.title,
        description: data.description,
        startsAt: data.startsAt,
        endsAt: new Date(data.startsAt.getTime() + data.durationMinutes * 60_000),
        capacity: data.capacity ?? null,
        programId: data.programId ?? null,
        channelName: `webinar-${randomUUID()}`,
        createdAt: c.now,
      },
    });
  },
});

const cancelInput = z.object({ webinarId: zId, reason: z.string().trim().min(3, "say why").max(1000) });

/** The host or staff cancel before the end; registered users are told. */
export const cancelWebinar = defineCommand({
  name: "webinars.cancel",
  input: cancelInput,
  load: (c, i) => c.tx.webinar.findUnique({ where: { id: i.webinarId } }),
  authorize: (g, w, i) => {
    g.user();
    requireVisible(g, w, i.webinarId);
    g.can("cancel", "Webinar", w);
  },
  run: async (c, found, { reason }): Promise<Webinar> => {
    const w = found!;
    if (w.status === "CANCELLED") return w;
    if (w.endsAt.getTime() <= c.now.getTime()) throw new DomainError("PRECONDITION_FAILED", "This webinar is over");
    const res = await c.tx.webinar.updateMany({ where: { id: w.id, status: "SCHEDULED" }, data: { status: "CANCELLED", cancelledAt: c.now, cancelReason: reason } });
    if (res.count !== 1) return c.tx.webinar.findUniqueOrThrow({ where: { id: w.id } });
    const regs = await c.tx.webinarRegistration.findMany({ where: { webinarId: w.id }, select: { userId: true } });
    await c.notify(
      regs.map((r) => ({
        userId: r.userId,
        kind: "webinar.cancelled",
        subject: `Webinar cancelled: ${w.title}`,
        body: `The webinar "${w.title}" planned for ${w.startsAt.toISOString()} was cancelled: ${reason}`,
        payload: { webinarId: w.id },
        dedupeKey: `webinar.cancelled:${w.id}:${r.userId}`,
      })),
    );
    // The host cancelling their own webinar is ordinary use; staff stepping in is audited.
    if (actorId(c) !== w.hostId) await c.audit({ action: "webinar.cancel", subjectType: "Webinar", subjectId: w.id, before: { status: w.status }, after: { status: "CANCELLED" }, reason });
    return c.tx.webinar.findUniqueOrThrow({ where: { id: w.id } });
  },
});

const idInput = z.object({ webinarId: zId });

async function loadWithRegistration(c: CommandContext, webinarId: string) {
  const w = await c.tx.webinar.findUnique({ where: { id: webinarId } });
  const registration = w && c.actor?.kind === "USER" ? await c.tx.webinarRegistration.findUnique({ where: { webinarId_userId: { webinarId, userId: c.actor.id } } }) : null;
  return { w, registration };
}

/** Registration is idempotent; the capacity holds under concurrent registrations (row lock). */
export const registerForWebinar = defineCommand({
  name: "webinars.register",
  input: idInput,
  load: (c, i) => loadWithRegistration(c, i.webinarId),
  authorize: (g, { w, registration }, i) => {
    const me = g.user();
    requireVisible(g, w, i.webinarId);
    if (w.hostId === me.id) throw badInput("The host does not register for their own webinar", { webinarId: "you host it" });
    // Registering again returns the registration there is.
    if (!registration) g.can("join", "Webinar", w, "This webinar takes no registrations");
  },
  run: async (c, { w: found, registration }, { webinarId }): Promise<WebinarRegistration> => {
    if (registration) return registration;
    const w = found!;
    if (w.endsAt.getTime() <= c.now.getTime()) throw new DomainError("PRECONDITION_FAILED", "This webinar is over");
    if (w.capacity !== null) {
      await c.tx.$queryRaw`SELECT id FROM "Webinar" WHERE id = ${webinarId} FOR UPDATE`;
      const n = await c.tx.webinarRegistration.count({ where: { webinarId } });
      if (n >= w.capacity) throw new DomainError("CONFLICT", "This webinar is full", { capacity: w.capacity });
    }
    return c.tx.webinarRegistration.create({ data: { webinarId, userId: actorId(c), createdAt: c.now } });
  },
});

export interface WebinarJoin {
  webinarId: string;
  appId: string;
  channelName: string;
  uid: number;
  role: "HOST" | "AUDIENCE";
  token: string;
  expiresAt: Date;
}

export const WEBINAR_HOST_UID = 1;
/** A stable audience uid per user (never the host's). */
export const audienceUid = (userId: string) => 1000 + (parseInt(sha256(userId).slice(0, 8), 16) % 2_000_000_000);

/** The room opens like a session room (policy) and closes at the end; tokens expire then. Writes nothing. */
export const joinWebinar = defineCommand({
  name: "webinars.join",
  input: idInput,
  load: (c, i) => loadWithRegistration(c, i.webinarId),
  authorize: (g, { w }, i) => {
    g.user();
    requireVisible(g, w, i.webinarId);
    // Said before the join rule (which needs SCHEDULED) so a cancelled webinar is named as such.
    if (w.status === "CANCELLED") throw new DomainError("PRECONDITION_FAILED", "This webinar was cancelled", { reason: w.cancelReason });
    // a webinars feature suspension (trust & safety) also stops earlier registrations from joining
    g.can("join", "Webinar", w);
  },
  run: async (c, { w: found, registration }): Promise<WebinarJoin> => {
    const w = found!;
    const actor = c.actor as Extract<Actor, { kind: "USER" }>;
    const isHost = w.hostId === actor.id;
    if (!isHost && actor.role !== "ADMIN" && actor.role !== "SUPPORT" && !registration) throw new DomainError("PRECONDITION_FAILED", "Register for this webinar first");
    const { values } = await currentPolicy(c.tx);
    const opensAt = new Date(w.startsAt.getTime() - values.scheduling.roomOpensMinutesBefore * 60_000);
    if (c.now < opensAt) throw new DomainError("PRECONDITION_FAILED", `The webinar room opens at ${opensAt.toISOString()}`, { opensAt: opensAt.toISOString() });
    if (c.now >= w.endsAt) throw new DomainError("PRECONDITION_FAILED", "This webinar is over");
    const uid = isHost ? WEBINAR_HOST_UID : audienceUid(actor.id);
    const t = buildRtcToken(w.channelName, uid, w.endsAt, isHost ? "PUBLISHER" : "SUBSCRIBER");
    return { webinarId: w.id, appId: t.appId, channelName: w.channelName, uid, role: isHost ? "HOST" : "AUDIENCE", token: t.token, expiresAt: t.expiresAt };
  },
});
