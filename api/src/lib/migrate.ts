// Prisma migrations through Prisma's own WebAssembly schema engine: the native engine cannot be
// downloaded here. The folder format is Prisma's standard one, so `prisma migrate deploy` works
// for anyone who has the native engines.
import { readFile, readdir, mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { repoRoot } from "./config.js";

const require = createRequire(import.meta.url);
/** The Prisma schema, one file per domain. */
export const schemaDir = path.join(repoRoot, "prisma", "schema");
export const migrationsDir = path.join(repoRoot, "prisma", "migrations");

type Engine = import("@prisma/schema-engine-wasm/schema_engine_bg").SchemaEngine;
type MigrationList = Parameters<Engine["applyMigrations"]>[0]["migrationsList"];

let wasmReady: Promise<typeof import("@prisma/schema-engine-wasm/schema_engine_bg")> | undefined;
function loadWasm() {
  wasmReady ??= (async () => {
    const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    // The package targets bundlers: instantiate its .wasm ourselves.
    const wasmPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), { "./schema_engine_bg.js": bg as never });
    const exports = instance.exports as Record<string, unknown> & { __wbindgen_start?: () => void };
    (bg as unknown as { __wbg_set_wasm(e: unknown): void }).__wbg_set_wasm(exports);
    exports.__wbindgen_start?.();
    return bg;
  })();
  return wasmReady;
}

const filters = { externalTables: [], externalEnums: [] };

export type SchemaFiles = [path: string, content: string][];

export async function readSchemaFiles(dir = schemaDir): Promise<SchemaFiles> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".prisma")).sort();
  return Promise.all(names.map(async (n) => [n, await readFile(path.join(dir, n), "utf8")] as [string, string]));
}

async function newEngine(factory: SqlMigrationAwareDriverAdapterFactory, files?: SchemaFiles): Promise<Engine> {
  const bg = await loadWasm();
  return bg.SchemaEngine.new(
    { datamodels: files ?? (await readSchemaFiles()) },
    () => {},
    bindMigrationAwareSqlAdapterFactory(factory),
  );
}

export async function readMigrations(dir = migrationsDir): Promise<MigrationList> {
  let names: string[] = [];
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    // A folder without migration.sql is a migration being written right now (git does not track
    // empty folders); tests/api/migrations.test.ts checks the committed folders are complete.
    const complete = await Promise.all(names.map((n) => readFile(path.join(dir, n, "migration.sql")).then(() => true, () => false)));
    names = names.filter((_, i) => complete[i]);
  } catch {
    names = [];
  }
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: await readFile(path.join(dir, name, "migration.sql"), "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (e: Error) => ({ tag: "error" as const, value: e.message }),
        ),
      },
    })),
  );
  const lockPath = path.join(dir, "migration_lock.toml");
  const lock = await readFile(lockPath, "utf8").catch(() => null);
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lock },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/** Applies pending migrations (idempotent; recorded in `_prisma_migrations` like Prisma's CLI). */
// Prisma's migration lock is ONE advisory lock per PostgreSQL server (not per database), waited
// for at most 10 s: several API processes starting together on a busy server time out on it and
// exit. Another process migrating a fresh database can hold it for a minute on a loaded machine,
// so waits repeat (30 × 10 s at most); any other error is thrown at once.
const LOCK_ATTEMPTS = 30;

export async function applyMigrations(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    const engine = await newEngine(factory);
    try {
      const out = await engine.applyMigrations({ migrationsList: await readMigrations(), filters });
      return out.appliedMigrationNames;
    } catch (e) {
      if (attempt >= LOCK_ATTEMPTS || !/advisory lock/i.test(String((e as Error)?.message ?? e))) throw e;
    } finally {
      engine.free();
      await (factory as { releaseConnections?: () => Promise<void> }).releaseConnections?.();
    }
  }
}

/** SQL that takes the migrations folder to the Prisma schema; empty when they agree. */
export async function diffMigrationsToSchema(schemaFiles?: SchemaFiles): Promise<string> {
  const files = schemaFiles ?? (await readSchemaFiles());
  const shadow = await PGlite.create("memory://", { extensions: { btree_gist } });
  const factory = new PrismaPGlite(shadow);
  // The adapter's own shadow database is a bare PGlite without extensions, where the sessions
  // migration (CREATE EXTENSION btree_gist) fails: replay the migrations into one that has it.
  const replay = await PGlite.create("memory://", { extensions: { btree_gist } });
  factory.connectToShadowDb = () => new PrismaPGlite(replay).connect();
  const engine = await newEngine(factory, files);
  try {
    const list = await readMigrations();
    const from = list.migrationDirectories.length ? { tag: "migrations" as const, ...list } : { tag: "empty" as const };
    // The diff result's SQL is written to stdout by the engine; capture it.
    const res = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: files.map(([p, content]) => ({ path: p, content })) },
      script: true,
      exitCode: true,
      filters,
    } as never);
    return res.exitCode === 2 ? (res.stdout ?? "") : "";
  } finally {
    engine.free();
    await shadow.close();
    await replay.close();
  }
}

export async function writeMigration(name: string, sql: string, now = new Date()): Promise<string> {
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const safe = name.replace(/[^a-zA-Z0-9_]+/g, "_").toLowerCase();
  const dir = path.join(migrationsDir, `${stamp}_${safe}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), sql);
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  await writeFile(
    lockPath,
    '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
  );
  return dir;
}
