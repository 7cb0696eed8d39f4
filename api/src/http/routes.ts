import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppConfig } from "../lib/config.js";
import type { DatabaseHandle } from "../lib/db.js";
import type { Clock } from "../lib/clock.js";

export interface RouteDeps {
  database: DatabaseHandle;
  config: AppConfig;
  clock: Clock;
}

/** Non-GraphQL HTTP endpoints. Returns true when it handled the request. */
export function httpRoutes(deps: RouteDeps) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (url.pathname === "/health") {
      const started = performance.now();
      const ok = await Promise.race([
        deps.database.db.$queryRawUnsafe("SELECT 1").then(() => true, () => false),
        new Promise<boolean>((r) => setTimeout(() => r(false), 2_000).unref()),
      ]);
      res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: ok ? "ok" : "unavailable", database: deps.database.kind, ms: Math.round(performance.now() - started) }));
      return true;
    }
    void req;
    return false;
  };
}
