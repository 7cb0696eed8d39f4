// graphql-ws on the HTTP server's port, through the same yoga pipeline (plugins, limits,
// context). Keeps the per-user socket registry that revocation and the socket cap use.
import type { IncomingMessage, Server } from "node:http";
import type { YogaServerInstance } from "graphql-yoga";
import { GraphQLError, type ExecutionArgs } from "graphql";
import { WebSocketServer, type WebSocket } from "ws";
import { useServer } from "graphql-ws/use/ws";
import type { Db } from "../lib/db.js";
import { tokenFromConnectionParams } from "../context/create.js";
import type { ResolvedViewer, ViewerCache } from "../context/viewer-cache.js";
import type { Context, ServerContext } from "../context/context.js";
import { sendSharedPayloads, sharedPayload } from "../realtime/multiplex.js";
import type { Metrics } from "../http/metrics.js";
import { admitSocket } from "../http/sockets.js";
import { currentPolicy } from "../modules/policy/index.js";

const MAX_SUBSCRIPTIONS_PER_SOCKET = 50;
const MAX_WS_MESSAGE_BYTES = 64 * 1024;

export type SocketEntry = { socket: WebSocket; authSessionId: string };
/** Open sockets per user id: revocation closes them, the per-user cap counts them. */
export type SocketRegistry = Map<string, Set<SocketEntry>>;

export interface WebSocketDeps {
  server: Server;
  yoga: YogaServerInstance<ServerContext, Context>;
  viewers: ViewerCache;
  db: Db;
  metrics: Metrics;
}

export interface WebSocketHandle {
  sockets: SocketRegistry;
  /** Shutdown: closes every socket with `code` (1001 Going Away) and waits for them. */
  closeAll(code: number, reason: string): Promise<void>;
  stop(): Promise<void>;
}

export function attachWebSocketServer(d: WebSocketDeps): WebSocketHandle {
  const { yoga, viewers } = d;
  const wss = new WebSocketServer({ server: d.server, path: "/graphql", maxPayload: MAX_WS_MESSAGE_BYTES });
  wss.on("connection", sendSharedPayloads);
  const sockets: SocketRegistry = new Map();
  const subsPerSocket = new WeakMap<WebSocket, number>();
  type Extra = { socket: WebSocket; request: IncomingMessage; auth?: { userId: string; authSessionId: string }; resolved?: ResolvedViewer };
  const disposable = useServer<Record<string, unknown> | undefined, Extra>(
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
        const maxSockets = (await currentPolicy(d.db)).values.rateLimits.socketsPerUser;
        if (ctx.extra.socket.readyState !== ctx.extra.socket.OPEN) return false;
        // No await from here on: registering, capping and the close hook happen in one turn.
        const set = sockets.get(viewer.id) ?? new Set();
        const entry = { socket: ctx.extra.socket, authSessionId: viewer.authSessionId };
        sockets.set(viewer.id, set);
        admitSocket(set, entry, maxSockets);
        ctx.extra.socket.once("close", () => {
          set.delete(entry);
          if (!set.size) sockets.delete(viewer.id);
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

  d.metrics.observeSockets(() => {
    let operations = 0;
    for (const c of wss.clients) operations += subsPerSocket.get(c) ?? 0;
    return { open: wss.clients.size, operations };
  });

  return {
    sockets,
    async closeAll(code, reason) {
      const closed = [...wss.clients].map((c) => new Promise<void>((resolve) => (c.readyState === c.CLOSED ? resolve() : (c.once("close", () => resolve()), c.close(code, reason)))));
      await Promise.all(closed);
    },
    async stop() {
      await disposable.dispose();
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
