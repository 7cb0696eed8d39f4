// Abuse limits (log-in, sign-up, content) on rate-limiter-flexible. Two stores:
// - Redis (when REDIS_URL is set): the library's own atomic Lua scripts, shared by every process;
// - the database otherwise: one atomic INSERT ... ON CONFLICT statement per check (count and
//   check cannot be split by a concurrent request, also across API processes), timed by the
//   injected clock so windows are testable without sleeping.
// The limit values come from the policy data; this module only counts.
import { createRequire } from "node:module";
import { RateLimiterRedis, RateLimiterRes, type RateLimiterStoreAbstract as StoreAbstract } from "rate-limiter-flexible";
import type { Redis } from "ioredis";
import type { Clock } from "./clock.js";
import type { DbTx } from "./db.js";
import { DomainError } from "./errors.js";

export interface LimitStore {
  redis?: Redis;
  /** Key namespace in Redis, so several deployments (or test runs) can share one server. */
  prefix: string;
}

export interface LimitDeps {
  db: DbTx;
  clock: Clock;
  limits?: LimitStore;
}

export interface LimitSpec {
  /** Which limit (part of the key and of the error details). */
  name: string;
  points: number;
  durationSeconds: number;
}

// The package's index does not export the base class of its store limiters; its file does.
const RateLimiterStoreAbstract = createRequire(import.meta.url)("rate-limiter-flexible/lib/RateLimiterStoreAbstract.js") as typeof StoreAbstract;

interface CounterRow {
  points: number;
  expire: Date | null;
}

class DbRateLimiter extends RateLimiterStoreAbstract {
  constructor(
    opts: { points: number; duration: number; keyPrefix: string },
    private readonly db: DbTx,
    private readonly clock: Clock,
  ) {
    super({ ...opts, storeClient: db });
  }

  _getRateLimiterRes(_key: string, changedPoints: number, row: CounterRow): RateLimiterRes {
    const msBeforeNext = row.expire ? Math.max(new Date(row.expire).getTime() - this.clock.now().getTime(), 0) : -1;
    return new RateLimiterRes(Math.max(this.points - row.points, 0), msBeforeNext, row.points, row.points === changedPoints);
  }

  async _upsert(key: string, points: number, msDuration: number, forceExpire = false): Promise<CounterRow> {
    const now = this.clock.now();
    const expire = msDuration > 0 ? new Date(now.getTime() + msDuration) : null;
    // An expired row starts a new window inside the same statement: no read-then-write gap.
    const rows = forceExpire
      ? await this.db.$queryRaw<CounterRow[]>`
          INSERT INTO "RateLimitCounter" ("key", "points", "expire") VALUES (${key}, ${points}, ${expire})
          ON CONFLICT ("key") DO UPDATE SET "points" = EXCLUDED."points", "expire" = EXCLUDED."expire"
          RETURNING "points", "expire"`
      : await this.db.$queryRaw<CounterRow[]>`
          INSERT INTO "RateLimitCounter" AS c ("key", "points", "expire") VALUES (${key}, ${points}, ${expire})
          ON CONFLICT ("key") DO UPDATE SET
            "points" = CASE WHEN c."expire" IS NOT NULL AND c."expire" <= ${now} THEN EXCLUDED."points" ELSE c."points" + EXCLUDED."points" END,
            "expire" = CASE WHEN c."expire" IS NOT NULL AND c."expire" <= ${now} THEN EXCLUDED."expire" ELSE c."expire" END
          RETURNING "points", "expire"`;
    return rows[0];
  }

  async _get(key: string): Promise<CounterRow | null> {
    const rows = await this.db.$queryRaw<CounterRow[]>`
      SELECT "points", "expire" FROM "RateLimitCounter" WHERE "key" = ${key} AND ("expire" IS NULL OR "expire" > ${this.clock.now()})`;
    return rows[0] ?? null;
  }

  async _delete(key: string): Promise<boolean> {
    return (await this.db.$executeRaw`DELETE FROM "RateLimitCounter" WHERE "key" = ${key}`) > 0;
  }
}

function limiter(deps: LimitDeps, spec: LimitSpec): StoreAbstract {
  const opts = { points: spec.points, duration: spec.durationSeconds, keyPrefix: spec.name };
  if (deps.limits?.redis) return new RateLimiterRedis({ ...opts, keyPrefix: `${deps.limits.prefix}:${spec.name}`, storeClient: deps.limits.redis });
  return new DbRateLimiter(opts, deps.db, deps.clock);
}

export const retryAfterSeconds = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

export function rateLimited(spec: LimitSpec, res: RateLimiterRes, message = "Too many requests; try again later"): DomainError {
  const retry = retryAfterSeconds(res);
  return new DomainError("RATE_LIMITED", `${message} (in ${retry} s)`, { limit: spec.name, retryAfterSeconds: retry });
}

/**
 * Counts one use of `key` and returns how many uses the window holds now. `over` is true when
 * that count passes `spec.points`; the use is counted either way (the count and the check are
 * one atomic step).
 */
export async function countUse(
  deps: LimitDeps,
  spec: LimitSpec,
  key: string,
  opts: { customDurationSeconds?: number } = {},
): Promise<{ over: boolean; res: RateLimiterRes }> {
  try {
    const res = await limiter(deps, spec).consume(key, 1, opts.customDurationSeconds ? { customDuration: opts.customDurationSeconds } : {});
    return { over: false, res };
  } catch (e) {
    if (e instanceof RateLimiterRes) return { over: true, res: e };
    throw e;
  }
}

/** Counts one use and refuses it with RATE_LIMITED (and the retry time) past the limit. */
export async function consumeLimit(deps: LimitDeps, spec: LimitSpec, key: string, message?: string): Promise<RateLimiterRes> {
  const { over, res } = await countUse(deps, spec, key);
  if (over) throw rateLimited(spec, res, message);
  return res;
}

export async function resetLimit(deps: LimitDeps, spec: LimitSpec, key: string): Promise<void> {
  await limiter(deps, spec).delete(key);
}

/** Gives back one use (a successful log-in does not count against its address). */
export async function refundUse(deps: LimitDeps, spec: LimitSpec, key: string): Promise<void> {
  await limiter(deps, spec).reward(key, 1);
}

/** Rows of windows that ended more than an hour ago (the database store only). */
export async function purgeExpiredCounters(db: DbTx, now: Date): Promise<number> {
  return db.$executeRaw`DELETE FROM "RateLimitCounter" WHERE "expire" < ${new Date(now.getTime() - 3_600_000)}`;
}
