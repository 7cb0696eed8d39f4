// Appeals: one per enforcement, inside the appeal window stored with the enforcement; staff
// approve (the enforcement is overturned and stops counting) or reject.
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import { announceViewerChanged, type AuthSettings } from "../auth/index.js";
import { checkPasswordLimited } from "../credentials/index.js";
import { DomainError, notFound } from "../../lib/errors.js";
import { parseInput, zEmail, zId } from "../../lib/validate.js";
import { defineCommand, type CommandContext } from "../../lib/command.js";
import type { DomainEvents } from "../../lib/events.js";
import type { Appeal } from "../../generated/prisma/client.js";
import type { AccountStatus, Role } from "../../generated/prisma/enums.js";
import { getPlatform } from "../platform/index.js";
import { currentPolicy } from "../policy/index.js";
import { loadRestrictions } from "./standing.service.js";
import { appealDecisionNotice } from "./notices.js";
import { isUniqueViolation } from "./apply.js";
import "./safety.events.js";

const fileInput = z.object({
  enforcementId: zId,
  statement: z.string().trim().min(10, "explain your appeal in a few sentences").max(5000),
  // A banned or suspended user cannot sign in: they appeal with their credentials instead.
  email: zEmail.optional(),
  password: z.string().min(1).max(200).optional(),
});

/** The appellant acts as themselves even when not signed in (they proved who they are). */
const fileCommand = defineCommand({
  name: "safety.fileAppeal",
  input: fileInput.omit({ email: true, password: true }).and(z.object({ userId: z.string(), signedIn: z.boolean() })),
  load: (c, data) => c.tx.enforcement.findUnique({ where: { id: data.enforcementId } }),
  authorize: (g, e, data) => {
    // Someone else's enforcement is indistinguishable from a missing one.
    if (!e || e.userId !== data.userId) throw notFound("Enforcement", data.enforcementId);
    if (data.signedIn) g.can("create", "Appeal", { userId: data.userId });
    // Signed out: the credentials were verified (appellant) and match the enforced user.
    else g.require(e.userId === data.userId, "Only the enforced user appeals");
  },
  run: async (c, found, data): Promise<Appeal> => {
    const { tx, now } = c;
    const e = found!;
    if (e.overturnedAt) throw new DomainError("CONFLICT", "This enforcement was already overturned");
    if (e.appealDeadline <= now)
      throw new DomainError("PRECONDITION_FAILED", `The appeal window closed on ${e.appealDeadline.toISOString()}`, { appealDeadline: e.appealDeadline.toISOString() });
    const existing = await tx.appeal.findUnique({ where: { enforcementId: e.id } });
    if (existing) throw new DomainError("CONFLICT", "This enforcement was already appealed; one appeal per enforcement", { appealId: existing.id });
    const appeal = await tx.appeal.create({ data: { enforcementId: e.id, userId: data.userId, statement: data.statement, createdAt: now } });
    await c.audit({ action: "safety.appeal.file", subjectType: "Appeal", subjectId: appeal.id, after: { enforcementId: e.id } });
    c.publish("safetyFeed", { kind: "APPEAL_FILED", id: appeal.id });
    return appeal;
  },
});

export async function fileAppeal(deps: ServiceDeps, settings: AuthSettings, input: unknown, ip?: string): Promise<Appeal> {
  const data = parseInput(fileInput, input);
  const who = await appellant(deps, settings, data, ip);
  try {
    // The audit names the appellant, signed in or not.
    return await fileCommand({ ...deps, actor: { kind: "USER", id: who.id, role: who.role }, ability: deps.ability }, { enforcementId: data.enforcementId, statement: data.statement, userId: who.id, signedIn: deps.actor?.kind === "USER" });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError("CONFLICT", "This enforcement was already appealed; one appeal per enforcement");
    throw e;
  }
}

async function appellant(deps: ServiceDeps, settings: AuthSettings, data: z.infer<typeof fileInput>, ip?: string): Promise<{ id: string; role: Role }> {
  if (deps.actor?.kind === "USER") return { id: deps.actor.id, role: deps.actor.role };
  if (!data.email || !data.password)
    throw new DomainError("BAD_USER_INPUT", "Sign in, or give the account's email and password to appeal", { fields: { email: "is required when not signed in", password: "is required when not signed in" } });
  // The same limits as log-in: appeals are no way around them.
  const user = await checkPasswordLimited(deps, settings.passwordHashCost, data.email, data.password, ip);
  if (!user) throw new DomainError("UNAUTHENTICATED", "Email or password is wrong");
  return { id: user.id, role: user.role };
}

const decideInput = z.object({
  appealId: zId,
  approve: z.boolean(),
  reason: z.string().trim().min(3, "say why").max(2000),
});

export const decideAppeal = defineCommand({
  name: "safety.decideAppeal",
  input: decideInput,
  load: (c, data) => c.tx.appeal.findUnique({ where: { id: data.appealId }, include: { enforcement: true } }),
  authorize: (g, appeal, data) => {
    g.can("review", "Appeal", undefined, "Only trust & safety staff decide appeals");
    const reviewer = g.user();
    if (!appeal) throw notFound("Appeal", data.appealId);
    g.require(appeal.userId !== reviewer.id, "You cannot decide your own appeal");
  },
  run: async (c, found, data): Promise<Appeal> => {
    const { tx, now } = c;
    const appeal = found!;
    const reviewerId = (c.actor as { id: string }).id;
    const status = data.approve ? "APPROVED" : "REJECTED";
    const claimed = await tx.appeal.updateMany({ where: { id: appeal.id, status: "PENDING" }, data: { status, reviewerId, decisionReason: data.reason, decidedAt: now } });
    if (!claimed.count) {
      if (appeal.status === status) return appeal;
      throw new DomainError("CONFLICT", `This appeal was already ${appeal.status.toLowerCase()}`);
    }
    let statusChange: unknown = null;
    if (data.approve) {
      await tx.enforcement.update({ where: { id: appeal.enforcementId }, data: { overturnedAt: now, overturnReason: data.reason } });
      statusChange = await restoreStatus(c, appeal.userId);
      c.publish("safetyFeed", { kind: "ENFORCEMENT_OVERTURNED", id: appeal.enforcementId });
      c.afterCommit((p) => announceViewerChanged(p, appeal.enforcement.scope === "PROGRAM" ? null : appeal.userId));
    }
    await c.audit({ action: `safety.appeal.${status.toLowerCase()}`, subjectType: "Appeal", subjectId: appeal.id, after: { enforcementId: appeal.enforcementId, status, statusChange }, reason: data.reason });
    const terms = await getPlatform(tx);
    await c.notify([{ userId: appeal.userId, kind: "safety.appealDecided", ...appealDecisionNotice(data.approve, data.reason, terms), payload: { appealId: appeal.id, status }, dedupeKey: `appeal:${appeal.id}:decided` }]);
    c.publish("safetyFeed", { kind: "APPEAL_DECIDED", id: appeal.id });
    return tx.appeal.findUniqueOrThrow({ where: { id: appeal.id } });
  },
});

/**
 * The account status the remaining active enforcements call for (after an overturn or expiry).
 * The users module writes it on `safety.standingChanged`, only if the status is still the one
 * read here: a concurrent change wins and this returns null, like no change at all.
 */
export async function restoreStatus(c: CommandContext, userId: string): Promise<{ from: AccountStatus; to: AccountStatus } | null> {
  const user = await c.tx.user.findUnique({ where: { id: userId }, select: { status: true } });
  if (!user || (user.status !== "BANNED" && user.status !== "SUSPENDED")) return null;
  const { account } = await loadRestrictions(c.tx, userId, c.now);
  const to = account ? (account.code === "ACCOUNT_BANNED" ? "BANNED" : "SUSPENDED") : "ACTIVE";
  if (to === user.status) return null;
  const event: DomainEvents["safety.standingChanged"] = { userId, status: to, expectedStatus: user.status, effects: {} };
  await c.emit("safety.standingChanged", event);
  return event.effects.changed ? { from: user.status, to } : null;
}
