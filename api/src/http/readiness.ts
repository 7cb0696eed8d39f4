// `/ready`: may a load balancer send traffic here? Migrations applied, database reachable, Redis
// reachable when configured, and not shutting down. `/health` stays liveness (the process runs).
import { readdir } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import type { DatabaseHandle } from "../lib/db.js";
import { migrationsDir } from "../lib/migrate.js";

const CHECK_TIMEOUT_MS = 2_000;

export interface ReadinessDeps {
  database: DatabaseHandle;
  /** Present when REDIS_URL is configured. */
  pingRedis?: () => Promise<boolean>;
  draining: () => boolean;
}

type Check = { ok: boolean; detail?: string };

const timed = (p: Promise<Check>): Promise<Check> =>
  Promise.race([p, new Promise<Check>((r) => setTimeout(() => r({ ok: false, detail: "timed out" }), CHECK_TIMEOUT_MS).unref())]);

async function migrationsApplied(database: DatabaseHandle): Promise<Check> {
  const wanted = (await readdir(migrationsDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
  const rows = await database.db.$queryRawUnsafe<{ migration_name: string }[]>(
    `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const have = new Set(rows.map((r) => r.migration_name));
  const missing = wanted.filter((m) => !have.has(m));
  return missing.length ? { ok: false, detail: `pending: ${missing.join(", ")}` } : { ok: true };
}

export async function readiness(deps: ReadinessDeps): Promise<{ ready: boolean; checks: Record<string, Check> }> {
  const checks: Record<string, Check> = {};
  const [db, migrations, redis] = await Promise.all([
    timed(deps.database.db.$queryRawUnsafe("SELECT 1").then(() => ({ ok: true }), (e: Error) => ({ ok: false, detail: e.message.split("\n")[0] }))),
    timed(migrationsApplied(deps.database).catch((e: Error) => ({ ok: false, detail: e.message.split("\n")[0] }))),
    deps.pingRedis ? timed(deps.pingRedis().then((ok) => ({ ok }), (e: Error) => ({ ok: false, detail: e.message }))) : undefined,
  ]);
  checks.database = db;
  checks.migrations = migrations;
  if (redis) checks.redis = redis;
  if (deps.draining()) checks.shutdown = { ok: false, detail: "shutting down" };
  return { ready: Object.values(checks).every((c) => c.ok), checks };
}

export async function serveReadiness(deps: ReadinessDeps, res: ServerResponse): Promise<void> {
  const r = await readiness(deps);
  res.writeHead(r.ready ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify({ status: r.ready ? "ready" : "unavailable", checks: r.checks }));
}
