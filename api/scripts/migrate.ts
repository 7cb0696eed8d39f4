// `pnpm db:migrate`: applies pending migrations to DATABASE_URL or the embedded database.
import { loadConfig } from "../src/lib/config.js";
import { openDatabase } from "../src/lib/db.js";
import { applyMigrations } from "../src/lib/migrate.js";

const config = loadConfig();
const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const applied = await applyMigrations(handle.adapterFactory);
  console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
} finally {
  await handle.close();
}
