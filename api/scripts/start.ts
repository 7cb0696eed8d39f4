// The README's start command: embedded database (or DATABASE_URL), migrations, demo data on an
// empty database, API + built console on one port, demo logins printed.
import { buildApp } from "../src/app.js";
import { logger } from "../src/lib/logger.js";
import { isEmpty, printLogins, seedDemo } from "./demo-data.js";

const app = await buildApp();
if (await isEmpty(app.database.db)) {
  await seedDemo(app.database.db, app.config.passwordHashCost, app.clock.now());
  logger.info("demo data created");
}
const url = await app.start();
console.log(`\nAPI:     ${url}/graphql  (HTTP + WebSocket)`);
console.log(`Console: ${url}/`);
console.log(`Health:  ${url}/health\n`);
printLogins();
for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => void app.stop().then(() => process.exit(0)));
