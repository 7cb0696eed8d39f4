// Chat per mentorship: the two members write; every message passes through the trust & safety
// detectors after commit (a hit files a report; the message is delivered).
import { z } from "zod";
import { subject } from "@casl/ability";
import { defineCommand } from "../../lib/command.js";
import type { ServiceDeps } from "../../lib/deps.js";
import { DomainError, notFound } from "../../lib/errors.js";
import { parseInput, zId } from "../../lib/validate.js";
import { logger } from "../../lib/logger.js";
import type { ChatMessage, Mentorship } from "../../generated/prisma/client.js";
import { scanContent } from "../safety/index.js";
import { countContent, currentPolicy } from "../policy/index.js";

const sendInput = z.object({ mentorshipId: zId, body: z.string().trim().min(1, "must not be empty").max(5000) });

/** The mentorship if the viewer is one of its two members (staff are not members). */
export async function chatMembership(deps: Pick<ServiceDeps, "db" | "actor">, mentorshipId: string): Promise<Mentorship | null> {
  if (deps.actor?.kind !== "USER") return null;
  const uid = deps.actor.id;
  return deps.db.mentorship.findFirst({ where: { id: mentorshipId, OR: [{ mentorId: uid }, { menteeId: uid }] } });
}

const chatRow = (m: Mentorship, authorId?: string) => ({ mentorshipId: m.id, programId: m.programId, mentorship: m, ...(authorId ? { authorId } : {}) });

const sendCommand = defineCommand({
  name: "chat.sendMessage",
  input: sendInput,
  load: (c, i) => c.tx.mentorship.findUnique({ where: { id: i.mentorshipId } }),
  authorize: (g, m, i) => {
    const me = g.user();
    // Not a member and not allowed to read: the mentorship is not confirmed to exist.
    g.require(!!m && g.ability.can("read", subject("ChatMessage", chatRow(m)) as never), `Mentorship ${i.mentorshipId} was not found`, "NOT_FOUND");
    // A chat feature suspension (or a program suspension) refuses here with its reason.
    g.can("create", "ChatMessage", chatRow(m!, me.id), "Only the mentor and the mentee of this mentorship write in its chat");
    // Consent first (seed 004): a request not yet accepted by both sides opens no chat; an ended one is read-only.
    if (m!.status !== "ACTIVE")
      throw new DomainError("PRECONDITION_FAILED", m!.status === "PENDING" ? "The mentorship request has not been accepted by both sides; its chat opens then" : "This mentorship is not active; its chat is read-only", { status: m!.status });
  },
  run: async (c, m, { body }) => {
    const authorId = (c.actor as { id: string }).id;
    const msg = await c.tx.chatMessage.create({ data: { mentorshipId: m!.id, authorId, body, programId: m!.programId, createdAt: c.now } });
    c.publish("messageAdded", msg.mentorshipId, { id: msg.id });
    return msg;
  },
});

export async function sendChatMessage(deps: ServiceDeps, input: unknown): Promise<ChatMessage> {
  parseInput(sendInput, input);
  if (deps.actor?.kind !== "USER") throw new DomainError("UNAUTHENTICATED", "Sign in first");
  // Counted outside the write's transaction (the counter lives in the limit store).
  await countContent(deps, "chatMessage", deps.actor.id);
  const msg = await sendCommand(deps, input);
  await scanMessage(deps, msg);
  return msg;
}

/** After commit: detectors over the text, with the author's recent message times for the burst rule. */
async function scanMessage(deps: ServiceDeps, msg: ChatMessage) {
  try {
    const { values } = await currentPolicy(deps.db);
    const since = new Date(msg.createdAt.getTime() - values.safety.spamBurstWindowSeconds * 1000);
    const recent = await deps.db.chatMessage.findMany({ where: { authorId: msg.authorId, createdAt: { gte: since } }, select: { createdAt: true } });
    await scanContent(deps, {
      authorId: msg.authorId,
      source: "chat",
      refId: msg.id,
      messageId: msg.id,
      programId: msg.programId ?? undefined,
      text: msg.body,
      recentMessageTimes: recent.map((r) => r.createdAt),
    });
  } catch (e) {
    // The message is stored and delivered; a detector failure must not fail the send.
    logger.error({ err: e, messageId: msg.id }, "chat message scan failed");
  }
}

const moderateInput = z.object({ id: zId, action: z.enum(["HIDE", "RESTORE"]), reason: z.string().trim().min(3, "say why").max(2000) });

/**
 * Support staff remove a message that breaks the rules (or restore it), with a reason, audited.
 * The row stays: reports and appeals still point at it, and staff still read it.
 */
export const moderateChatMessage = defineCommand({
  name: "chat.moderateMessage",
  input: moderateInput,
  load: (c, i) => c.tx.chatMessage.findUnique({ where: { id: i.id } }),
  authorize: (g, m, i) => {
    g.user();
    if (!m) throw notFound("Chat message", i.id);
    g.can("review", "ChatMessage", m, "Only support staff remove or restore chat messages");
  },
  run: async (c, found, { id, action, reason }): Promise<ChatMessage> => {
    const m = found!;
    const hide = action === "HIDE";
    if (hide === !!m.hiddenAt) throw new DomainError("CONFLICT", hide ? "This message is already removed" : "This message is not removed", { hidden: !!m.hiddenAt });
    const updated = await c.tx.chatMessage.update({
      where: { id },
      data: hide ? { hiddenAt: c.now, hiddenById: (c.actor as { id: string }).id, hiddenReason: reason } : { hiddenAt: null, hiddenById: null, hiddenReason: null },
    });
    await c.audit({ action: `chat.message.${action.toLowerCase()}`, subjectType: "ChatMessage", subjectId: id, before: { hidden: !!m.hiddenAt }, after: { hidden: hide }, reason });
    return updated;
  },
});
