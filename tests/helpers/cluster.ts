// A cluster of real API processes for multi-process tests: N separate OS processes running the
// API's entry point (migrations, HTTP + WebSocket, jobs on) over one PostgreSQL database and one
// Redis. Redis is the machine's when REDIS_URL answers; otherwise the harness starts Debian's
// `redis-server` on a private port. Where neither PostgreSQL nor Redis can be had the tests are
// skipped with the reason (never passed). Every process started here is stopped by `stop()`,
// and killed on exit of the test worker as a last resort.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { existsSync } from "node:fs";
import { gqlAt, registerProcess, startApiProcess, type ApiProcess } from "./process.js";
import { PG_ADMIN_URL, REDIS_URL, reachable, scratchDatabase } from "./services.js";
import { openDatabase, type DatabaseHandle } from "../../api/src/lib/db.js";
import { applyMigrations } from "../../api/src/lib/migrate.js";
import { hashPassword } from "../../api/src/lib/password.js";

const children = new Set<ChildProcess>();
process.once("exit", () => {
  for (const c of children) if (c.exitCode === null && !c.signalCode) c.kill("SIGKILL");
});
const track = (c: ChildProcess) => {
  children.add(c);
  c.once("exit", () => children.delete(c));
  return c;
};

/** Why multi-process tests cannot run here, or undefined when they can. Decided before collection. */
export async function clusterUnavailable(): Promise<string | undefined> {
  if (!process.env.DATABASE_URL?.startsWith("postgres"))
    return "multi-process tests need a PostgreSQL server (DATABASE_URL=postgresql://...); this run uses the embedded database, which one process owns";
  if (!(await reachable(PG_ADMIN_URL))) return `PostgreSQL at ${new URL(PG_ADMIN_URL).host} does not answer`;
  if (!(await reachable(REDIS_URL)) && !redisServerBinary()) return `Redis at ${new URL(REDIS_URL).host} does not answer and no redis-server binary is installed (apt-get install redis-server)`;
  return undefined;
}

export function redisServerBinary(): string | undefined {
  for (const p of ["/usr/bin/redis-server", "/usr/local/bin/redis-server"]) if (existsSync(p)) return p;
  const r = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface RedisHandle {
  url: string;
  /** True when the harness started it (a private, throw-away server). */
  owned: boolean;
  stop(): Promise<void>;
}

/** The machine's Redis when it answers; otherwise a private `redis-server` on a free port. */
export async function ensureRedis(preferred = REDIS_URL, timeoutMs = 10_000): Promise<RedisHandle> {
  if (await reachable(preferred)) return { url: preferred, owned: false, stop: async () => undefined };
  const bin = redisServerBinary();
  if (!bin) throw new Error("no Redis reachable and no redis-server installed");
  const port = await freePort();
  const child = track(spawn(bin, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"], { stdio: "ignore" }));
  child.once("exit", registerProcess(child.pid!, "redis-server"));
  const url = `redis://127.0.0.1:${port}`;
  const end = Date.now() + timeoutMs;
  while (!(await reachable(url))) {
    if (child.exitCode !== null || Date.now() > end) throw new Error(`redis-server did not start on port ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    owned: true,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export interface ClusterNode {
  index: number;
  api: ApiProcess;
  env: Record<string, string>;
}

export interface Cluster {
  nodes: ClusterNode[];
  /** The test's own client on the same database (fixtures and assertions). */
  db: DatabaseHandle["db"];
  databaseUrl: string;
  redis: RedisHandle;
  /** Starts one more process on the same database and Redis. */
  start(extraEnv?: Record<string, string>): Promise<ClusterNode>;
  /** Starts a process with exactly the environment of `node` (a restart after kill -9). */
  restart(node: ClusterNode): Promise<ClusterNode>;
  /** kill -9: no shutdown hooks, open transactions are rolled back by PostgreSQL. */
  kill(node: ClusterNode): Promise<void>;
  gql(node: ClusterNode, query: string, variables?: unknown, token?: string): Promise<any>;
  /** Error-level log lines of every process (job failures), for failure messages. */
  errors(): string[];
  /** An admin created the way an operator would (directly in the database), signed in. */
  adminToken(node: ClusterNode): Promise<string>;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  processes: number;
  /** Environment of every process (JOB_INTERVAL_MS, JOBS, ...); per-process overrides below. */
  env?: Record<string, string>;
  envFor?: (index: number) => Record<string, string>;
}

/**
 * Starts the cluster: a scratch database (migrated by the harness), Redis, the first process,
 * then the others together. Call `stop()` in afterAll; it is safe after a failed start.
 */
export async function startCluster(opts: ClusterOptions): Promise<Cluster> {
  const stops: (() => Promise<void>)[] = [];
  const nodes: ClusterNode[] = [];
  let handle: DatabaseHandle | undefined;
  const stop = async () => {
    for (const n of nodes) await n.api.stop("SIGKILL").catch(() => undefined);
    await handle?.close().catch(() => undefined);
    for (const s of stops.reverse()) await s().catch(() => undefined);
  };
  try {
    const redis = await ensureRedis();
    stops.push(() => redis.stop());
    const db = await scratchDatabase(`${process.env.TEST_DB_PREFIX ?? "mt"}_cluster`);
    stops.push(() => db.drop());
    // One rate-limit prefix for the whole cluster: its processes share their counters, as a
    // deployment's do, and no other test's.
    const base = {
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      PASSWORD_HASH_COST: "10",
      LOG_LEVEL: "warn",
      RATE_LIMIT_PREFIX: `cluster-${process.pid}-${Date.now().toString(36)}`,
      ...opts.env,
    };
    let seq = 0;
    const launch = async (env: Record<string, string>) => {
      const index = seq++;
      // info level: the start-up line carries the URL the harness waits for
      const api = await startApiProcess({ ...env, LOG_LEVEL: "info" }, 90_000);
      const node = { index, api, env };
      nodes.push(node);
      return node;
    };
    const start = (extra: Record<string, string> = {}) => launch({ ...base, ...opts.envFor?.(seq), ...extra });
    // Migrated here once. Each process still takes Prisma's migration lock at start (one advisory
    // lock for the whole server, 10 s wait): the first starts alone, the others together, so
    // that at most a few contend for it on a busy shared server.
    handle = await openDatabase({ databaseUrl: db.url, poolMax: 4 });
    await applyMigrations(handle.adapterFactory);
    await start();
    await Promise.all(Array.from({ length: opts.processes - 1 }, () => start()));
    // in start order (they came up in any order): nodes[i] got envFor(i)
    nodes.sort((x, y) => x.index - y.index);
    let admin: Promise<void> | undefined;
    const cluster: Cluster = {
      nodes,
      db: handle.db,
      databaseUrl: db.url,
      redis,
      start,
      restart: (node) => launch(node.env),
      errors: () => nodes.flatMap((n) => n.api.output().split("\n").filter((l) => l.includes('"level":50')).map((l) => `process ${n.index}: ${l.slice(0, 600)}`)),
      async kill(node) {
        await node.api.stop("SIGKILL");
      },
      gql: (node, query, variables, token) => gqlAt(node.api.url, query, variables, token),
      async adminToken(node) {
        admin ??= hashPassword("long-enough-pw", 10).then(async (passwordHash) => {
          await handle!.db.user.create({ data: { id: "cluster-admin", email: "ops@cluster.test", passwordHash, displayName: "Ops", role: "ADMIN" } });
        });
        await admin;
        const r = await gqlAt(node.api.url, `mutation { logIn(input: { email: "ops@cluster.test", password: "long-enough-pw" }) { token } }`);
        if (!r.data?.logIn?.token) throw new Error(`admin log-in failed: ${JSON.stringify(r.errors)}`);
        return r.data.logIn.token as string;
      },
      stop,
    };
    return cluster;
  } catch (e) {
    await stop();
    throw e;
  }
}

/** Polls an observable condition (never a fixed sleep); fails with `what` after the timeout. */
export async function until<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 30_000, everyMs = 50): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
