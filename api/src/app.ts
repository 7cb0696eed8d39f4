// buildApp(): HTTP server + yoga + graphql-ws on one port. The WebSocket server goes through
// yoga.getEnveloped, so HTTP and WS share plugins, limits and context.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createYoga, type Plugin, type YogaServerInstance } from "graphql-yoga";
import { GraphQLError, NoSchemaIntrospectionCustomRule, type ExecutionArgs } from "graphql";
import { WebSocketServer, type WebSocket } from "ws";
import { useServer } from "graphql-ws/use/ws";
import { schema } from "./schema/index.js";
import { armorPlugin, tokenLimitPlugin, validationCodesPlugin } from "./schema/limits.js";
import { variableLimitsPlugin } from "./schema/execution-limits.js";
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { createMaskError } from "./schema/errors.js";
import "./modules/index.js";
import { loadConfig, type AppConfig } from "./lib/config.js";
import { openDatabase, setDb, type DatabaseHandle } from "./lib/db.js";
import { applyMigrations } from "./lib/migrate.js";
import { createAppPubSub, type PubSubHandle } from "./lib/pubsub.js";
import { systemClock, type Clock } from "./lib/clock.js";
import { logger as defaultLogger, type Logger } from "./lib/logger.js";
import { buildContext, bearerFrom, tokenFromConnectionParams, type ContextDeps } from "./context/create.js";
import { ViewerCache, type ResolvedViewer } from "./context/viewer-cache.js";
import { multiplexPlugin, sendSharedPayloads, sharedPayload } from "./realtime/multiplex.js";
import type { Context, ServerContext } from "./context/context.js";
import { serveStatic } from "./http/static.js";
import { startJobs, type JobsHandle } from "./jobs/runner.js";
import { httpRoutes } from "./http/routes.js";
import { createMetrics, type Metrics } from "./http/metrics.js";
import { serveReadiness } from "./http/readiness.js";
import { handleGraphQLHttp } from "./http/graphql-request.js";
import { clientAddressResolver } from "./http/client-address.js";
import { admitSocket } from "./http/sockets.js";
import { corsFor, yogaLogging } from "./http/yoga-options.js";
import { currentPolicy } from "./modules/policy/index.js";
import { Redis } from "ioredis";

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
  phases: { requests: number; authMs: number; executions: number; executeMs: number };
}

const MAX_SUBSCRIPTIONS_PER_SOCKET = 50;
const MAX_WS_MESSAGE_BYTES = 64 * 1024;

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

  const phases = { requests: 0, authMs: 0, executions: 0, executeMs: 0 };
  const plugins: Plugin[] = [
    // Form-encoded and other "simple" requests must carry a custom header (no cross-site posts).
    useCSRFPrevention({ requestHeaders: ["x-graphql-yoga-csrf", "x-requested-with"] }),
    tokenLimitPlugin(),
    armorPlugin() as Plugin,
    validationCodesPlugin(config.production),
    variableLimitsPlugin(),
    multiplexPlugin(),
    // A response that announced a viewer change leaves only once Redis has taken the announcement.
    { onResultProcess: () => ps.revocationsSent() as Promise<void> | undefined },
    metrics.plugin,
    {
      onExecute({ args }) {
        const ctx = args.contextValue as unknown as Context;
        const started = performance.now();
        return {
          onExecuteDone() {
            phases.executions++;
            phases.executeMs += performance.now() - started;
            log.info({ requestId: ctx.requestId, op: args.operationName ?? undefined, viewer: ctx.viewer?.id, ms: Math.round(performance.now() - started) }, "graphql");
          },
        };
      },
    },
  ];
  if (config.production) plugins.push({ onValidate: ({ addValidationRule }) => addValidationRule(NoSchemaIntrospectionCustomRule) });

  const yoga = createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    graphiql: !config.production,
    landingPage: false,
    batching: false,
    logging: yogaLogging(log),
    cors: corsFor(config.corsOrigins),
    maskedErrors: { maskError: createMaskError(log, config.production) },
    plugins,
    context: async (initial) => {
      const ws = initial.wsExtra;
      const authStarted = performance.now();
      const viewer = ws
        ? await viewers.refresh(tokenFromConnectionParams(ws.connectionParams), ws.resolved ?? null)
        : await viewers.resolve(bearerFrom(initial.request.headers.get("authorization") ?? undefined));
      phases.requests++;
      phases.authMs += performance.now() - authStarted;
      const requestId = ws ? undefined : (initial.request.headers.get("x-request-id") ?? undefined);
      const ip = addressOf((initial as { req?: IncomingMessage }).req);
      return buildContext(contextDeps, viewer, { requestId, ip });
    },
  });

  const routes = httpRoutes({ database, config, clock, pubsub: ps.pubsub, jobs: () => jobs });
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (url.pathname === "/graphql") return await handleGraphQLHttp((r, ctx) => yoga.fetch(r, ctx as never), req, res);
      if (url.pathname === "/ready") return void (await serveReadiness({ database, pingRedis: ps.ping, draining: () => draining }, res));
      if (await metrics.handle(req, res, url)) return;
      if (await routes(req, res, url)) return;
      if (config.consoleDist && (await serveStatic(config.consoleDist, url.pathname, res))) return;
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    } catch (err) {
      log.error({ err }, "http handler failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("internal error");
    }
  });

  // WebSocket: same port, same envelop pipeline.
  const wss = new WebSocketServer({ server, path: "/graphql", maxPayload: MAX_WS_MESSAGE_BYTES });
  wss.on("connection", sendSharedPayloads);
  const socketsByUser = new Map<string, Set<{ socket: WebSocket; authSessionId: string }>>();
  const subsPerSocket = new WeakMap<WebSocket, number>();
  type Extra = { socket: WebSocket; request: IncomingMessage; auth?: { userId: string; authSessionId: string }; resolved?: ResolvedViewer };
  const wsDisposable = useServer<Record<string, unknown> | undefined, Extra>(
    {
      connectionInitWaitTimeout: 3_000,
      onConnect: async (ctx) => {
        const token = tokenFromConnectionParams(ctx.connectionParams);
        if (!token) return true; // anonymous sockets may still use public operations
        const resolved = await viewers.resolve(token);
        if (!resolved) return false; // graphql-ws closes with 4403 Forbidden
        const viewer = resolved.viewer;
        ctx.extra.resolved = resolved;
        ctx.extra.auth = { userId: viewer.id, authSessionId: viewer.authSessionId };
        const maxSockets = (await currentPolicy(database.db)).values.rateLimits.socketsPerUser;
        if (ctx.extra.socket.readyState !== ctx.extra.socket.OPEN) return false;
        // No await from here on: registering, capping and the close hook happen in one turn.
        const set = socketsByUser.get(viewer.id) ?? new Set();
        const entry = { socket: ctx.extra.socket, authSessionId: viewer.authSessionId };
        socketsByUser.set(viewer.id, set);
        admitSocket(set, entry, maxSockets);
        ctx.extra.socket.once("close", () => {
          set.delete(entry);
          if (!set.size) socketsByUser.delete(viewer.id);
        });
        return true;
      },
      // Multiplexed subscribers of one event share one serialised payload (realtime/multiplex.ts).
      onNext: (_ctx, _id, _payload, _args, result) => sharedPayload(result as never) as never,
      execute: (args) => (args.rootValue as { execute: (a: ExecutionArgs) => unknown }).execute(args) as never,
      subscribe: (args) => (args.rootValue as { subscribe: (a: ExecutionArgs) => unknown }).subscribe(args) as never,
      onSubscribe: async (ctx, _id, payload) => {
        const socket = ctx.extra.socket;
        const n = (subsPerSocket.get(socket) ?? 0) + 1;
        if (n > MAX_SUBSCRIPTIONS_PER_SOCKET) {
          return [new GraphQLError(`At most ${MAX_SUBSCRIPTIONS_PER_SOCKET} operations per socket`, { extensions: { code: "RATE_LIMITED" } })];
        }
        // Counted before any await: concurrent subscribe messages cannot slip past the cap.
        subsPerSocket.set(socket, n);
        const refuse = (errors: readonly GraphQLError[]) => {
          subsPerSocket.set(socket, Math.max(0, (subsPerSocket.get(socket) ?? 1) - 1));
          return errors;
        };
        const { schema: s, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket,
          params: payload,
          wsExtra: { connectionParams: ctx.connectionParams, auth: ctx.extra.auth, resolved: ctx.extra.resolved },
        });
        let document;
        let errors: readonly GraphQLError[];
        try {
          document = parse(payload.query);
          errors = validate(s, document);
        } catch (e) {
          return refuse([e as GraphQLError]);
        }
        if (errors.length) return refuse(errors);
        const args: ExecutionArgs = {
          schema: s,
          operationName: payload.operationName,
          document,
          variableValues: payload.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
        return args;
      },
      onComplete: (ctx) => {
        subsPerSocket.set(ctx.extra.socket, Math.max(0, (subsPerSocket.get(ctx.extra.socket) ?? 1) - 1));
      },
    },
    wss,
  );

  metrics.observeSockets(() => {
    let operations = 0;
    for (const c of wss.clients) operations += subsPerSocket.get(c) ?? 0;
    return { open: wss.clients.size, operations };
  });

  // Revoked tokens (log-out, ban) close their sockets at once, in every process (Redis fan-out).
  const revocations = ps.pubsub.subscribe("authRevoked");
  void (async () => {
    for await (const ev of revocations) {
      if (ev.probe || ev.revoked === false || ev.userId === null) continue;
      for (const entry of socketsByUser.get(ev.userId) ?? []) {
        if (!ev.authSessionIds || ev.authSessionIds.includes(entry.authSessionId)) entry.socket.close(4403, "Forbidden");
      }
    }
  })().catch((err) => log.error({ err }, "revocation listener stopped"));

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
    async closeSockets(code, reason) {
      const closed = [...wss.clients].map((c) => new Promise<void>((resolve) => (c.readyState === c.CLOSED ? resolve() : (c.once("close", () => resolve()), c.close(code, reason)))));
      await Promise.all(closed);
    },
    async stop() {
      await jobs?.stop();
      await metrics.close();
      await revocations.return?.();
      await viewers.close();
      await wsDisposable.dispose();
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ps.close();
      limitsRedis?.disconnect();
      if (!opts.database) await database.close();
    },
  };
  return app;
}
