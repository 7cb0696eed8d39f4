// Support tickets: users ask, support staff answer, assign and close; the asker follows the status.
import { z } from "zod";
import { countContent } from "../policy/index.js";
import { subject } from "@casl/ability";
import type { ServiceDeps } from "../../lib/deps.js";
import { defineCommand, type CommandContext, type Guard } from "../../lib/command.js";
import { DomainError, badInput, notFound } from "../../lib/errors.js";
import { parseInput, zId, zName } from "../../lib/validate.js";
import type { Actor } from "../../authz/viewer.js";
import type { SupportTicket } from "../../generated/prisma/client.js";

const zBody = z.string().trim().min(1, "must not be empty").max(10_000);

const me = (c: CommandContext) => c.actor as Extract<Actor, { kind: "USER" }>;
const isStaffRole = (role: string) => role === "ADMIN" || role === "SUPPORT";

const loadTicket = (c: CommandContext, id: string) => c.tx.supportTicket.findUnique({ where: { id } });

/** A ticket the viewer may not read is reported as absent (no confirmation of other users' ids). */
function visible(g: Guard, row: SupportTicket | null, id: string): asserts row is SupportTicket {
  g.user();
  g.require(row !== null && g.ability.can("read", subject("SupportTicket", row) as never), `Support ticket ${id} was not found`, "NOT_FOUND");
}

const openInput = z.object({ subject: zName(200).min(3), body: zBody });

const openTicket = defineCommand({
  name: "support.openTicket",
  input: openInput,
  authorize: (g) => {
    g.user();
    g.can("create", "SupportTicket");
  },
  run: (c, _none, data): Promise<SupportTicket> => {
    const askerId = me(c).id;
    return c.tx.supportTicket.create({
      data: {
        requesterId: askerId,
        subject: data.subject,
        status: "OPEN",
        createdAt: c.now,
        updatedAt: c.now,
        messages: { create: { authorId: askerId, fromStaff: false, body: data.body, createdAt: c.now } },
      },
    });
  },
});

export async function openSupportTicket(deps: ServiceDeps, input: unknown): Promise<SupportTicket> {
  const data = parseInput(openInput, input);
  // Opening is rate limited per asker, counted outside the write's transaction and only for
  // callers allowed to open (the command refuses the others).
  if (deps.actor?.kind === "USER" && deps.ability.can("create", "SupportTicket")) await countContent(deps, "supportTicket", deps.actor.id);
  return openTicket(deps, data);
}

/** A staff answer sets ANSWERED and tells the asker; the asker's follow-up sets OPEN again. */
export const replyToSupportTicket = defineCommand({
  name: "support.reply",
  input: z.object({ ticketId: zId, body: zBody }),
  load: (c, i) => loadTicket(c, i.ticketId),
  authorize: (g, t, i) => {
    visible(g, t, i.ticketId);
    g.can("update", "SupportTicket", t);
  },
  run: async (c, t, { ticketId, body }): Promise<SupportTicket> => {
    const actor = me(c);
    const fromStaff = isStaffRole(actor.role);
    if (t!.status === "CLOSED") throw new DomainError("PRECONDITION_FAILED", "This ticket is closed; open a new one", { status: t!.status });
    const answered = fromStaff && actor.id !== t!.requesterId;
    const msg = await c.tx.supportTicketMessage.create({ data: { ticketId, authorId: actor.id, fromStaff, body, createdAt: c.now } });
    const updated = await c.tx.supportTicket.update({
      where: { id: ticketId },
      data: {
        status: answered ? "ANSWERED" : "OPEN",
        updatedAt: c.now,
        // the first staff member to answer an unassigned ticket takes it
        ...(answered && !t!.assigneeId ? { assigneeId: actor.id } : {}),
      },
    });
    if (answered)
      await c.notify([
        {
          userId: t!.requesterId,
          kind: "support.answered",
          subject: `Support answered: ${t!.subject}`,
          body: body.slice(0, 2000),
          payload: { ticketId },
          dedupeKey: `support.answered:${msg.id}`,
          channels: ["IN_APP"],
        },
      ]);
    return updated;
  },
});

export const assignSupportTicket = defineCommand({
  name: "support.assignTicket",
  input: z.object({ ticketId: zId, assigneeId: zId.optional() }),
  load: (c, i) => loadTicket(c, i.ticketId),
  authorize: (g, t, i) => {
    visible(g, t, i.ticketId);
    g.can("assign", "SupportTicket", t);
  },
  run: async (c, t, data): Promise<SupportTicket> => {
    const assigneeId = data.assigneeId ?? me(c).id;
    if (t!.status === "CLOSED") throw new DomainError("PRECONDITION_FAILED", "This ticket is closed");
    const assignee = await c.tx.user.findUnique({ where: { id: assigneeId }, select: { role: true, status: true } });
    if (!assignee) throw notFound("User", assigneeId);
    if (!isStaffRole(assignee.role) || assignee.status !== "ACTIVE") throw badInput("Tickets are assigned to active support staff or admins", { assigneeId: "is not active support staff" });
    const updated = await c.tx.supportTicket.update({ where: { id: t!.id }, data: { assigneeId, updatedAt: c.now } });
    await c.audit({ action: "support.assign", subjectType: "SupportTicket", subjectId: t!.id, before: { assigneeId: t!.assigneeId }, after: { assigneeId } });
    return updated;
  },
});

/** Staff close any ticket; an asker may close their own (e.g. solved). Closing twice is a no-op. */
export const closeSupportTicket = defineCommand({
  name: "support.closeTicket",
  input: z.object({ ticketId: zId, reason: z.string().trim().max(1000).optional() }),
  load: (c, i) => loadTicket(c, i.ticketId),
  authorize: (g, t, i) => {
    visible(g, t, i.ticketId);
    g.can("resolve", "SupportTicket", t);
  },
  run: async (c, t, { ticketId, reason }): Promise<SupportTicket> => {
    if (t!.status === "CLOSED") return t!;
    const actor = me(c);
    const updated = await c.tx.supportTicket.update({
      where: { id: ticketId },
      data: { status: "CLOSED", closedAt: c.now, closedById: actor.id, closeReason: reason ?? null, updatedAt: c.now },
    });
    if (isStaffRole(actor.role))
      await c.audit({ action: "support.close", subjectType: "SupportTicket", subjectId: ticketId, before: { status: t!.status }, after: { status: "CLOSED" }, reason });
    return updated;
  },
});
