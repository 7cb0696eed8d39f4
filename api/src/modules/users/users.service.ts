import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import type { DbTx } from "../../lib/db.js";
import { defineCommand, type CommandContext } from "../../lib/command.js";
import { DomainError, notFound } from "../../lib/errors.js";
import { parseInput, zCurrency, zEmail, zPassword, zTimeZone, zName } from "../../lib/validate.js";
import { hashPassword } from "../../lib/password.js";
import { assertStrongPassword } from "../../lib/password-strength.js";
import { currentPolicy } from "../policy/index.js";
import type { Role } from "../../generated/prisma/enums.js";
import "./users.events.js";
import { scanProfileText } from "./content-scan.js";

/**
 * The one writer of new users (self sign-up in auth, accounts created by admins): stamped with
 * the command's clock; a mentor starts unapproved, bookable only after an approved application.
 */
export async function insertUser(c: CommandContext, u: { email: string; passwordHash: string; displayName: string; role: Role; timeZone: string }) {
  if (await c.tx.user.findUnique({ where: { email: u.email }, select: { id: true } })) throw new DomainError("CONFLICT", "An account with this email already exists");
  return c.tx.user.create({ data: { ...u, createdAt: c.now, ...(u.role === "MENTOR" ? { mentorProfile: { create: { expertise: [] } } } : {}) } });
}

export const anonymisedEmail = (userId: string) => `deleted-${userId}@deleted.invalid`;

/**
 * Account deletion (privacy) anonymises the User row and the mentor profile, which this module
 * owns, inside the caller's transaction: the row stays for the records that must keep pointing
 * at it, but no longer identifies the person.
 */
export async function anonymiseUser(tx: DbTx, userId: string): Promise<void> {
  await tx.mentorProfile.updateMany({ where: { userId }, data: { headline: "", bio: "", expertise: [], approved: false } });
  await tx.user.update({
    where: { id: userId },
    data: { email: anonymisedEmail(userId), displayName: "Deleted user", passwordHash: "deleted", timeZone: "UTC", status: "DEACTIVATED" },
  });
}

/** Two sign-ups of one address at once: the unique index lets one through. */
export async function uniqueEmail<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") throw new DomainError("CONFLICT", "An account with this email already exists");
    throw e;
  }
}

const profileInput = z.object({
  displayName: zName(80).min(1, "is required").optional(),
  timeZone: zTimeZone.optional(),
});

const meOf = (c: CommandContext) => (c.actor as { id: string }).id;

export const updateMyProfile = defineCommand({
  name: "users.updateMyProfile",
  input: profileInput,
  authorize: (g) => g.can("update", "User", { id: g.user().id }),
  run: (c, _none, data) => c.tx.user.update({ where: { id: meOf(c) }, data }),
});

const mentorProfileInput = z.object({
  headline: zName(140).optional(),
  bio: z.string().trim().max(5000).optional(),
  expertise: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
  hourlyRateMinor: z.number().int().min(0).max(10_000_000).optional(),
  currency: zCurrency.optional(),
});

const updateMentorProfileCommand = defineCommand({
  name: "users.updateMentorProfile",
  input: mentorProfileInput,
  load: (c) => (c.actor?.kind === "USER" ? c.tx.mentorProfile.findUnique({ where: { userId: c.actor.id } }) : Promise.resolve(null)),
  authorize: (g, profile) => {
    g.user();
    g.require(!!profile, "Only mentors have a mentor profile");
    g.can("update", "MentorProfile", profile!);
  },
  run: (c, _p, data) => c.tx.mentorProfile.update({ where: { userId: meOf(c) }, data }),
});

export async function updateMentorProfile(deps: ServiceDeps, input: unknown) {
  const updated = await updateMentorProfileCommand(deps, input);
  const data = parseInput(mentorProfileInput, input);
  // Proactive monitoring (seed 003): contact details or off-platform links in public profile
  // text file a report by the system actor into the trust & safety queue (after commit).
  if (data.headline !== undefined || data.bio !== undefined)
    await scanProfileText(deps, { authorId: updated.userId, source: "profile", refId: updated.userId, text: `${updated.headline}\n${updated.bio}` });
  return updated;
}

const staffInput = z.object({
  email: zEmail,
  password: zPassword,
  displayName: zName(80).min(1),
  role: z.enum(["ADMIN", "SUPPORT", "MENTOR", "MENTEE"]),
  timeZone: zTimeZone.default("UTC"),
});

const createAccountCommand = defineCommand({
  name: "users.createAccount",
  input: staffInput.omit({ password: true }).extend({ passwordHash: z.string() }),
  authorize: (g) => g.can("create", "User"),
  run: async (c, _none, data) => {
    const u = await insertUser(c, data);
    await c.audit({ action: "user.create", subjectType: "User", subjectId: u.id, after: { email: u.email, role: u.role } });
    return u;
  },
});

/** Admins create accounts of any role (the only way to get a staff account). */
export async function createAccount(deps: ServiceDeps, passwordHashCost: number, input: unknown) {
  const { password, ...data } = parseInput(staffInput, input);
  // Refused before the (slow) password hash when the caller may not create accounts.
  if (!deps.ability.can("create", "User")) throw new DomainError("FORBIDDEN", "You are not allowed to do this");
  assertStrongPassword(password, (await currentPolicy(deps.db)).values.auth, [data.email, data.displayName]);
  const passwordHash = await hashPassword(password, passwordHashCost);
  return uniqueEmail(() => createAccountCommand(deps, { ...data, passwordHash }));
}

const roleInput = z.object({
  userId: z.string().min(1),
  role: z.enum(["ADMIN", "SUPPORT", "MENTOR", "MENTEE"]),
  reason: z.string().trim().min(3, "say why").max(1000),
});

export const setUserRole = defineCommand({
  name: "users.setRole",
  input: roleInput,
  authorize: (g, _none, i) => {
    g.can("update", "User");
    if (g.actor?.kind === "USER" && g.actor.id === i.userId) throw new DomainError("BAD_USER_INPUT", "Admins cannot change their own role");
  },
  run: async (c, _none, { userId, role, reason }) => {
    const before = await c.tx.user.findUnique({ where: { id: userId } });
    if (!before) throw notFound("User", userId);
    const after = await c.tx.user.update({
      where: { id: userId },
      data: { role, ...(role === "MENTOR" ? { mentorProfile: { connectOrCreate: { where: { userId }, create: { expertise: [] } } } } : {}) },
    });
    // Permissions are derived from the role at sign-in: old tokens must not keep the old role.
    await c.emit("users.accessChanged", { userId, why: "role changed" });
    await c.audit({ action: "user.setRole", subjectType: "User", subjectId: userId, before: { role: before.role }, after: { role }, reason });
    return after;
  },
});

const statusInput = z.object({
  userId: z.string().min(1),
  status: z.enum(["ACTIVE", "DEACTIVATED"]),
  reason: z.string().trim().min(3, "say why").max(1000),
});

/**
 * Account administration (deactivate / reactivate). Suspensions and bans are enforcement
 * records with their own ladder and appeals, so they are not set here.
 */
export const setAccountStatus = defineCommand({
  name: "users.setStatus",
  input: statusInput,
  authorize: (g, _none, i) => {
    g.can("update", "User");
    if (g.actor?.kind === "USER" && g.actor.id === i.userId) throw new DomainError("BAD_USER_INPUT", "Admins cannot change their own status");
  },
  run: async (c, _none, { userId, status, reason }) => {
    const before = await c.tx.user.findUnique({ where: { id: userId } });
    if (!before) throw notFound("User", userId);
    if (before.status === "BANNED" || before.status === "SUSPENDED") throw new DomainError("CONFLICT", "This account is under an enforcement; change it through trust & safety");
    const after = await c.tx.user.update({ where: { id: userId }, data: { status } });
    if (status !== "ACTIVE") await c.emit("users.accessChanged", { userId, why: `status ${status}` });
    await c.audit({ action: "user.setStatus", subjectType: "User", subjectId: userId, before: { status: before.status }, after: { status }, reason });
    return after;
  },
});
