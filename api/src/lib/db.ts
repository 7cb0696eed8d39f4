import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "../generated/prisma/client.js";

export type Db = PrismaClient;
/** The client or an interactive transaction: services accept either. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export interface DatabaseHandle {
  db: Db;
  kind: "pglite" | "postgres";
  /** A migration-aware adapter factory over the same database, for the schema engine. */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
  /**
   * Counts SQL statements sent, for the N+1 tests and benchmarks. Only counted when opened with
   * `countStatements` (or SQL_STATEMENT_COUNTER=1): Prisma's query events cost every query an
   * event object, so production does without them.
   */
  statements: { count: number; ms: number; enabled: boolean };
  /** PostgreSQL pool counters for metrics (undefined before the first query and on PGlite). */
  poolStats?: () => { total: number; idle: number; waiting: number } | undefined;
}

export interface OpenOptions {
  databaseUrl?: string;
  /** PGlite data folder, `memory://` for a throwaway database. */
  dataDir?: string;
  /** A PGlite data-dir dump to start from (test templates). */
  loadDataDir?: Blob;
  /** PostgreSQL schema to use (tests give each file its own). */
  pgSchema?: string;
  poolMax?: number;
  countStatements?: boolean;
}

/**
 * @prisma/adapter-pg runs a migration script by splitting it on every ";" — which breaks
 * PL/pgSQL bodies and comments containing semicolons. PostgreSQL's simple query protocol runs a
 * multi-statement script in one round trip (and one implicit transaction), so send it whole.
 */
function wholeScripts(factory: PrismaPg): SqlMigrationAwareDriverAdapterFactory {
  const patch = <A extends object>(adapter: A): A => {
    const a = adapter as A & { client: { query(sql: string): Promise<unknown> }; onError(e: unknown): never };
    (a as unknown as { executeScript(s: string): Promise<void> }).executeScript = async (script: string) => {
      try {
        await a.client.query(script);
      } catch (e) {
        a.onError(e);
      }
    };
    return adapter;
  };
  const opened: { dispose(): Promise<void> }[] = [];
  const track = <A extends { dispose(): Promise<void> }>(a: A): A => (opened.push(a), a);
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => track(patch(await factory.connect())),
    connectToShadowDb: async () => track(patch(await factory.connectToShadowDb())),
    // The engine takes PostgreSQL's advisory migration lock and never releases it (Prisma's CLI
    // exits instead): closing its connections releases it for the other processes.
    async releaseConnections() {
      for (const a of opened.splice(0)) await a.dispose().catch(() => undefined);
    },
  } as SqlMigrationAwareDriverAdapterFactory;
}

export const isPostgresUrl = (url?: string) => !!url && /^postgres(ql)?:\/\//.test(url);

export async function openDatabase(opts: OpenOptions): Promise<DatabaseHandle> {
  const enabled = opts.countStatements ?? process.env.SQL_STATEMENT_COUNTER === "1";
  const statements = { count: 0, ms: 0, enabled };
  const log = enabled ? ([{ emit: "event", level: "query" }] as const) : ([] as const);
  const count = (db: PrismaClient) =>
    enabled &&
    db.$on("query" as never, ((e: { duration?: number }) => {
      statements.count++;
      statements.ms += Number(e.duration ?? 0);
    }) as never);
  if (isPostgresUrl(opts.databaseUrl)) {
    const factory = new PrismaPg(
      {
        connectionString: opts.databaseUrl,
        max: opts.poolMax ?? 10,
        // Fail fast when the server is gone instead of queueing requests forever.
        connectionTimeoutMillis: 5_000,
        ...(opts.pgSchema ? { options: `-c search_path=${opts.pgSchema}` } : {}),
      },
      opts.pgSchema ? { schema: opts.pgSchema } : undefined,
    );
    // The client's own pool (not the migration engine's) is the one metrics report.
    let pool: { totalCount: number; idleCount: number; waitingCount: number } | undefined;
    const observed = Object.assign(Object.create(factory) as PrismaPg, {
      connect: async () => {
        const adapter = await factory.connect();
        pool = (adapter as unknown as { client: typeof pool }).client;
        return adapter;
      },
    });
    const db = new PrismaClient({ adapter: observed, log: [...log] });
    count(db);
    const poolStats = () => (pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount } : undefined);
    // The migration engine takes PostgreSQL's server-wide advisory lock with one statement and
    // releases it with another: both must run on the same connection, or the lock stays held by
    // an idle pooled connection and every other process's migration waits on it. One connection.
    const migrations = new PrismaPg(
      { connectionString: opts.databaseUrl, max: 1, connectionTimeoutMillis: 5_000, ...(opts.pgSchema ? { options: `-c search_path=${opts.pgSchema}` } : {}) },
      opts.pgSchema ? { schema: opts.pgSchema } : undefined,
    );
    return { db, kind: "postgres", adapterFactory: wholeScripts(migrations), statements, poolStats, close: () => db.$disconnect() };
  }
  const dataDir = opts.dataDir ?? "memory://";
  if (!dataDir.startsWith("memory://")) fs.mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir, { extensions: { btree_gist }, loadDataDir: opts.loadDataDir });
  const factory = new PrismaPGlite(pg);
  const db = new PrismaClient({ adapter: factory, log: [...log] });
  count(db);
  return {
    db,
    kind: "pglite",
    adapterFactory: factory,
    statements,
    close: async () => {
      await db.$disconnect();
      await pg.close();
    },
    // Exposed for test templates (dumpDataDir).
    ...({ pglite: pg } as object),
  };
}

// The process-wide client used by resolvers (Pothos reads it through `getDb`); services get it
// passed in explicitly. Set once by buildApp.
let current: Db | undefined;
export function setDb(db: Db): void {
  current = db;
}
export function getDb(): Db {
  if (!current) throw new Error("database not opened: call buildApp() first");
  return current;
}
