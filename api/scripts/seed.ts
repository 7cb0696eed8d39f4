// `pnpm seed`: fills an empty database with demo data (refuses to touch a non-empty one).
import { loadConfig } from "../src/lib/config.js";
import { openDatabase } from "../src/lib/db.js";
import { applyMigrations } from "../src/lib/migrate.js";
import { isEmpty, printLogins, seedDemo } from "./demo-data.js";

const config = loadConfig();
const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await applyMigrations(handle.adapterFactory);
  if (await isEmpty(handle.db)) {
    await seedDemo(handle.db, config.passwordHashCost);
    console.log("demo data created");
  } else console.log("database is not empty: demo data not added");
  printLogins();
} finally {
  await handle.close();
}
