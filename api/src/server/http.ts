// The HTTP server: /graphql through yoga (with the byte-counting body limit), readiness,
// metrics, the small HTTP routes, then the built console as static files.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { YogaServerInstance } from "graphql-yoga";
import type { AppConfig } from "../lib/config.js";
import type { Logger } from "../lib/logger.js";
import type { Context, ServerContext } from "../context/context.js";
import type { Metrics } from "../http/metrics.js";
import { serveStatic } from "../http/static.js";
import { handleGraphQLHttp } from "../http/graphql-request.js";

export interface HttpServerDeps {
  config: AppConfig;
  log: Logger;
  yoga: YogaServerInstance<ServerContext, Context>;
  metrics: Metrics;
  /** `/ready`: answers for itself. */
  readiness(res: ServerResponse): Promise<void>;
  /** The small routes (health, calendar feed, video webhooks); true when one answered. */
  routes(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
}

export function createHttpServer(d: HttpServerDeps): Server {
  return createServer(async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (url.pathname === "/graphql") return await handleGraphQLHttp((r, ctx) => d.yoga.fetch(r, ctx as never), req, res);
      if (url.pathname === "/ready") return void (await d.readiness(res));
      if (await d.metrics.handle(req, res, url)) return;
      if (await d.routes(req, res, url)) return;
      if (d.config.consoleDist && (await serveStatic(d.config.consoleDist, url.pathname, res))) return;
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    } catch (err) {
      d.log.error({ err }, "http handler failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("internal error");
    }
  });
}
