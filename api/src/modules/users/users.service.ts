import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import { DomainError, notFound } from "../../lib/errors.js";
import { parseInput, zCurrency, zEmail, zPassword, zTimeZone, zName } from "../../lib/validate.js";
import { hashPassword } from "../../lib/password.js";
import { assertStrongPassword } from "../../lib/password-strength.js";
import { currentPolicy } from "../policy/index.js";
import { assertCan } from "../../authz/assert.js";
import { recordAudit, announceAudit } from "../audit/index.js";
import { announceRevoked, revokeAllSessions } from "../auth/index.js";
import { scanContent } from "../safety/index.js";

const viewerId = (deps: ServiceDeps) => {
  if (deps.actor?.kind !== "USER") throw new DomainError("UNAUTHENTICATED", "Sign in first");
  return deps.actor.id;
};

const profileInput = z.object({
  displayName: zName(80).min(1, "is required").optional(),
  timeZone: zTimeZone.optional(),
});

export async function updateMyProfile(deps: ServiceDeps, input: unknown) {
  const data = parseInput(profileInput, input);
  const id = viewerId(deps);
  assertCan(deps.ability, "update", "User", { id });
  return deps.db.user.update({ where: { id }, data });
}

const mentorProfileInput = z.object({
  headline: zName(140).optional(),
  bio: z.string().trim().max(5000).optional(),
  expertise: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
  hourlyRateMinor: z.number().int().min(0).max(10_000_000).optional(),
  currency: zCurrency.optional(),
});

export async function updateMentorProfile(deps: ServiceDeps, input: unknown) {
  const data = parseInput(mentorProfileInput, input);
  const userId = viewerId(deps);
  const profile = await deps.db.mentorProfile.findUnique({ where: { userId } });
  if (!profile) throw new DomainError("FORBIDDEN", "Only mentors have a mentor profile");
  assertCan(deps.ability, "update", "MentorProfile", profile);
  const updated = await deps.db.mentorProfile.update({ where: { userId }, data });
  // Proactive monitoring (seed 003): contact details or off-platform links in public profile
  // text file a report by the system actor into the trust & safety queue.
  if (data.headline !== undefined || data.bio !== undefined)
    await scanContent(deps, { authorId: userId, source: "profile", refId: userId, text: `${updated.headline}\n${updated.bio}` });
  return updated;
}

const staffInput = z.object({
  email: zEmail,
  password: zPassword,
  displayName: zName(80).min(1),
  role: z.enum(["ADMIN", "SUPPORT", "MENTOR", "MENTEE"]),
  timeZone: zTimeZone.default("UTC"),
});

/** Admins create accounts of any role (the only way to get a staff account). */
export async function createAccount(deps: ServiceDeps, passwordHashCost: number, input: unknown) {
  const data = parseInput(staffInput, input);
  assertCan(deps.ability, "create", "User");
  assertStrongPassword(data.password, (await currentPolicy(deps.db)).values.auth, [data.email, data.displayName]);
  const passwordHash = await hashPassword(data.password, passwordHashCost);
  const audits: { id: string }[] = [];
  try {
    const user = await deps.db.$transaction(async (tx) => {
      const u = await tx.user.create({
        data: {
          email: data.email,
          passwordHash,
          displayName: data.displayName,
          role: data.role,
          timeZone: data.timeZone,
          ...(data.role === "MENTOR" ? { mentorProfile: { create: { expertise: [] } } } : {}),
        },
      });
      audits.push(await recordAudit(tx, deps.actor, { action: "user.create", subjectType: "User", subjectId: u.id, after: { email: u.email, role: u.role } }, deps.requestId));
      return u;
    });
    announceAudit(deps.pubsub, audits);
    return user;
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") throw new DomainError("CONFLICT", "An account with this email already exists");
    throw e;
  }
}

const roleInput = z.object({
  userId: z.string().min(1),
  role: z.enum(["ADMIN", "SUPPORT", "MENTOR", "MENTEE"]),
  reason: z.string().trim().min(3, "say why").max(1000),
});

export async function setUserRole(deps: ServiceDeps, input: unknown) {
  const { userId, role, reason } = parseInput(roleInput, input);
  assertCan(deps.ability, "update", "User");
  if (deps.actor?.kind === "USER" && deps.actor.id === userId) throw new DomainError("BAD_USER_INPUT", "Admins cannot change their own role");
  const audits: { id: string }[] = [];
  const user = await deps.db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId } });
    if (!before) throw notFound("User", userId);
    const after = await tx.user.update({
      where: { id: userId },
      data: {
        role,
        ...(role === "MENTOR" ? { mentorProfile: { connectOrCreate: { where: { userId }, create: { expertise: [] } } } } : {}),
      },
    });
    // Permissions are derived from the role at sign-in: old tokens must not keep the old role.
    await revokeAllSessions(tx, userId, deps.clock.now(), "role changed");
    audits.push(await recordAudit(tx, deps.actor, { action: "user.setRole", subjectType: "User", subjectId: userId, before: { role: before.role }, after: { role }, reason }, deps.requestId));
    return after;
  });
  announceRevoked(deps.pubsub, userId, null);
  announceAudit(deps.pubsub, audits);
  return user;
}

const statusInput = z.object({
  userId: z.string().min(1),
  status: z.enum(["ACTIVE", "DEACTIVATED"]),
  reason: z.string().trim().min(3, "say why").max(1000),
});

/**
 * Account administration (deactivate / reactivate). Suspensions and bans are enforcement
 * records with their own ladder and appeals, so they are not set here.
 */
export async function setAccountStatus(deps: ServiceDeps, input: unknown) {
  const { userId, status, reason } = parseInput(statusInput, input);
  assertCan(deps.ability, "update", "User");
  if (deps.actor?.kind === "USER" && deps.actor.id === userId) throw new DomainError("BAD_USER_INPUT", "Admins cannot change their own status");
  const audits: { id: string }[] = [];
  const user = await deps.db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId } });
    if (!before) throw notFound("User", userId);
    if (before.status === "BANNED" || before.status === "SUSPENDED")
      throw new DomainError("CONFLICT", "This account is under an enforcement; change it through trust & safety");
    const after = await tx.user.update({ where: { id: userId }, data: { status } });
    if (status !== "ACTIVE") await revokeAllSessions(tx, userId, deps.clock.now(), `status ${status}`);
    audits.push(await recordAudit(tx, deps.actor, { action: "user.setStatus", subjectType: "User", subjectId: userId, before: { status: before.status }, after: { status }, reason }, deps.requestId));
    return after;
  });
  if (status !== "ACTIVE") announceRevoked(deps.pubsub, userId, null);
  announceAudit(deps.pubsub, audits);
  return user;
}
