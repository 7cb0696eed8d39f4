// The GraphQL engine (yoga): plugins, limits, error masking and the request context. HTTP and
// WebSocket both go through it (websocket.ts uses `yoga.getEnveloped`).
import type { IncomingMessage } from "node:http";
import { createYoga, type Plugin, type YogaServerInstance } from "graphql-yoga";
import { NoSchemaIntrospectionCustomRule } from "graphql";
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { schema } from "../schema/index.js";
import { armorPlugin, tokenLimitPlugin, validationCodesPlugin } from "../schema/limits.js";
import { variableLimitsPlugin } from "../schema/execution-limits.js";
import { createMaskError } from "../schema/errors.js";
import type { AppConfig } from "../lib/config.js";
import type { Logger } from "../lib/logger.js";
import type { PubSubHandle } from "../lib/pubsub.js";
import { buildContext, bearerFrom, tokenFromConnectionParams, type ContextDeps } from "../context/create.js";
import type { ViewerCache } from "../context/viewer-cache.js";
import type { Context, ServerContext } from "../context/context.js";
import { multiplexPlugin } from "../realtime/multiplex.js";
import type { Metrics } from "../http/metrics.js";
import type { AddressOf } from "../http/client-address.js";
import { corsFor, yogaLogging } from "../http/yoga-options.js";

/** Cumulative time of this process per request phase (metrics, bench): viewer resolution, execution. */
export interface Phases {
  requests: number;
  authMs: number;
  executions: number;
  executeMs: number;
}

export interface GraphQLServerDeps {
  config: AppConfig;
  log: Logger;
  contextDeps: ContextDeps;
  viewers: ViewerCache;
  pubsub: PubSubHandle;
  metrics: Metrics;
  addressOf: AddressOf;
}

export function createGraphQLServer(d: GraphQLServerDeps): { yoga: YogaServerInstance<ServerContext, Context>; phases: Phases } {
  const { config, log, viewers, metrics } = d;
  const phases: Phases = { requests: 0, authMs: 0, executions: 0, executeMs: 0 };
  const plugins: Plugin[] = [
    // Form-encoded and other "simple" requests must carry a custom header (no cross-site posts).
    useCSRFPrevention({ requestHeaders: ["x-graphql-yoga-csrf", "x-requested-with"] }),
    tokenLimitPlugin(),
    armorPlugin() as Plugin,
    validationCodesPlugin(config.production),
    variableLimitsPlugin(),
    multiplexPlugin(),
    // A response that announced a viewer change leaves only once Redis has taken the announcement.
    { onResultProcess: () => d.pubsub.revocationsSent() as Promise<void> | undefined },
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
      const ip = d.addressOf((initial as { req?: IncomingMessage }).req);
      return buildContext(d.contextDeps, viewer, { requestId, ip });
    },
  });
  return { yoga, phases };
}
