import type { YogaInitialContext } from "graphql-yoga";
import type { AppAbility } from "../authz/actions.js";
import type { Viewer } from "../authz/viewer.js";
import type { ServiceDeps } from "../lib/deps.js";
import type { AuthSettings } from "../modules/auth/auth.service.js";
import type { ResolvedViewer } from "./viewer-cache.js";

export interface RequestMeta {
  requestId: string;
  ip?: string;
}

/** The GraphQL context, built the same way for HTTP and WebSocket (context/create.ts). */
export interface Context extends RequestMeta {
  authSettings: AuthSettings;
  viewer: Viewer | null;
  ability: AppAbility;
  /** Service dependencies for this request; resolvers pass them to services. */
  deps: ServiceDeps;
}

export type ServerContext = YogaInitialContext & { wsExtra?: WsExtra };

export interface WsExtra {
  connectionParams?: Record<string, unknown>;
  /** Set at connect time so a revocation can find and close the socket. */
  auth?: { userId: string; authSessionId: string };
  /** The socket's token, resolved once at connect (context/viewer-cache.ts). */
  resolved?: ResolvedViewer;
}
