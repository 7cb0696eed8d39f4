// Chat per mentorship: the two members write; every message passes through the trust & safety
// detectors after commit (a hit files a report; the message is delivered).
import { z } from "zod";
import { subject } from "@casl/ability";
import type { ServiceDeps } from "../../lib/deps.js";
import { DomainError, notFound } from "../../lib/errors.js";
import { parseInput, zId } from "../../lib/validate.js";
import { assertCan } from "../../authz/assert.js";
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

export async function sendChatMessage(deps: ServiceDeps, input: unknown): Promise<ChatMessage> {
  const { mentorshipId, body } = parseInput(sendInput, input);
  if (deps.actor?.kind !== "USER") throw new DomainError("UNAUTHENTICATED", "Sign in first");
  const actor = deps.actor;
  await countContent(deps, "chatMessage", actor.id);
  const msg = await deps.db.$transaction(async (tx) => {
    const m = await tx.mentorship.findUnique({ where: { id: mentorshipId } });
    // Not a member and not allowed to read: the mentorship is not confirmed to exist.
    if (!m || !deps.ability.can("read", subject("ChatMessage", { mentorshipId, programId: m.programId, mentorship: m }) as never)) throw notFound("Mentorship", mentorshipId);
    assertCan(deps.ability, "create", "ChatMessage", { mentorshipId, programId: m.programId, authorId: actor.id, mentorship: m }, "Only the mentor and the mentee of this mentorship write in its chat");
    // Consent first (seed 004): a request not yet accepted by both sides opens no chat.
    if (m.status !== "ACTIVE")
      throw new DomainError("PRECONDITION_FAILED", m.status === "PENDING" ? "The mentorship request has not been accepted by both sides; its chat opens then" : "This mentorship is not active; its chat is read-only", { status: m.status });
    return tx.chatMessage.create({ data: { mentorshipId, authorId: actor.id, body, programId: m.programId, createdAt: deps.clock.now() } });
  });
  deps.pubsub.publish("messageAdded", mentorshipId, { id: msg.id });
  await scanMessage(deps, msg);
  return msg;
}

async function scanMessage(deps: ServiceDeps, msg: ChatMessage) {
  try {
    const { values } = await currentPolicy(deps.db);
    const since = new Date(deps.clock.now().getTime() - values.safety.spamBurstWindowSeconds * 1000);
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
