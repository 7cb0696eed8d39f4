import { assertEmailNotBanned } from "./ban-evasion.js";
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import type { Db, DbTx } from "../../lib/db.js";
import type { PubSub } from "../../lib/pubsub.js";
import { defineCommand, type CommandContext } from "../../lib/command.js";
import { onEvent } from "../../lib/events.js";
import type { Viewer } from "../../authz/viewer.js";
import { DomainError } from "../../lib/errors.js";
import { newSecret, sha256 } from "../../lib/ids.js";
import { hashPassword } from "../../lib/password.js";
import { assertStrongPassword, zNewPassword } from "../../lib/password-strength.js";
import { checkPasswordLimited, countSignUp } from "../credentials/index.js";
import { parseInput, zEmail, zPassword, zTimeZone, zName } from "../../lib/validate.js";
import { insertUser, uniqueEmail } from "../users/index.js";
import { currentPolicy } from "../policy/index.js";
import { restrictionReader } from "./restrictions.js";

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

async function issueToken(c: CommandContext, userId: string, settings: AuthSettings): Promise<AuthResult> {
  const token = newSecret();
  const expiresAt = new Date(c.now.getTime() + settings.sessionTtlHours * 3_600_000);
  await c.tx.authSession.create({ data: { userId, tokenHash: sha256(token), expiresAt, createdAt: c.now } });
  return { token, expiresAt, userId };
}

const signUpCommand = defineCommand({
  name: "auth.signUp",
  input: signUpInput.omit({ password: true }).extend({ passwordHash: z.string(), ttlHours: z.number() }),
  authorize: (g) => g.allowAnyone("self sign-up is open to everyone (mentor and mentee accounts only)"),
  run: async (c, _none, data): Promise<AuthResult> => {
    await assertEmailNotBanned(c.tx, data.email);
    const user = await insertUser(c, { email: data.email, passwordHash: data.passwordHash, displayName: data.displayName, role: data.role, timeZone: data.timeZone });
    return issueToken(c, user.id, { sessionTtlHours: data.ttlHours, passwordHashCost: 0 });
  },
});

export async function signUp(deps: ServiceDeps, settings: AuthSettings, input: unknown, ip?: string): Promise<AuthResult> {
  const { values: policy } = await currentPolicy(deps.db);
  const { password, ...data } = parseInput(signUpInput.extend({ password: zNewPassword(policy.auth) }), input);
  // Also refuse passwords built from the person's own email or name.
  assertStrongPassword(password, policy.auth, [data.email, data.displayName]);
  // Sign-up answers CONFLICT for a taken email (docs/security.md: the trade-off); counting
  // sign-ups per address bounds how fast anyone can probe emails that way.
  await countSignUp(deps, ip);
  const passwordHash = await hashPassword(password, settings.passwordHashCost);
  return uniqueEmail(() => signUpCommand(deps, { ...data, passwordHash, ttlHours: settings.sessionTtlHours }));
}

const logInCommand = defineCommand({
  name: "auth.logIn",
  input: z.object({ userId: z.string(), ttlHours: z.number() }),
  authorize: (g) => g.allowAnyone("the caller proved the credentials (credentials' limited password check)"),
  run: (c, _none, i) => issueToken(c, i.userId, { sessionTtlHours: i.ttlHours, passwordHashCost: 0 }),
});

export async function logIn(deps: ServiceDeps, settings: AuthSettings, input: unknown, ip?: string): Promise<AuthResult> {
  const { email, password } = parseInput(logInInput, input);
  const user = await checkPasswordLimited(deps, settings.passwordHashCost, email, password, ip);
  if (!user) throw new DomainError("UNAUTHENTICATED", "Email or password is wrong");
  await assertMayUseAccount(deps.db, user, deps.clock.now());
  return logInCommand(deps, { userId: user.id, ttlHours: settings.sessionTtlHours });
}

/**
 * Banned and suspended accounts cannot sign in; the error carries the reason, the end date and
 * the appeal deadline of the enforcement in force (seed 003). A suspension whose end has passed
 * no longer applies, even before the expiry job flips the status back.
 */
export async function assertMayUseAccount(db: DbTx, user: { id: string; status: string }, now: Date): Promise<void> {
  if (user.status === "DEACTIVATED") throw new DomainError("FORBIDDEN", "This account is deactivated");
  if (user.status === "ACTIVE") return;
  const { account } = await restrictionReader().load(db, user.id, now);
  if (account) {
    const until = account.endsAt ? `until ${account.endsAt.toISOString()}` : "permanently";
    const what = account.code === "ACCOUNT_BANNED" ? "banned" : "suspended";
    throw new DomainError(account.code, `This account is ${what} ${until}: ${account.reason}`, restrictionReader().details(account));
  }
  if (user.status === "BANNED") throw new DomainError("ACCOUNT_BANNED", "This account is banned", { permanent: true });
}

const logOutCommand = defineCommand({
  name: "auth.logOut",
  input: z.object({ authSessionId: z.string() }),
  load: (c, i) => c.tx.authSession.findUnique({ where: { id: i.authSessionId }, select: { id: true, userId: true } }),
  authorize: (g, s) => {
    const me = g.user();
    g.require(!!s && s.userId === me.id, "Only your own session can be logged out");
  },
  run: async (c, s): Promise<boolean> => {
    await c.tx.authSession.updateMany({ where: { id: s!.id, revokedAt: null }, data: { revokedAt: c.now, revokedWhy: "log-out" } });
    c.afterCommit((p) => announceRevoked(p, s!.userId, [s!.id]));
    return true;
  },
});

export const logOut = (deps: ServiceDeps, viewer: Viewer): Promise<boolean> => logOutCommand(deps, { authSessionId: viewer.authSessionId });

/**
 * Revokes every live token of a user inside the caller's transaction (bans, suspensions, role
 * changes). Call `announceRevoked` after commit so open sockets close at once.
 */
export async function revokeAllSessions(tx: DbTx, userId: string, now: Date, why: string): Promise<number> {
  const res = await tx.authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now, revokedWhy: why } });
  return res.count;
}

// Users own roles and statuses; auth owns tokens and ends them when access changes.
onEvent("users.accessChanged", async (c, e) => {
  await revokeAllSessions(c.tx, e.userId, c.now, e.why);
  c.afterCommit((p) => announceRevoked(p, e.userId, null));
});

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
  const { account, suspensions } = await restrictionReader().load(db, s.user.id, now);
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
