// Disputes (seed 004, conflict resolution): either party opens one on a session (money at
// stake) or on the mentorship as a whole (a mentor-mentee pair, no money). Support assigns it,
// adds internal notes (staff only) and messages (both parties see them), and resolves it with
// an outcome (disputes.resolve.ts). Every change bumps `version`; an edit made against a stale
// version is a CONFLICT. Resolved disputes are read-only.
import { z } from "zod";
import { subject } from "@casl/ability";
import type { DbTx } from "../../lib/db.js";
import type { DisputeEventKind } from "../../lib/pubsub.js";
import type { Actor } from "../../authz/viewer.js";
import type { Dispute, DisputeNote, Session } from "../../generated/prisma/client.js";
import { defineCommand, type CommandContext, type Guard, type Notice } from "../../lib/command.js";
import { DomainError, badInput, conflict, notFound } from "../../lib/errors.js";
import { zId } from "../../lib/validate.js";
import { readableOrNotFound } from "../../authz/assert.js";
import { currentPolicy } from "../policy/index.js";
import { getPlatform } from "../platform/index.js";

const DAY = 86_400_000;
const HOUR = 3_600_000;

export const isStaff = (actor: Actor | null) => actor?.kind === "USER" && (actor.role === "ADMIN" || actor.role === "SUPPORT");

/** After commit: the dispute's own feed and the staff queue. Events carry ids only. */
export function announceDispute(c: Pick<CommandContext, "publish">, id: string, kind: DisputeEventKind): void {
  c.publish("disputeUpdated", id, { id });
  c.publish("disputeQueue", { id, kind });
}

/** Serialises dispute openings for one session / one pair (PostgreSQL advisory lock). */
const lockKey = (tx: DbTx, key: string) => tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;

/** The dispute a command acts on; NOT_FOUND when it does not exist. */
export async function loadDispute(c: CommandContext, id: string): Promise<Dispute> {
  const d = await c.tx.dispute.findUnique({ where: { id } });
  if (!d) throw notFound("Dispute", id);
  return d;
}

/** A dispute the viewer may not read is NOT_FOUND to them (no existence leak). */
export function readable(g: Guard, d: Dispute): void {
  g.require(g.ability.can("read", subject("Dispute", d) as never), `Dispute ${d.id} was not found`, "NOT_FOUND");
}

export const userId = (c: CommandContext) => (c.actor as Extract<Actor, { kind: "USER" }>).id;

export function noticesToParties(d: Dispute, exceptUserId: string | null, kind: string, subjectLine: string, body: string, key: string): Notice[] {
  return [d.mentorId, d.menteeId]
    .filter((u) => u !== exceptUserId)
    .map((u) => ({ userId: u, kind, subject: subjectLine, body, payload: { disputeId: d.id }, dedupeKey: `${kind}:${d.id}:${key}:${u}` }));
}

// ---------------------------------------------------------------------------------------------

export interface OpenDisputeSpec {
  scope: "SESSION" | "MENTORSHIP";
  sessionId: string | null;
  mentorId: string;
  menteeId: string;
  openedById: string;
  openedBy: "MENTOR" | "MENTEE";
  reason: string;
  evidence: string;
  partialRefundId?: string;
}

/** What opening a dispute needs of the command it runs in (the demo seed provides the same). */
export type DisputeWriter = Pick<CommandContext, "tx" | "now" | "audit" | "notify" | "publish">;

/** Writes a dispute inside a command (openDispute, a contested partial refund): audited, parties told. */
export async function openDisputeIn(c: DisputeWriter, spec: OpenDisputeSpec): Promise<Dispute> {
  const { tx, now } = c;
  await lockKey(tx, spec.scope === "SESSION" ? `dispute:session:${spec.sessionId}` : `dispute:pair:${spec.mentorId}:${spec.menteeId}`);
  const open = await tx.dispute.findFirst({
    where: { status: { not: "RESOLVED" }, ...(spec.scope === "SESSION" ? { sessionId: spec.sessionId } : { scope: "MENTORSHIP", mentorId: spec.mentorId, menteeId: spec.menteeId }) },
    select: { id: true },
  });
  if (open) throw conflict(`A dispute on this ${spec.scope === "SESSION" ? "session" : "mentorship"} is already open`, { disputeId: open.id });
  const { values } = await currentPolicy(tx);
  const d = await tx.dispute.create({
    data: { ...spec, partialRefundId: spec.partialRefundId ?? null, responseDueAt: new Date(now.getTime() + values.disputes.responseDeadlineHours * HOUR), createdAt: now, updatedAt: now },
  });
  await c.audit({ action: "dispute.open", subjectType: "Dispute", subjectId: d.id, after: { scope: d.scope, sessionId: d.sessionId, openedBy: d.openedBy, responseDueAt: d.responseDueAt, partialRefundId: d.partialRefundId }, reason: spec.reason });
  const terms = await getPlatform(tx);
  const who = spec.openedBy === "MENTOR" ? terms.mentorLabel : terms.menteeLabel;
  await c.notify(
    noticesToParties(d, spec.openedById, "dispute.opened", `${terms.platformName}: a dispute was opened`, `The ${who} opened a dispute${d.sessionId ? ` on a ${terms.sessionLabel}` : ""}: ${spec.reason}. Support responds by ${d.responseDueAt.toISOString()}.`, "open"),
  );
  announceDispute(c, d.id, "OPENED");
  return d;
}

const openInput = z
  .object({
    scope: z.enum(["SESSION", "MENTORSHIP"]),
    sessionId: zId.optional(),
    counterpartId: zId.optional(),
    reason: z.string().trim().min(3, "say what the dispute is about").max(2000),
    evidence: z.string().trim().max(10_000).default(""),
  })
  .refine((d) => d.scope !== "SESSION" || !!d.sessionId, { path: ["sessionId"], message: "is required for a session dispute" })
  .refine((d) => d.scope !== "MENTORSHIP" || !!d.counterpartId, { path: ["counterpartId"], message: "is required for a mentorship dispute" });

/** Either party opens a dispute: on a session that is over (money at stake) or on the mentorship. */
export const openDispute = defineCommand({
  name: "money.openDispute",
  input: openInput,
  load: (c, i): Promise<Session | null> => (i.scope === "SESSION" ? c.tx.session.findUnique({ where: { id: i.sessionId! } }) : Promise.resolve(null)),
  authorize: (g, found, i) => {
    const me = g.user().id;
    g.can("create", "Dispute", undefined, "Only mentors and mentees open disputes");
    if (i.scope === "SESSION") {
      const s = readableOrNotFound(g.ability, "Session", found, i.sessionId!);
      g.require(s.mentorId === me || s.menteeId === me, "Only the session's participants open a dispute on it");
    }
  },
  run: async (c, s, i): Promise<Dispute> => {
    const me = userId(c);
    if (s) {
      if (!["ENDED", "NO_SHOW", "CANCELLED"].includes(s.state)) throw new DomainError("PRECONDITION_FAILED", `A dispute can be opened once the session is over (it is ${s.state})`);
      const charge = await c.tx.charge.findUnique({ where: { sessionId: s.id }, select: { id: true } });
      if (!charge) throw new DomainError("PRECONDITION_FAILED", "This session has no charge: open a mentorship dispute instead");
      const { values } = await currentPolicy(c.tx);
      const over = s.endedAt ?? s.cancelledAt ?? s.endsAt;
      const closes = new Date(over.getTime() + values.disputes.openWindowDays * DAY);
      if (c.now > closes) throw new DomainError("PRECONDITION_FAILED", `Disputes on a session can be opened up to ${values.disputes.openWindowDays} days after it`, { closedAt: closes.toISOString() });
      return openDisputeIn(c, { scope: "SESSION", sessionId: s.id, mentorId: s.mentorId, menteeId: s.menteeId, openedById: me, openedBy: s.mentorId === me ? "MENTOR" : "MENTEE", reason: i.reason, evidence: i.evidence });
    }
    const mentor = c.actor!.kind === "USER" && c.actor!.role === "MENTOR";
    const pair = mentor ? { mentorId: me, menteeId: i.counterpartId! } : { mentorId: i.counterpartId!, menteeId: me };
    // a mentorship = a mentor and a mentee who have had sessions together
    const together = await c.tx.session.count({ where: pair });
    if (!together) throw notFound("Mentorship with", i.counterpartId);
    return openDisputeIn(c, { scope: "MENTORSHIP", sessionId: null, ...pair, openedById: me, openedBy: mentor ? "MENTOR" : "MENTEE", reason: i.reason, evidence: i.evidence });
  },
});

// ---------------------------------------------------------------------------------------------

/**
 * A staff or party edit under the version check: the row is read, the change computed, and the
 * write is conditional on the version read, so of two concurrent edits exactly one wins.
 */
export async function editDispute(
  c: CommandContext,
  d: Dispute,
  expectedVersion: number | undefined,
  data: Parameters<DbTx["dispute"]["updateMany"]>[0]["data"],
): Promise<Dispute> {
  const { tx } = c;
  if (d.status === "RESOLVED") throw new DomainError("PRECONDITION_FAILED", "This dispute is resolved and read-only");
  if (expectedVersion !== undefined && expectedVersion !== d.version)
    throw conflict("The dispute changed since you loaded it; reload and try again", { currentVersion: d.version, expectedVersion });
  const res = await tx.dispute.updateMany({
    where: { id: d.id, status: { not: "RESOLVED" }, ...(expectedVersion !== undefined ? { version: expectedVersion } : {}) },
    data: { ...data, version: { increment: 1 }, updatedAt: c.now },
  });
  if (res.count !== 1) {
    const cur = await tx.dispute.findUniqueOrThrow({ where: { id: d.id } });
    if (cur.status === "RESOLVED") throw new DomainError("PRECONDITION_FAILED", "This dispute is resolved and read-only");
    throw conflict("The dispute changed since you loaded it; reload and try again", { currentVersion: cur.version, expectedVersion });
  }
  return tx.dispute.findUniqueOrThrow({ where: { id: d.id } });
}

export const zVersion = z.number().int().min(1);

const assignInput = z.object({ disputeId: zId, assigneeId: zId.optional(), expectedVersion: zVersion });

/** Support assigns a dispute to an active agent (themselves by default); it goes into review. */
export const assignDispute = defineCommand({
  name: "money.assignDispute",
  input: assignInput,
  load: (c, i) => loadDispute(c, i.disputeId),
  authorize: (g, cur) => {
    g.user();
    readable(g, cur);
    g.can("assign", "Dispute", cur, "Only support staff assign disputes");
  },
  run: async (c, cur, i): Promise<Dispute> => {
    const assigneeId = i.assigneeId ?? userId(c);
    const agent = await c.tx.user.findUnique({ where: { id: assigneeId }, select: { role: true, status: true } });
    if (!agent || (agent.role !== "SUPPORT" && agent.role !== "ADMIN") || agent.status !== "ACTIVE")
      throw badInput("assigneeId: must be an active support agent or admin", { assigneeId: "not a support agent" });
    const after = await editDispute(c, cur, i.expectedVersion, { assigneeId, status: "IN_REVIEW" });
    await c.audit({ action: "dispute.assign", subjectType: "Dispute", subjectId: cur.id, before: { assigneeId: cur.assigneeId, version: cur.version }, after: { assigneeId, version: after.version } });
    announceDispute(c, after.id, "ASSIGNED");
    return after;
  },
});

const noteInput = z.object({ disputeId: zId, body: z.string().trim().min(1, "is empty").max(10_000), expectedVersion: zVersion });

/** Staff-only note: never shown to the parties (row rule and field rule). */
export const addDisputeNote = defineCommand({
  name: "money.addDisputeNote",
  input: noteInput,
  load: (c, i) => loadDispute(c, i.disputeId),
  authorize: (g, cur) => {
    g.user();
    readable(g, cur);
    g.can("update", "Dispute", cur, "Only support staff add internal notes");
  },
  run: async (c, cur, i): Promise<DisputeNote> => {
    await editDispute(c, cur, i.expectedVersion, {});
    const note = await c.tx.disputeNote.create({ data: { disputeId: cur.id, authorId: userId(c), visibility: "INTERNAL", body: i.body, createdAt: c.now } });
    // The parties' feed sees the version change only; the note itself is filtered by their rules.
    announceDispute(c, cur.id, "NOTE_ADDED");
    return note;
  },
});

const messageInput = z.object({ disputeId: zId, body: z.string().trim().min(1, "is empty").max(10_000), expectedVersion: zVersion.optional() });

/** A message both parties and the staff see; by a party or by staff. */
export const postDisputeMessage = defineCommand({
  name: "money.postDisputeMessage",
  input: messageInput,
  load: (c, i) => loadDispute(c, i.disputeId),
  authorize: (g, cur) => {
    const me = g.user().id;
    readable(g, cur);
    g.require(isStaff(g.actor) || cur.mentorId === me || cur.menteeId === me, `Dispute ${cur.id} was not found`, "NOT_FOUND");
  },
  run: async (c, cur, i): Promise<DisputeNote> => {
    const me = userId(c);
    await editDispute(c, cur, i.expectedVersion, {});
    const n = await c.tx.disputeNote.create({ data: { disputeId: cur.id, authorId: me, visibility: "PARTIES", body: i.body, createdAt: c.now } });
    const terms = await getPlatform(c.tx);
    await c.notify(noticesToParties(cur, me, "dispute.message", `${terms.platformName}: new message on your dispute`, i.body.slice(0, 500), n.id));
    announceDispute(c, cur.id, "MESSAGE_POSTED");
    return n;
  },
});
