// Webinars hosted by approved mentors (seed 004: mentors host webinars). Video through Agora:
// the host gets a publisher token, registered users (and staff) a subscriber token.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { subject } from "@casl/ability";
import type { ServiceDeps } from "../../lib/deps.js";
import type { DbTx } from "../../lib/db.js";
import { DomainError, badInput, notFound } from "../../lib/errors.js";
import { parseInput, zId, zName } from "../../lib/validate.js";
import { sha256 } from "../../lib/ids.js";
import { assertCan } from "../../authz/assert.js";
import type { Webinar, WebinarRegistration } from "../../generated/prisma/client.js";
import { recordAudit, announceAudit } from "../audit/index.js";
import { announceNotices, enqueueNotices } from "../notifications/index.js";
import { currentPolicy } from "../policy/index.js";
// The sessions module's one Agora file: token building stays behind a single module.
import { buildRtcToken } from "../sessions/index.js";

function userActor(deps: ServiceDeps) {
  if (deps.actor?.kind !== "USER") throw new DomainError("UNAUTHENTICATED", "Sign in first");
  return deps.actor;
}

async function visible(deps: ServiceDeps, tx: DbTx, id: string): Promise<Webinar> {
  const w = await tx.webinar.findUnique({ where: { id } });
  if (!w || !deps.ability.can("read", subject("Webinar", w) as never)) throw notFound("Webinar", id);
  return w;
}

const scheduleInput = z.object({
  title: zName(200).min(3),
  description: z.string().trim().max(5000).default(""),
  startsAt: z.date(),
  durationMinutes: z.number().int().min(15).max(8 * 60),
  capacity: z.number().int().min(1).max(100_000).optional(),
  programId: zId.optional(),
});

export async function scheduleWebinar(deps: ServiceDeps, input: unknown): Promise<Webinar> {
  const data = parseInput(scheduleInput, input);
  const actor = userActor(deps);
  assertCan(deps.ability, "create", "Webinar");
  const profile = await deps.db.mentorProfile.findUnique({ where: { userId: actor.id }, select: { approved: true } });
  if (!profile?.approved) throw new DomainError("FORBIDDEN", "Only approved mentors host webinars");
  if (data.programId) {
    // A program's webinar is hosted by one of its members; its suspension refuses hosting it.
    const member = await deps.db.programMember.findUnique({ where: { programId_userId: { programId: data.programId, userId: actor.id } }, select: { userId: true } });
    if (!member) throw new DomainError("PRECONDITION_FAILED", "Only a member of the program hosts its webinars", { programId: data.programId });
    assertCan(deps.ability, "create", "Webinar", { hostId: actor.id, programId: data.programId });
  }
  const now = deps.clock.now();
  if (data.startsAt.getTime() <= now.getTime()) throw badInput("A webinar starts in the future", { startsAt: "must be in the future" });
  return deps.db.webinar.create({
    data: {
      hostId: actor.id,
      title: data.title,
      description: data.description,
      startsAt: data.startsAt,
      endsAt: new Date(data.startsAt.getTime() + data.durationMinutes * 60_000),
      capacity: data.capacity ?? null,
      programId: data.programId ?? null,
      channelName: `webinar-${randomUUID()}`,
      createdAt: now,
    },
  });
}

const cancelInput = z.object({ webinarId: zId, reason: z.string().trim().min(3, "say why").max(1000) });

/** The host or staff cancel before the end; registered users are told. */
export async function cancelWebinar(deps: ServiceDeps, input: unknown): Promise<Webinar> {
  const { webinarId, reason } = parseInput(cancelInput, input);
  const actor = userActor(deps);
  const audits: { id: string }[] = [];
  let notices: { id: string; userId: string }[] = [];
  const row = await deps.db.$transaction(async (tx) => {
    const w = await visible(deps, tx, webinarId);
    assertCan(deps.ability, "cancel", "Webinar", w);
    if (w.status === "CANCELLED") return w;
    const now = deps.clock.now();
    if (w.endsAt.getTime() <= now.getTime()) throw new DomainError("PRECONDITION_FAILED", "This webinar is over");
    const res = await tx.webinar.updateMany({ where: { id: w.id, status: "SCHEDULED" }, data: { status: "CANCELLED", cancelledAt: now, cancelReason: reason } });
    if (res.count !== 1) return tx.webinar.findUniqueOrThrow({ where: { id: w.id } });
    const regs = await tx.webinarRegistration.findMany({ where: { webinarId: w.id }, select: { userId: true } });
    notices = await enqueueNotices(
      tx,
      regs.map((r) => ({
        userId: r.userId,
        kind: "webinar.cancelled",
        subject: `Webinar cancelled: ${w.title}`,
        body: `The webinar "${w.title}" planned for ${w.startsAt.toISOString()} was cancelled: ${reason}`,
        payload: { webinarId: w.id },
        dedupeKey: `webinar.cancelled:${w.id}:${r.userId}`,
      })),
      now,
    );
    if (actor.id !== w.hostId)
      audits.push(await recordAudit(tx, deps.actor, { action: "webinar.cancel", subjectType: "Webinar", subjectId: w.id, before: { status: w.status }, after: { status: "CANCELLED" }, reason }, deps.requestId));
    return tx.webinar.findUniqueOrThrow({ where: { id: w.id } });
  });
  announceAudit(deps.pubsub, audits);
  announceNotices(deps.pubsub, notices);
  return row;
}

const idInput = z.object({ webinarId: zId });

/** Registration is idempotent; the capacity holds under concurrent registrations (row lock). */
export async function registerForWebinar(deps: ServiceDeps, input: unknown): Promise<WebinarRegistration> {
  const { webinarId } = parseInput(idInput, input);
  const actor = userActor(deps);
  return deps.db.$transaction(async (tx) => {
    const w = await visible(deps, tx, webinarId);
    if (w.hostId === actor.id) throw badInput("The host does not register for their own webinar", { webinarId: "you host it" });
    const existing = await tx.webinarRegistration.findUnique({ where: { webinarId_userId: { webinarId, userId: actor.id } } });
    if (existing) return existing;
    assertCan(deps.ability, "join", "Webinar", w, "This webinar takes no registrations");
    const now = deps.clock.now();
    if (w.endsAt.getTime() <= now.getTime()) throw new DomainError("PRECONDITION_FAILED", "This webinar is over");
    if (w.capacity !== null) {
      await tx.$queryRaw`SELECT id FROM "Webinar" WHERE id = ${webinarId} FOR UPDATE`;
      const n = await tx.webinarRegistration.count({ where: { webinarId } });
      if (n >= w.capacity) throw new DomainError("CONFLICT", "This webinar is full", { capacity: w.capacity });
    }
    return tx.webinarRegistration.create({ data: { webinarId, userId: actor.id, createdAt: now } });
  });
}

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

/** The room opens like a session room (policy) and closes at the end; tokens expire then. */
export async function joinWebinar(deps: ServiceDeps, input: unknown): Promise<WebinarJoin> {
  const { webinarId } = parseInput(idInput, input);
  const actor = userActor(deps);
  const w = await visible(deps, deps.db, webinarId);
  if (w.status === "CANCELLED") throw new DomainError("PRECONDITION_FAILED", "This webinar was cancelled", { reason: w.cancelReason });
  // a webinars feature suspension (trust & safety) also stops earlier registrations from joining
  assertCan(deps.ability, "join", "Webinar", w);
  const isHost = w.hostId === actor.id;
  if (!isHost && actor.role !== "ADMIN" && actor.role !== "SUPPORT") {
    const reg = await deps.db.webinarRegistration.findUnique({ where: { webinarId_userId: { webinarId, userId: actor.id } } });
    if (!reg) throw new DomainError("PRECONDITION_FAILED", "Register for this webinar first");
  }
  const { values } = await currentPolicy(deps.db);
  const now = deps.clock.now();
  const opensAt = new Date(w.startsAt.getTime() - values.scheduling.roomOpensMinutesBefore * 60_000);
  if (now < opensAt) throw new DomainError("PRECONDITION_FAILED", `The webinar room opens at ${opensAt.toISOString()}`, { opensAt: opensAt.toISOString() });
  if (now >= w.endsAt) throw new DomainError("PRECONDITION_FAILED", "This webinar is over");
  const uid = isHost ? WEBINAR_HOST_UID : audienceUid(actor.id);
  const t = buildRtcToken(w.channelName, uid, w.endsAt, isHost ? "PUBLISHER" : "SUBSCRIBER");
  return { webinarId: w.id, appId: t.appId, channelName: w.channelName, uid, role: isHost ? "HOST" : "AUDIENCE", token: t.token, expiresAt: t.expiresAt };
}
