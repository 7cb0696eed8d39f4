// Mentorships: the mentor-mentee relationship that agreements, progress,
// check-ins and part B's chat and certification criteria hang on.
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import type { DbTx } from "../../lib/db.js";
import { DomainError, conflict, notFound } from "../../lib/errors.js";
import { zId, zText } from "../../lib/validate.js";
import { assertCan } from "../../authz/assert.js";
import { defineCommand, type CommandContext, type Guard } from "../../lib/command.js";
import type { Mentorship } from "../../generated/prisma/client.js";
import type { MentorshipParty } from "../../generated/prisma/enums.js";
import { requestTerms } from "./consent.service.js";

export const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === "P2002";

export function signedIn(deps: ServiceDeps): { id: string; role: string } {
  if (deps.actor?.kind !== "USER") throw new DomainError("UNAUTHENTICATED", "Sign in first");
  return deps.actor;
}

export const partyIn = (userId: string, m: Pick<Mentorship, "mentorId" | "menteeId">): MentorshipParty | undefined =>
  m.mentorId === userId ? "MENTOR" : m.menteeId === userId ? "MENTEE" : undefined;

/** A mentorship the viewer may read (NOT_FOUND otherwise: no existence leak). */
export async function readableMentorship(deps: ServiceDeps, db: DbTx, id: string): Promise<Mentorship> {
  const m = await db.mentorship.findUnique({ where: { id } });
  if (!m) throw notFound("Mentorship", id);
  try {
    assertCan(deps.ability, "read", "Mentorship", m);
  } catch {
    throw notFound("Mentorship", id);
  }
  return m;
}

/**
 * The viewer's side of a mentorship they are a party of, for a write on it; staff and strangers
 * are refused. Only an ACTIVE mentorship (both sides consented) grants anything: a pending,
 * declined or expired request and an ended or completed mentorship are refused.
 */
export async function asParty(deps: ServiceDeps, db: DbTx, mentorshipId: string, message = "Only the mentor and the mentee of this mentorship can do this") {
  const me = signedIn(deps);
  const m = await readableMentorship(deps, db, mentorshipId);
  const party = partyIn(me.id, m);
  if (!party) throw new DomainError("FORBIDDEN", message);
  assertActive(m);
  return { m, party, me };
}

/** A mentorship the actor may read, loaded inside a command (NOT_FOUND otherwise). */
export const loadMentorship = (c: CommandContext, id: string) => readableMentorship(c.deps, c.tx, id);

/**
 * The authorization of a party's write on a mentorship: the CASL row rule first (so program
 * suspensions refuse with their reason), then the actor must be the mentor or the mentee.
 */
export function authorizeParty(g: Guard, m: Mentorship, message = "Only the mentor and the mentee of this mentorship can do this"): MentorshipParty {
  const me = g.user();
  g.can("update", "Mentorship", m, message);
  const party = partyIn(me.id, m);
  g.require(!!party, message);
  // Only an ACTIVE mentorship (both sides consented) grants its parties anything.
  assertActive(m);
  return party as MentorshipParty;
}

/** The acting party inside `run` (authorization already proved there is one). */
export const partyOf = (c: CommandContext, m: Pick<Mentorship, "mentorId" | "menteeId">): MentorshipParty =>
  partyIn((c.actor as { id: string }).id, m) as MentorshipParty;

/** Consent first (seed 004): nothing is written on a mentorship both sides have not accepted. */
export function assertActive(m: Pick<Mentorship, "status">) {
  assertOpen(m);
  if (m.status !== "ACTIVE")
    throw new DomainError("PRECONDITION_FAILED", m.status === "PENDING" ? "The mentorship request has not been accepted by both sides yet" : `The mentorship request was ${m.status.toLowerCase()}`, { status: m.status });
}

export const assertOpen = (m: Pick<Mentorship, "status">) => {
  if (m.status === "COMPLETED" || m.status === "ENDED") throw conflict(`The mentorship is ${m.status.toLowerCase()}`);
};

const startInput = z.object({
  mentorId: zId.optional(),
  menteeId: zId.optional(),
  programId: zId.optional(),
});

/**
 * A mentee requests one with a mentor, a mentor with a mentee, staff with both named. It stays
 * PENDING until the other side accepts (both sides for a staff-made request) and lapses at the
 * policy's expiry (consent.service.ts). With a program, both must be members of it.
 */
const startMentorshipCommand = defineCommand({
  name: "mentorships.start",
  input: startInput,
  authorize: (g, _none, i) => {
    g.user();
    g.can("create", "Mentorship", i.programId ? { programId: i.programId } : undefined);
  },
  run: async (c, _none, i) => {
    const { tx, now } = c;
    const me = c.actor as Extract<typeof c.actor, { kind: "USER" }>;
    const staff = me.role === "ADMIN" || me.role === "SUPPORT";
    const mentorId = me.role === "MENTOR" ? me.id : i.mentorId;
    const menteeId = me.role === "MENTEE" ? me.id : i.menteeId;
    if (!mentorId) throw new DomainError("BAD_USER_INPUT", "mentorId: required", { fields: { mentorId: "required" } });
    if (!menteeId) throw new DomainError("BAD_USER_INPUT", "menteeId: required", { fields: { menteeId: "required" } });
    if (mentorId === menteeId) throw new DomainError("BAD_USER_INPUT", "A mentorship needs two different people");
    const [mentor, mentee] = await Promise.all([
      tx.user.findUnique({ where: { id: mentorId }, include: { mentorProfile: true } }),
      tx.user.findUnique({ where: { id: menteeId } }),
    ]);
    if (!mentor || mentor.role !== "MENTOR" || mentor.status !== "ACTIVE") throw notFound("Mentor", mentorId);
    if (!mentor.mentorProfile?.approved) throw new DomainError("PRECONDITION_FAILED", "The mentor is not approved yet");
    if (!mentee || mentee.role !== "MENTEE" || mentee.status !== "ACTIVE") throw notFound("Mentee", menteeId);
    if (i.programId) {
      const members = await tx.programMember.count({ where: { programId: i.programId, userId: { in: [mentorId, menteeId] } } });
      if (members < 2) throw new DomainError("PRECONDITION_FAILED", "Both must be members of the program");
    }
    const existing = await tx.mentorship.findFirst({ where: { mentorId, menteeId, programId: i.programId ?? null } });
    // A declined or lapsed request may be made again: the same row is renewed (the audit and
    // notifications keep its history); anything else already exists.
    if (existing && existing.status !== "DECLINED" && existing.status !== "EXPIRED") throw conflict("This mentorship already exists", { mentorshipId: existing.id });
    const request = { startedBy: me.role === "MENTOR" ? "MENTOR" : "MENTEE", ...(await requestTerms(tx, me, now)) } as const;
    const row = existing
      ? await tx.mentorship.update({ where: { id: existing.id }, data: { ...request, status: "PENDING", activatedAt: null, endedAt: null, endReason: null } })
      : await tx.mentorship.create({ data: { mentorId, menteeId, programId: i.programId ?? null, ...request, createdAt: now } });
    if (staff) await c.audit({ action: "mentorship.start", subjectType: "Mentorship", subjectId: row.id, after: row });
    const others = [mentorId, menteeId].filter((u) => u !== me.id);
    await c.notify(
      others.map((userId) => ({
        userId,
        kind: "mentorship.requested",
        subject: "A mentorship request is waiting for your answer",
        body: `Accept or decline it by ${row.expiresAt!.toISOString().slice(0, 10)}. Once both of you have accepted, agree on the terms (objectives, scope, duration, confidentiality, commitment).`,
        payload: { mentorshipId: row.id, expiresAt: row.expiresAt!.toISOString() },
        dedupeKey: `mentorship-requested:${row.id}:${row.expiresAt!.getTime()}:${userId}`,
        channels: ["IN_APP"],
      })),
    );
    return row;
  },
});

export async function startMentorship(deps: ServiceDeps, input: unknown): Promise<Mentorship> {
  try {
    return await startMentorshipCommand(deps, input);
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict("This mentorship already exists");
    throw e;
  }
}

const endInput = z.object({ mentorshipId: zId, reason: zText(1000).min(1, "is required") });

/** Either party (or staff) ends a mentorship early; open proposals are withdrawn. */
export const endMentorship = defineCommand({
  name: "mentorships.end",
  input: endInput,
  load: (c, i) => loadMentorship(c, i.mentorshipId),
  authorize: (g, m) => {
    g.user();
    g.can("update", "Mentorship", m, "Only the parties or staff end a mentorship");
  },
  run: async (c, m, i) => {
    const { tx, now } = c;
    assertOpen(m);
    if (m.status !== "PENDING" && m.status !== "ACTIVE") throw conflict(`The mentorship request was ${m.status.toLowerCase()}`);
    const done = await tx.mentorship.updateMany({ where: { id: m.id, status: { in: ["PENDING", "ACTIVE"] } }, data: { status: "ENDED", endedAt: now, endReason: i.reason } });
    if (!done.count) throw conflict("The mentorship changed meanwhile; reload");
    await tx.mentorshipAgreement.updateMany({ where: { mentorshipId: m.id, status: "PROPOSED" }, data: { status: "WITHDRAWN", closedAt: now, closeReason: "mentorship ended" } });
    if (!partyIn((c.actor as { id: string }).id, m)) await c.audit({ action: "mentorship.end", subjectType: "Mentorship", subjectId: m.id, before: m, reason: i.reason });
    return tx.mentorship.findUniqueOrThrow({ where: { id: m.id } });
  },
});
