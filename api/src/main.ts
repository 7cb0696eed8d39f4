// The API process (no demo data): configuration checked first, graceful shutdown on SIGTERM.
import { configForStart } from "./lib/config.js";

const config = configForStart();
// Loaded after the check: a bad environment stops the start before any module opens anything.
const { buildApp } = await import("./app.js");
const { logger } = await import("./lib/logger.js");
const { onShutdownSignals } = await import("./server/shutdown.js");
const app = await buildApp({ config });
const url = await app.start();
logger.info({ url: `${url}/graphql`, startupMs: Math.round(performance.now()) }, "API listening");
onShutdownSignals(app, { timeoutMs: config.shutdownTimeoutMs, logger });
