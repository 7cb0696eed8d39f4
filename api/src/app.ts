// buildApp(): composes the HTTP server, the GraphQL engine, the WebSocket server, token
// revocation and the jobs on one port; start and stop in order.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { YogaServerInstance } from "graphql-yoga";
import { Redis } from "ioredis";
import "./modules/index.js";
import { loadConfig, type AppConfig } from "./lib/config.js";
import { openDatabase, setDb, type DatabaseHandle } from "./lib/db.js";
import { applyMigrations } from "./lib/migrate.js";
import { createAppPubSub, type PubSubHandle } from "./lib/pubsub.js";
import { systemClock, type Clock } from "./lib/clock.js";
import { logger as defaultLogger, type Logger } from "./lib/logger.js";
import type { ContextDeps } from "./context/create.js";
import { ViewerCache } from "./context/viewer-cache.js";
import type { Context, ServerContext } from "./context/context.js";
import { startJobs, type JobsHandle } from "./jobs/runner.js";
import { httpRoutes } from "./http/routes.js";
import { createMetrics, type Metrics } from "./http/metrics.js";
import { serveReadiness } from "./http/readiness.js";
import { clientAddressResolver } from "./http/client-address.js";
import { createGraphQLServer, type Phases } from "./server/graphql.js";
import { createHttpServer } from "./server/http.js";
import { attachWebSocketServer } from "./server/websocket.js";
import { closeRevokedSockets } from "./server/revocation.js";

export interface AppOptions {
  config?: Partial<AppConfig>;
  clock?: Clock;
  database?: DatabaseHandle;
  logger?: Logger;
  /** Apply pending migrations on start (default true). */
  migrate?: boolean;
}

export interface App {
  config: AppConfig;
  database: DatabaseHandle;
  pubsub: PubSubHandle["pubsub"];
  listenerCount: PubSubHandle["listenerCount"];
  clock: Clock;
  yoga: YogaServerInstance<ServerContext, Context>;
  server: Server;
  jobs: JobsHandle | undefined;
  metrics: Metrics;
  start(port?: number): Promise<string>;
  /** Shutdown, step 1: `/ready` answers 503 from now on. */
  beginDrain(): void;
  /** Shutdown: closes every WebSocket with this code (1001 Going Away) and waits for them. */
  closeSockets(code: number, reason: string): Promise<void>;
  stop(): Promise<void>;
  /** Context for running services outside a request (scripts, jobs, tests). */
  contextDeps: ContextDeps;
  /** Token -> viewer and ability, invalidated across processes through `authRevoked`. */
  viewers: ViewerCache;
  /** Cumulative time of this process per request phase (metrics, bench): viewer resolution, execution. */
  phases: Phases;
}

export async function buildApp(opts: AppOptions = {}): Promise<App> {
  const config = { ...loadConfig(), ...opts.config };
  const log = opts.logger ?? defaultLogger;
  const clock = opts.clock ?? systemClock;
  const database = opts.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  if (opts.migrate !== false) {
    const applied = await applyMigrations(database.adapterFactory);
    if (applied.length) log.info({ applied }, "migrations applied");
  }
  setDb(database.db);
  const ps = createAppPubSub(config.redisUrl);
  const metrics = createMetrics({ config, db: database.db, clock, poolStats: database.poolStats });
  ps.pubsub = metrics.instrumentPubSub(ps.pubsub);
  let draining = false;
  const viewers = new ViewerCache({ db: database.db, clock, pubsub: ps }, (err) => log.error({ err }, "viewer cache listener stopped"));
  const limitsRedis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 3, enableOfflineQueue: true }) : undefined;
  const addressOf = clientAddressResolver(config.trustProxy);
  const contextDeps: ContextDeps = {
    limits: { redis: limitsRedis, prefix: config.rateLimitPrefix },
    db: database.db,
    pubsub: ps.pubsub,
    clock,
    authSettings: { sessionTtlHours: config.sessionTtlHours, passwordHashCost: config.passwordHashCost },
  };

  const { yoga, phases } = createGraphQLServer({ config, log, contextDeps, viewers, pubsub: ps, metrics, addressOf });
  const routes = httpRoutes({ database, config, clock, pubsub: ps.pubsub, jobs: () => jobs });
  const server = createHttpServer({
    config,
    log,
    yoga,
    metrics,
    routes,
    readiness: (res) => serveReadiness({ database, pingRedis: ps.ping, draining: () => draining }, res),
  });
  const ws = attachWebSocketServer({ server, yoga, viewers, db: database.db, metrics });
  const revocation = closeRevokedSockets(ps.pubsub, ws.sockets, log);

  let jobs: JobsHandle | undefined;
  const app: App = {
    config,
    database,
    pubsub: ps.pubsub,
    listenerCount: ps.listenerCount,
    clock,
    yoga,
    server,
    contextDeps,
    viewers,
    phases,
    metrics,
    get jobs() {
      return jobs;
    },
    async start(port = config.port) {
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, config.host, () => resolve());
      });
      await metrics.listen();
      if (config.jobsEnabled)
        jobs = startJobs(
          { db: database.db, pubsub: ps.pubsub, clock, logger: log, mail: { smtpUrl: config.smtpUrl, mailFrom: config.mailFrom }, observer: metrics.jobObserver },
          config.jobIntervalMs,
        );
      const { port: actual } = server.address() as AddressInfo;
      return `http://${config.host}:${actual}`;
    },
    beginDrain() {
      draining = true;
    },
    closeSockets: (code, reason) => ws.closeAll(code, reason),
    async stop() {
      await jobs?.stop();
      await metrics.close();
      await revocation.stop();
      await viewers.close();
      await ws.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ps.close();
      limitsRedis?.disconnect();
      if (!opts.database) await database.close();
    },
  };
  return app;
}
