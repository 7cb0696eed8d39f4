// Migrates one template database per run; every test file then gets its own copy (a PGlite
// loaded from the template's dump, or a PostgreSQL database created from the template).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { openDatabase, isPostgresUrl } from "../../api/src/lib/db.js";
import { applyMigrations } from "../../api/src/lib/migrate.js";

export const TMP = path.resolve(import.meta.dirname, "../../.tmp");
export const PGLITE_TEMPLATE = path.join(TMP, "pglite-template.tar.gz");
// Parallel test runs against one PostgreSQL server (several work trees) keep apart by prefix.
export const TEST_DB_PREFIX = /^[a-z][a-z0-9]{0,15}$/.test(process.env.TEST_DB_PREFIX ?? "") ? process.env.TEST_DB_PREFIX! : "mt";
export const PG_TEMPLATE_DB = `${TEST_DB_PREFIX}_test_template`;

export async function setup() {
  mkdirSync(TMP, { recursive: true });
  // With REDIS_URL set, rate-limit counters live in that (shared, long-lived) Redis: each run
  // counts under its own prefix, so sign-ups of an earlier run never limit this one.
  process.env.RATE_LIMIT_PREFIX ??= `test-${Date.now().toString(36)}`;
  const url = process.env.DATABASE_URL;
  if (isPostgresUrl(url)) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // Drop leftovers of earlier runs (databases are per test file, named <prefix>_<pid>_<n>).
    const old = await admin.query("SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2", [`${TEST_DB_PREFIX}\\_%`, PG_TEMPLATE_DB]);
    for (const r of old.rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${PG_TEMPLATE_DB}"`);
    await admin.end();
    const u = new URL(url!);
    u.pathname = `/${PG_TEMPLATE_DB}`;
    const h = await openDatabase({ databaseUrl: u.toString(), poolMax: 2 });
    await applyMigrations(h.adapterFactory);
    await h.close();
    return;
  }
  const h = await openDatabase({ dataDir: "memory://" });
  await applyMigrations(h.adapterFactory);
  const pglite = (h as unknown as { pglite: { dumpDataDir(c?: string): Promise<Blob> } }).pglite;
  const dump = await pglite.dumpDataDir("gzip");
  writeFileSync(PGLITE_TEMPLATE, Buffer.from(await dump.arrayBuffer()));
  await h.close();
}
