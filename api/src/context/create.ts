import { randomUUID } from "node:crypto";
import type { AppAbility } from "../authz/actions.js";
import { defineAbilityFor } from "../authz/ability.js";
import { actorOf, type Viewer } from "../authz/viewer.js";
import type { Clock } from "../lib/clock.js";
import type { Db } from "../lib/db.js";
import type { PubSub } from "../lib/pubsub.js";
import type { LimitStore } from "../lib/rate-limit.js";
import { resolveToken, type AuthSettings } from "../modules/auth/auth.service.js";
import type { Context } from "./context.js";
import type { ResolvedViewer } from "./viewer-cache.js";

export interface ContextDeps {
  db: Db;
  pubsub: PubSub;
  clock: Clock;
  authSettings: AuthSettings;
  /** Where rate-limit counters live (Redis when configured, else the database). */
  limits?: LimitStore;
}

/** Extracts a bearer token from an HTTP header value or WebSocket connectionParams. */
export function bearerFrom(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const m = /^Bearer\s+(.+)$/i.exec(value.trim());
  return (m ? m[1] : value).trim() || undefined;
}

export function tokenFromConnectionParams(params: Record<string, unknown> | undefined): string | undefined {
  if (!params) return undefined;
  return bearerFrom(params.authorization ?? params.Authorization ?? params.token);
}

export async function viewerForToken(deps: ContextDeps, token: string | undefined): Promise<Viewer | null> {
  return token ? resolveToken(deps.db, token, deps.clock.now()) : null;
}

/** The anonymous ability never changes: built once. */
let anonymous: AppAbility | undefined;

/**
 * `resolved` comes from the viewer cache (context/viewer-cache.ts) with its ability already
 * built; a bare viewer gets its ability built here.
 */
export function buildContext(
  deps: ContextDeps,
  resolved: Viewer | ResolvedViewer | null,
  meta: { requestId?: string; ip?: string },
): Context & { authSettings: AuthSettings } {
  const viewer = resolved && "ability" in resolved ? resolved.viewer : resolved;
  const ability: AppAbility =
    resolved && "ability" in resolved ? resolved.ability : viewer ? defineAbilityFor(viewer) : (anonymous ??= defineAbilityFor(null));
  const requestId = meta.requestId && /^[\w.-]{1,80}$/.test(meta.requestId) ? meta.requestId : randomUUID();
  return {
    viewer,
    ability,
    requestId,
    ip: meta.ip,
    authSettings: deps.authSettings,
    deps: { db: deps.db, ability, actor: actorOf(viewer), pubsub: deps.pubsub, clock: deps.clock, requestId, limits: deps.limits },
  };
}
