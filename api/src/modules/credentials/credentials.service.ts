// Password checks under the log-in limits, shared by log-in (auth) and signed-out appeals (safety) (policy `auth.*`). Each attempt is counted BEFORE the
// password is verified, in one atomic step per limit (lib/rate-limit.ts), so parallel attempts
// cannot all pass a "fewer than N so far" check. Three limits:
// - per (account, client address): loginMaxFailures in the window, then RATE_LIMITED;
// - per client address, over all accounts: loginMaxAttemptsPerAddress in the window;
// - per account, from any address: past loginAccountFailuresBeforeDelay, attempts are spaced
//   out by a delay doubling up to loginDelayMaxSeconds. This one only slows: an attacker
//   elsewhere cannot lock the owner out for the whole window.
// A success clears the (account, address) and account counters and is not counted against
// the address.
import type { Db, DbTx } from "../../lib/db.js";
import type { Clock } from "../../lib/clock.js";
import { countUse, consumeLimit, rateLimited, refundUse, resetLimit, type LimitDeps, type LimitSpec } from "../../lib/rate-limit.js";
import { verifyAgainstDummy, verifyPassword } from "../../lib/password.js";
import { currentPolicy, type PolicyValues } from "../policy/index.js";

export interface CheckedUser {
  id: string;
  role: import("../../generated/prisma/enums.js").Role;
  status: string;
  passwordHash: string;
}

const UNKNOWN_ADDRESS = "unknown";

function specs(p: PolicyValues["auth"]) {
  const window = p.loginWindowMinutes * 60 || 1;
  return {
    accountAddress: { name: "login-account-address", points: p.loginMaxFailures, durationSeconds: window } satisfies LimitSpec,
    address: { name: "login-address", points: p.loginMaxAttemptsPerAddress, durationSeconds: window } satisfies LimitSpec,
    account: { name: "login-account", points: p.loginAccountFailuresBeforeDelay, durationSeconds: window } satisfies LimitSpec,
    gate: (delay: number) => ({ name: "login-account-gate", points: 1, durationSeconds: delay }) satisfies LimitSpec,
  };
}

/** The gap an account's attempts must keep once it has `failures` recent failures. */
export function accountDelaySeconds(p: PolicyValues["auth"], failures: number): number {
  const over = failures - p.loginAccountFailuresBeforeDelay;
  if (over <= 0) return 0;
  return Math.min(p.loginDelayMaxSeconds, p.loginDelayBaseSeconds * 2 ** Math.min(over - 1, 30));
}

/**
 * Verifies `password` for `email` under the limits, records the attempt, and returns the user
 * (null when the email or the password is wrong). Throws RATE_LIMITED with retryAfterSeconds.
 */
export async function checkPasswordLimited(
  deps: LimitDeps & { db: Db; clock: Clock },
  passwordHashCost: number,
  email: string,
  password: string,
  ip: string | undefined,
): Promise<CheckedUser | null> {
  const { values } = await currentPolicy(deps.db);
  const s = specs(values.auth);
  const address = ip ?? UNKNOWN_ADDRESS;
  const pairKey = `${email}|${address}`;

  await consumeLimit(deps, s.address, address, "Too many log-in attempts from this address");
  await consumeLimit(deps, s.accountAddress, pairKey, "Too many failed log-in attempts");
  const account = await countUse(deps, s.account, email);
  const delay = accountDelaySeconds(values.auth, account.res.consumedPoints);
  if (delay > 0) {
    // One attempt per `delay` seconds for the whole account: the gate is taken atomically.
    const gateSpec = s.gate(delay);
    const gate = await countUse(deps, gateSpec, email, { customDurationSeconds: delay });
    if (gate.over) throw rateLimited(gateSpec, gate.res, "This account had many failed log-ins; attempts are slowed down");
  }

  const user = await deps.db.user.findUnique({ where: { email }, select: { id: true, role: true, status: true, passwordHash: true } });
  const ok = user ? await verifyPassword(password, user.passwordHash) : await verifyAgainstDummy(password, passwordHashCost);
  await deps.db.loginAttempt.create({ data: { email, ip: ip ?? null, success: ok, createdAt: deps.clock.now() } });
  if (!user || !ok) return null;
  await Promise.all([resetLimit(deps, s.accountAddress, pairKey), resetLimit(deps, s.account, email), refundUse(deps, s.address, address)]);
  return user;
}

/** Sign-ups per client address (policy `auth.signUpsPerAddressPerHour`). */
export async function countSignUp(deps: LimitDeps & { db: Db }, ip: string | undefined): Promise<void> {
  const { values } = await currentPolicy(deps.db);
  await consumeLimit(deps, { name: "signup-address", points: values.auth.signUpsPerAddressPerHour, durationSeconds: 3600 }, ip ?? UNKNOWN_ADDRESS, "Too many sign-ups from this address");
}

/** Log-in attempts older than `before` (the auth purge job: they only matter inside the limit window). */
export async function purgeLoginAttemptsBefore(tx: DbTx, before: Date): Promise<number> {
  return (await tx.loginAttempt.deleteMany({ where: { createdAt: { lt: before } } })).count;
}
