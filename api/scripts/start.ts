// The README's start command: embedded database (or DATABASE_URL), migrations, demo data on an
// empty database (not in production), API + built console on one port, demo logins printed.
import { configForStart } from "../src/lib/config.js";

const config = configForStart();
const { buildApp } = await import("../src/app.js");
const { logger } = await import("../src/lib/logger.js");
const { onShutdownSignals } = await import("../src/server/shutdown.js");
const { isEmpty, printLogins, seedDemo } = await import("./demo-data.js");

const app = await buildApp({ config });
const demo = !config.production && (await isEmpty(app.database.db));
if (demo) {
  await seedDemo(app.database.db, app.config.passwordHashCost, app.clock.now());
  logger.info("demo data created");
}
const url = await app.start();
console.log(`\nAPI:     ${url}/graphql  (HTTP + WebSocket)`);
console.log(`Console: ${url}/`);
console.log(`Health:  ${url}/health · readiness ${url}/ready · metrics ${config.metrics.port === undefined ? `${url}/metrics` : `port ${config.metrics.port}`}\n`);
if (!config.production) printLogins();
logger.info({ url: `${url}/graphql`, startupMs: Math.round(performance.now()) }, "API listening");
onShutdownSignals(app, { timeoutMs: config.shutdownTimeoutMs, logger });
