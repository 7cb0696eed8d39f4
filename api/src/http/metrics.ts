// Prometheus metrics (prom-client), one registry per app so that several apps in one test process
// keep apart. Values that live elsewhere (sockets, outbox, pool) are read at scrape time.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { timingSafeEqual } from "node:crypto";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Plugin } from "graphql-yoga";
import type { DocumentNode, ExecutionResult } from "graphql";
import type { AppConfig } from "../lib/config.js";
import type { Db } from "../lib/db.js";
import type { Clock } from "../lib/clock.js";
import type { PubSub } from "../lib/pubsub.js";
import type { JobObserver } from "../jobs/runner.js";

/** Operation names come from clients: only this many distinct ones get their own label. */
const MAX_OPERATION_LABELS = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
// A scrape never waits long for a busy database: the outbox gauges keep their last values.
const SCRAPE_QUERY_TIMEOUT_MS = 500;

export interface MetricsDeps {
  config: AppConfig;
  db: Db;
  clock: Clock;
  /** PostgreSQL pool counters (absent on the embedded database). */
  poolStats?: () => { total: number; idle: number; waiting: number } | undefined;
}

export type Metrics = ReturnType<typeof createMetrics>;

// Process metrics (memory, CPU, event loop, GC) are per process, not per app: collected once.
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export function createMetrics(deps: MetricsDeps) {
  const registry = new Registry();
  const seenOps = new Set<string>();
  const opLabel = (name: string | null | undefined) => {
    if (!name) return "anonymous";
    if (!OPERATION_NAME.test(name)) return "other";
    if (seenOps.has(name)) return name;
    if (seenOps.size >= MAX_OPERATION_LABELS) return "other";
    seenOps.add(name);
    return name;
  };

  const duration = new Histogram({
    name: "graphql_operation_duration_seconds",
    help: "GraphQL execution time per operation name and type",
    labelNames: ["operation", "type"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({ name: "graphql_errors_total", help: "GraphQL errors returned, by extensions.code", labelNames: ["code"], registers: [registry] });
  const inFlight = new Gauge({ name: "http_graphql_requests_in_flight", help: "GraphQL HTTP requests being handled", registers: [registry] });
  const published = new Counter({ name: "pubsub_events_published_total", help: "Realtime events published by this process", labelNames: ["topic"], registers: [registry] });
  const delivered = new Counter({ name: "pubsub_events_delivered_total", help: "Realtime events delivered to subscribers in this process", labelNames: ["topic"], registers: [registry] });
  const jobRuns = new Counter({ name: "job_runs_total", help: "Timed job runs by outcome (ok, failed)", labelNames: ["job", "outcome"], registers: [registry] });
  const jobItems = new Counter({ name: "job_items_handled_total", help: "Items handled by timed jobs", labelNames: ["job"], registers: [registry] });
  const jobDuration = new Histogram({ name: "job_run_duration_seconds", help: "Time one job run took", labelNames: ["job"], buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 30], registers: [registry] });
  const lastSuccess = new Map<string, number>();
  new Gauge({
    name: "job_lag_seconds",
    help: "Seconds since the job last completed successfully in this process (grows when it stalls or keeps failing)",
    labelNames: ["job"],
    registers: [registry],
    collect() {
      const now = deps.clock.now().getTime();
      for (const [job, at] of lastSuccess) this.set({ job }, Math.max(0, (now - at) / 1000));
    },
  });

  let sockets: () => { open: number; operations: number } = () => ({ open: 0, operations: 0 });
  new Gauge({ name: "ws_open_sockets", help: "Open GraphQL WebSocket connections", registers: [registry], collect() { this.set(sockets().open); } });
  new Gauge({ name: "ws_active_operations", help: "Active operations (mostly subscriptions) over WebSockets", registers: [registry], collect() { this.set(sockets().operations); } });

  const withTimeout = <T>(p: Promise<T>) =>
    Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), SCRAPE_QUERY_TIMEOUT_MS).unref())]);
  // Read once per scrape, before the registry collects (prom-client collects gauges concurrently).
  const outboxBacklog = new Gauge({ name: "email_outbox_backlog", help: "E-mails waiting to be sent (PENDING)", registers: [registry] });
  const outboxAge = new Gauge({ name: "email_outbox_oldest_age_seconds", help: "Age of the oldest PENDING e-mail (0 when none)", registers: [registry] });
  async function readOutbox() {
    try {
      const r = await withTimeout(
        deps.db.notification.aggregate({ where: { status: "PENDING", channel: "EMAIL" }, _count: { _all: true }, _min: { createdAt: true } }),
      );
      outboxBacklog.set(r._count._all);
      const oldest = r._min.createdAt;
      outboxAge.set(oldest ? Math.max(0, (deps.clock.now().getTime() - oldest.getTime()) / 1000) : 0);
    } catch {
      // database unreachable: /ready reports it; the gauges keep their last values
    }
  }
  new Gauge({
    name: "db_pool_connections",
    help: "PostgreSQL pool connections by state (in_use, idle, waiting requests)",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const s = deps.poolStats?.();
      if (!s) return;
      this.set({ state: "in_use" }, s.total - s.idle);
      this.set({ state: "idle" }, s.idle);
      this.set({ state: "waiting" }, s.waiting);
    },
  });

  const countErrors = (result: unknown) => {
    const results = Array.isArray(result) ? result : [result];
    for (const r of results as ExecutionResult[]) {
      for (const e of r?.errors ?? []) errors.inc({ code: String(e.extensions?.code ?? "INTERNAL_SERVER_ERROR") });
    }
  };

  const plugin: Plugin = {
    // Yoga sees only /graphql: every request it handles is a GraphQL one.
    onRequest() {
      inFlight.inc();
    },
    onResponse() {
      inFlight.dec();
    },
    onExecute({ args }) {
      const op = (args.document as DocumentNode).definitions.find((d) => d.kind === "OperationDefinition" && (!args.operationName || d.name?.value === args.operationName));
      const labels = { operation: opLabel(args.operationName ?? (op && "name" in op ? op.name?.value : undefined)), type: op && "operation" in op ? op.operation : "unknown" };
      const end = duration.startTimer(labels);
      return { onExecuteDone: () => void end() };
    },
    onResultProcess({ result }) {
      if (result && typeof result === "object" && !(Symbol.asyncIterator in result)) countErrors(result);
    },
  };

  /** Counts publishes and per-subscriber deliveries, keeping the pubsub's own behaviour. */
  function instrumentPubSub(pubsub: PubSub): PubSub {
    const publish = pubsub.publish.bind(pubsub) as (...a: unknown[]) => void;
    const subscribe = pubsub.subscribe.bind(pubsub) as unknown as (...a: unknown[]) => AsyncIterableIterator<unknown>;
    return {
      ...pubsub,
      publish: (...a: unknown[]) => {
        published.inc({ topic: String(a[0]) });
        return publish(...a);
      },
      subscribe: (...a: unknown[]) => {
        const it = subscribe(...a);
        const next = it.next.bind(it);
        it.next = async (...n: [] | [unknown]) => {
          const r = await next(...n);
          if (!r.done) delivered.inc({ topic: String(a[0]) });
          return r;
        };
        return it;
      },
    } as unknown as PubSub;
  }

  const jobObserver: JobObserver = {
    started(job) {
      const end = jobDuration.startTimer({ job });
      return (outcome, handled) => {
        end();
        jobRuns.inc({ job, outcome });
        if (outcome === "ok") {
          jobItems.inc({ job }, handled);
          lastSuccess.set(job, deps.clock.now().getTime());
        }
      };
    },
  };

  const tokenOk = (req: IncomingMessage) => {
    const token = deps.config.metrics.token;
    if (!token) return !deps.config.production;
    const given = Buffer.from(/^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "");
    const want = Buffer.from(token);
    return given.length === want.length && timingSafeEqual(given, want);
  };

  async function respond(req: IncomingMessage, res: ServerResponse, ownPort: boolean) {
    if (!ownPort && !tokenOk(req)) {
      res.writeHead(401, { "content-type": "text/plain", "www-authenticate": "Bearer" });
      res.end("metrics need a bearer token");
      return;
    }
    await readOutbox();
    const all = Registry.merge([processMetrics(), registry]);
    const body = await all.metrics();
    res.writeHead(200, { "content-type": all.contentType, "cache-control": "no-store" });
    res.end(body);
  }

  let own: Server | undefined;
  return {
    registry,
    plugin,
    instrumentPubSub,
    jobObserver,
    /** The separate metrics port once listening (METRICS_PORT=0 picks a free one). */
    port: () => (own?.address() as { port: number } | null)?.port,
    observeSockets(fn: typeof sockets) {
      sockets = fn;
    },
    /** Handles `/metrics` on the API port; false when metrics live on their own port. */
    async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
      if (url.pathname !== "/metrics" || deps.config.metrics.port !== undefined) return false;
      await respond(req, res, false);
      return true;
    },
    /** With METRICS_PORT: a separate listener (keep it off the public network). */
    async listen(): Promise<number | undefined> {
      if (deps.config.metrics.port === undefined) return undefined;
      own = createServer((req, res) => {
        if (new URL(req.url ?? "/", "http://localhost").pathname !== "/metrics") return void res.writeHead(404).end();
        void respond(req, res, true).catch(() => res.writeHead(500).end());
      });
      await new Promise<void>((resolve, reject) => {
        own!.once("error", reject);
        own!.listen(deps.config.metrics.port, deps.config.host, () => resolve());
      });
      return (own.address() as { port: number }).port;
    },
    async close() {
      if (!own) return;
      own.closeAllConnections();
      await new Promise<void>((resolve) => own!.close(() => resolve()));
    },
  };
}
