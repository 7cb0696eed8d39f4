// Support tickets: users ask, support staff answer, assign and close; the asker follows the status.
import { z } from "zod";
import { countContent } from "../policy/index.js";
import { subject } from "@casl/ability";
import type { ServiceDeps } from "../../lib/deps.js";
import type { DbTx } from "../../lib/db.js";
import { DomainError, badInput, notFound } from "../../lib/errors.js";
import { parseInput, zId, zName } from "../../lib/validate.js";
import { assertCan } from "../../authz/assert.js";
import type { SupportTicket } from "../../generated/prisma/client.js";
import { recordAudit, announceAudit } from "../audit/index.js";
import { announceNotices, enqueueNotices } from "../notifications/index.js";

const zBody = z.string().trim().min(1, "must not be empty").max(10_000);

function userActor(deps: ServiceDeps) {
  if (deps.actor?.kind !== "USER") throw new DomainError("UNAUTHENTICATED", "Sign in first");
  return deps.actor;
}
const isStaffRole = (role: string) => role === "ADMIN" || role === "SUPPORT";

/** A ticket the viewer may not read is reported as absent (no confirmation of other users' ids). */
async function loadVisible(deps: ServiceDeps, tx: DbTx, id: string): Promise<SupportTicket> {
  const row = await tx.supportTicket.findUnique({ where: { id } });
  if (!row || !deps.ability.can("read", subject("SupportTicket", row) as never)) throw notFound("Support ticket", id);
  return row;
}

const openInput = z.object({ subject: zName(200).min(3), body: zBody });

export async function openSupportTicket(deps: ServiceDeps, input: unknown): Promise<SupportTicket> {
  const data = parseInput(openInput, input);
  const actor = userActor(deps);
  assertCan(deps.ability, "create", "SupportTicket");
  await countContent(deps, "supportTicket", actor.id);
  const now = deps.clock.now();
  return deps.db.supportTicket.create({
    data: {
      requesterId: actor.id,
      subject: data.subject,
      status: "OPEN",
      createdAt: now,
      updatedAt: now,
      messages: { create: { authorId: actor.id, fromStaff: false, body: data.body, createdAt: now } },
    },
  });
}

const replyInput = z.object({ ticketId: zId, body: zBody });

/** A staff answer sets ANSWERED and tells the asker; the asker's follow-up sets OPEN again. */
export async function replyToSupportTicket(deps: ServiceDeps, input: unknown): Promise<SupportTicket> {
  const { ticketId, body } = parseInput(replyInput, input);
  const actor = userActor(deps);
  const fromStaff = isStaffRole(actor.role);
  let notices: { id: string; userId: string }[] = [];
  const row = await deps.db.$transaction(async (tx) => {
    const t = await loadVisible(deps, tx, ticketId);
    assertCan(deps.ability, "update", "SupportTicket", t);
    if (t.status === "CLOSED") throw new DomainError("PRECONDITION_FAILED", "This ticket is closed; open a new one", { status: t.status });
    const now = deps.clock.now();
    const msg = await tx.supportTicketMessage.create({ data: { ticketId, authorId: actor.id, fromStaff, body, createdAt: now } });
    const updated = await tx.supportTicket.update({
      where: { id: ticketId },
      data: {
        status: fromStaff && actor.id !== t.requesterId ? "ANSWERED" : "OPEN",
        updatedAt: now,
        // the first staff member to answer an unassigned ticket takes it
        ...(fromStaff && !t.assigneeId && actor.id !== t.requesterId ? { assigneeId: actor.id } : {}),
      },
    });
    if (fromStaff && actor.id !== t.requesterId) {
      notices = await enqueueNotices(tx, [
        {
          userId: t.requesterId,
          kind: "support.answered",
          subject: `Support answered: ${t.subject}`,
          body: body.slice(0, 2000),
          payload: { ticketId },
          dedupeKey: `support.answered:${msg.id}`,
          channels: ["IN_APP"],
        },
      ], now);
    }
    return updated;
  });
  announceNotices(deps.pubsub, notices);
  return row;
}

const assignInput = z.object({ ticketId: zId, assigneeId: zId.optional() });

export async function assignSupportTicket(deps: ServiceDeps, input: unknown): Promise<SupportTicket> {
  const data = parseInput(assignInput, input);
  const actor = userActor(deps);
  const assigneeId = data.assigneeId ?? actor.id;
  const audits: { id: string }[] = [];
  const row = await deps.db.$transaction(async (tx) => {
    const t = await loadVisible(deps, tx, data.ticketId);
    assertCan(deps.ability, "assign", "SupportTicket", t);
    if (t.status === "CLOSED") throw new DomainError("PRECONDITION_FAILED", "This ticket is closed");
    const assignee = await tx.user.findUnique({ where: { id: assigneeId }, select: { role: true, status: true } });
    if (!assignee) throw notFound("User", assigneeId);
    if (!isStaffRole(assignee.role) || assignee.status !== "ACTIVE") throw badInput("Tickets are assigned to active support staff or admins", { assigneeId: "is not active support staff" });
    const updated = await tx.supportTicket.update({ where: { id: t.id }, data: { assigneeId, updatedAt: deps.clock.now() } });
    audits.push(await recordAudit(tx, deps.actor, { action: "support.assign", subjectType: "SupportTicket", subjectId: t.id, before: { assigneeId: t.assigneeId }, after: { assigneeId } }, deps.requestId));
    return updated;
  });
  announceAudit(deps.pubsub, audits);
  return row;
}

const closeInput = z.object({ ticketId: zId, reason: z.string().trim().max(1000).optional() });

/** Staff close any ticket; an asker may close their own (e.g. solved). Closing twice is a no-op. */
export async function closeSupportTicket(deps: ServiceDeps, input: unknown): Promise<SupportTicket> {
  const { ticketId, reason } = parseInput(closeInput, input);
  const actor = userActor(deps);
  const audits: { id: string }[] = [];
  const row = await deps.db.$transaction(async (tx) => {
    const t = await loadVisible(deps, tx, ticketId);
    assertCan(deps.ability, "resolve", "SupportTicket", t);
    if (t.status === "CLOSED") return t;
    const now = deps.clock.now();
    const updated = await tx.supportTicket.update({
      where: { id: ticketId },
      data: { status: "CLOSED", closedAt: now, closedById: actor.id, closeReason: reason ?? null, updatedAt: now },
    });
    if (isStaffRole(actor.role))
      audits.push(await recordAudit(tx, deps.actor, { action: "support.close", subjectType: "SupportTicket", subjectId: ticketId, before: { status: t.status }, after: { status: "CLOSED" }, reason }, deps.requestId));
    return updated;
  });
  announceAudit(deps.pubsub, audits);
  return row;
}
