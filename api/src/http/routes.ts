import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppConfig } from "../lib/config.js";
import type { DatabaseHandle } from "../lib/db.js";
import type { Clock } from "../lib/clock.js";
import type { PubSub } from "../lib/pubsub.js";
import { renderCalendarFeed } from "../modules/sessions/calendar.service.js";
import { handleAgoraEvent, verifyAgoraSignature, webhookSecret } from "../modules/sessions/agora-webhook.js";

const MAX_WEBHOOK_BYTES = 64 * 1024;

async function readBody(req: IncomingMessage, max: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > max) return undefined;
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, status: number, body: unknown, type = "application/json") {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

export interface RouteDeps {
  database: DatabaseHandle;
  config: AppConfig;
  clock: Clock;
  /** Realtime events from webhooks (optional for callers that serve no webhooks). */
  pubsub?: PubSub;
  /** The process's job loop when jobs run here (its round counter is reported on /health). */
  jobs?: () => { rounds: number } | undefined;
}

/** Non-GraphQL HTTP endpoints. Returns true when it handled the request. */
export function httpRoutes(deps: RouteDeps) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    // Liveness only: the process answers. Whether it should get traffic is `/ready`.
    if (url.pathname === "/health") {
      const jobs = deps.jobs?.();
      send(res, 200, { status: "ok", database: deps.database.kind, uptimeSeconds: Math.round(process.uptime()), ...(jobs ? { jobs: { rounds: jobs.rounds } } : {}) });
      return true;
    }
    // Private calendar feed: the token in the path is the credential (only its hash is stored).
    const feed = /^\/calendar\/([\w-]+)\.ics$/.exec(url.pathname);
    if (feed && req.method === "GET") {
      const ics = await renderCalendarFeed(deps.database.db, feed[1], deps.clock.now());
      if (ics === undefined) send(res, 404, "not found", "text/plain");
      else send(res, 200, ics, "text/calendar; charset=utf-8");
      return true;
    }
    if (url.pathname === "/webhooks/agora" && deps.pubsub) {
      if (req.method !== "POST") return send(res, 405, { error: "POST only" }), true;
      const secret = webhookSecret(process.env, deps.config.production);
      if (!secret) return send(res, 503, { error: "AGORA_WEBHOOK_SECRET is not configured" }), true;
      const body = await readBody(req, MAX_WEBHOOK_BYTES);
      if (body === undefined) return send(res, 413, { error: "body too large" }), true;
      const h = (n: string) => (typeof req.headers[n] === "string" ? (req.headers[n] as string) : undefined);
      if (!verifyAgoraSignature(secret, body, { v2: h("agora-signature-v2"), v1: h("agora-signature") }))
        return send(res, 401, { error: "bad signature" }), true;
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return send(res, 400, { error: "malformed JSON" }), true;
      }
      const out = await handleAgoraEvent(deps.database.db, deps.pubsub, parsed, deps.clock.now());
      send(res, out.status, { result: out.result });
      return true;
    }
    return false;
  };
}
