import { readFileSync } from "node:fs";
import pg from "pg";
import { openDatabase, isPostgresUrl, type DatabaseHandle } from "../../api/src/lib/db.js";
import { PGLITE_TEMPLATE, PG_TEMPLATE_DB, TEST_DB_PREFIX } from "./global-setup.js";

let n = 0;

/** A fresh, migrated database for one test file: no run ever sees another's rows. */
export async function createTestDatabase(): Promise<DatabaseHandle & { url?: string; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (isPostgresUrl(url)) {
    const name = `${TEST_DB_PREFIX}_${process.pid}_${Date.now().toString(36)}_${n++}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // The server ends the template's last session (global setup's pool) a moment after the
    // client closed it; CREATE DATABASE ... TEMPLATE refuses while it lingers (55006), so retry.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${PG_TEMPLATE_DB}"`);
        break;
      } catch (e) {
        if ((e as { code?: string }).code !== "55006" || attempt >= 50) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    await admin.end();
    const u = new URL(url!);
    u.pathname = `/${name}`;
    const h = await openDatabase({ databaseUrl: u.toString(), poolMax: 10, countStatements: true });
    return {
      ...h,
      url: u.toString(),
      async drop() {
        await h.close();
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const blob = new Blob([readFileSync(PGLITE_TEMPLATE)]);
  const h = await openDatabase({ dataDir: "memory://", loadDataDir: blob, countStatements: true });
  return { ...h, drop: () => h.close() };
}
