// The API process (no demo data): configuration checked first, graceful shutdown on SIGTERM.
import { ConfigError, checkStartConfig, envHelp, loadConfig } from "./lib/config.js";

if (process.argv.includes("--help")) {
  console.log(envHelp());
  process.exit(0);
}
let config;
try {
  config = loadConfig();
  checkStartConfig(config);
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  process.exit(2);
}
// Loaded after the check: a bad environment stops the start before any module opens anything.
const { buildApp } = await import("./app.js");
const { logger } = await import("./lib/logger.js");
const { onShutdownSignals } = await import("./server/shutdown.js");
const app = await buildApp({ config });
const url = await app.start();
logger.info({ url: `${url}/graphql`, startupMs: Math.round(performance.now()) }, "API listening");
onShutdownSignals(app, { timeoutMs: config.shutdownTimeoutMs, logger });
