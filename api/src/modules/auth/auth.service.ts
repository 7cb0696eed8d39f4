import { assertEmailNotBanned } from "./ban-evasion.js";
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import type { Db, DbTx } from "../../lib/db.js";
import type { PubSub } from "../../lib/pubsub.js";
import type { Clock } from "../../lib/clock.js";
import type { Viewer } from "../../authz/viewer.js";
import { DomainError } from "../../lib/errors.js";
import { newSecret, sha256 } from "../../lib/ids.js";
import { hashPassword } from "../../lib/password.js";
import { assertStrongPassword, zNewPassword } from "../../lib/password-strength.js";
import { checkPasswordLimited, countSignUp } from "../credentials/index.js";
import { parseInput, zEmail, zPassword, zTimeZone, zName } from "../../lib/validate.js";
import { currentPolicy } from "../policy/index.js";
import { blockDetails, loadRestrictions } from "../safety/index.js";

export interface AuthSettings {
  sessionTtlHours: number;
  passwordHashCost: number;
}

const signUpInput = z.object({
  email: zEmail,
  password: zPassword,
  displayName: zName(80).min(1, "is required"),
  // Staff accounts are created by admins, never by self sign-up.
  role: z.enum(["MENTOR", "MENTEE"]),
  timeZone: zTimeZone.default("UTC"),
});

const logInInput = z.object({ email: zEmail, password: z.string().min(1, "is required").max(200) });

export interface AuthResult {
  token: string;
  expiresAt: Date;
  userId: string;
}

async function issueToken(tx: DbTx, userId: string, clock: Clock, settings: AuthSettings): Promise<AuthResult> {
  const token = newSecret();
  const expiresAt = new Date(clock.now().getTime() + settings.sessionTtlHours * 3_600_000);
  await tx.authSession.create({ data: { userId, tokenHash: sha256(token), expiresAt, createdAt: clock.now() } });
  return { token, expiresAt, userId };
}

export async function signUp(deps: ServiceDeps, settings: AuthSettings, input: unknown, ip?: string): Promise<AuthResult> {
  const { values: policy } = await currentPolicy(deps.db);
  const data = parseInput(signUpInput.extend({ password: zNewPassword(policy.auth) }), input);
  // Also refuse passwords built from the person's own email or name.
  assertStrongPassword(data.password, policy.auth, [data.email, data.displayName]);
  // Sign-up answers CONFLICT for a taken email (docs/security.md: the trade-off); counting
  // sign-ups per address bounds how fast anyone can probe emails that way.
  await countSignUp(deps, ip);
  const passwordHash = await hashPassword(data.password, settings.passwordHashCost);
  try {
    return await deps.db.$transaction(async (tx) => {
      await assertEmailNotBanned(tx, data.email);
      const user = await tx.user.create({
        data: {
          email: data.email,
          passwordHash,
          displayName: data.displayName,
          role: data.role,
          timeZone: data.timeZone,
          createdAt: deps.clock.now(),
          // A mentor starts unapproved: bookable only after an admin approves an application.
          ...(data.role === "MENTOR" ? { mentorProfile: { create: { expertise: [] } } } : {}),
        },
      });
      return issueToken(tx, user.id, deps.clock, settings);
    });
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") throw new DomainError("CONFLICT", "An account with this email already exists");
    throw e;
  }
}

export async function logIn(deps: ServiceDeps, settings: AuthSettings, input: unknown, ip?: string): Promise<AuthResult> {
  const { email, password } = parseInput(logInInput, input);
  const now = deps.clock.now();
  const user = await checkPasswordLimited(deps, settings.passwordHashCost, email, password, ip);
  if (!user) throw new DomainError("UNAUTHENTICATED", "Email or password is wrong");
  await assertMayUseAccount(deps.db, user, now);
  return deps.db.$transaction((tx) => issueToken(tx, user.id, deps.clock, settings));
}

/**
 * Banned and suspended accounts cannot sign in; the error carries the reason, the end date and
 * the appeal deadline of the enforcement in force (seed 003). A suspension whose end has passed
 * no longer applies, even before the expiry job flips the status back.
 */
export async function assertMayUseAccount(db: DbTx, user: { id: string; status: string }, now: Date): Promise<void> {
  if (user.status === "DEACTIVATED") throw new DomainError("FORBIDDEN", "This account is deactivated");
  if (user.status === "ACTIVE") return;
  const { account } = await loadRestrictions(db, user.id, now);
  if (account) {
    const until = account.endsAt ? `until ${account.endsAt.toISOString()}` : "permanently";
    const what = account.code === "ACCOUNT_BANNED" ? "banned" : "suspended";
    throw new DomainError(account.code, `This account is ${what} ${until}: ${account.reason}`, blockDetails(account));
  }
  if (user.status === "BANNED") throw new DomainError("ACCOUNT_BANNED", "This account is banned", { permanent: true });
}

export async function logOut(deps: ServiceDeps, viewer: Viewer): Promise<boolean> {
  await deps.db.authSession.updateMany({
    where: { id: viewer.authSessionId, revokedAt: null },
    data: { revokedAt: deps.clock.now(), revokedWhy: "log-out" },
  });
  announceRevoked(deps.pubsub, viewer.id, [viewer.authSessionId]);
  return true;
}

/**
 * Revokes every live token of a user inside the caller's transaction (bans, suspensions, role
 * changes). Call `announceRevoked` after commit so open sockets close at once.
 */
export async function revokeAllSessions(tx: DbTx, userId: string, now: Date, why: string): Promise<number> {
  const res = await tx.authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now, revokedWhy: why } });
  return res.count;
}

export function announceRevoked(pubsub: PubSub, userId: string, authSessionIds: string[] | null): void {
  pubsub.publish("authRevoked", { userId, authSessionIds });
}

/** Bearer token -> viewer, or null when unknown, expired, revoked or the account is blocked. */
export async function resolveToken(db: Db, token: string, now: Date): Promise<Viewer | null> {
  if (!token || token.length > 200) return null;
  return (await resolveTokenHash(db, sha256(token), now))?.viewer ?? null;
}

/**
 * The viewer behind a token hash and how long that answer holds without any change being
 * announced: until the token expires or the first of its restrictions ends.
 */
export async function resolveTokenHash(db: Db, tokenHash: string, now: Date): Promise<{ viewer: Viewer; validUntil: Date } | null> {
  const s = await db.authSession.findUnique({
    where: { tokenHash },
    select: { id: true, revokedAt: true, expiresAt: true, user: { select: { id: true, role: true, status: true } } },
  });
  if (!s || s.revokedAt || s.expiresAt <= now) return null;
  if (s.user.status === "DEACTIVATED" || s.user.status === "BANNED") return null;
  // Active suspensions: account-wide ones refuse the token, feature/program ones fold into the
  // ability as `cannot` rules (authz/ability.ts, safety.policy.ts).
  const { account, suspensions } = await loadRestrictions(db, s.user.id, now);
  if (account) return null;
  let validUntil = s.expiresAt.getTime();
  for (const r of suspensions) if (r.endsAt && r.endsAt.getTime() < validUntil) validUntil = r.endsAt.getTime();
  const viewer: Viewer = { id: s.user.id, role: s.user.role, status: s.user.status === "SUSPENDED" ? "ACTIVE" : s.user.status, authSessionId: s.id, suspensions };
  return { viewer, validUntil: new Date(validUntil) };
}

/**
 * What a user may do changed without their tokens ending (restrictions issued, lifted or
 * overturned, program membership): cached viewers are dropped in every process; `null` = everyone.
 */
export function announceViewerChanged(pubsub: PubSub, userId: string | null): void {
  pubsub.publish("authRevoked", { userId, authSessionIds: null, revoked: false });
}
