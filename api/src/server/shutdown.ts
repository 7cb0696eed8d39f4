// Graceful stop on SIGTERM/SIGINT: /ready turns 503, the listener stops accepting, WebSockets
// close with 1001 (Going Away), in-flight HTTP requests and the running job step finish (bounded
// by SHUTDOWN_TIMEOUT_MS), job claims are released, then the process exits 0.
import type { App } from "../app.js";
import type { Logger } from "../lib/logger.js";

export interface ShutdownOptions {
  timeoutMs: number;
  logger: Logger;
  exit?: (code: number) => void;
}

/** Closes idle keep-alive connections as they turn idle, so in-flight requests finish first. */
async function drainHttp(app: App, deadline: number): Promise<boolean> {
  const closed = new Promise<void>((resolve) => app.server.close(() => resolve()));
  const sweep = setInterval(() => app.server.closeIdleConnections(), 25);
  try {
    return await Promise.race([closed.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), Math.max(0, deadline - Date.now())))]);
  } finally {
    clearInterval(sweep);
  }
}

export async function shutdown(app: App, opts: ShutdownOptions): Promise<void> {
  const started = Date.now();
  const deadline = started + opts.timeoutMs;
  app.beginDrain();
  opts.logger.info({ timeoutMs: opts.timeoutMs }, "shutting down: draining");
  const [httpDrained] = await Promise.all([
    drainHttp(app, deadline),
    Promise.race([app.closeSockets(1001, "Server shutting down"), new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())))]),
    Promise.race([app.jobs?.stop(), new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())))]),
  ]);
  if (!httpDrained) opts.logger.warn("shutdown timeout: closing the remaining connections");
  await app.stop();
  opts.logger.info({ ms: Date.now() - started }, "shutdown complete");
}

/** Installs the handlers once; a second signal while draining exits at once. */
export function onShutdownSignals(app: App, opts: ShutdownOptions): void {
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.on(sig, () => {
      if (stopping) return exit(1);
      stopping = true;
      shutdown(app, opts).then(
        () => exit(0),
        (err) => {
          opts.logger.error({ err }, "shutdown failed");
          exit(1);
        },
      );
    });
  }
}
