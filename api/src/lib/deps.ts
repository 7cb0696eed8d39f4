import type { AppAbility } from "../authz/actions.js";
import type { Actor } from "../authz/viewer.js";
import type { Clock } from "./clock.js";
import type { Db } from "./db.js";
import type { PubSub } from "./pubsub.js";
import type { LimitStore } from "./rate-limit.js";

/** What every service function receives explicitly: no hidden globals in domain logic. */
export interface ServiceDeps {
  db: Db;
  ability: AppAbility;
  /** Who acts; null for an anonymous caller (sign-up, log-in). */
  actor: Actor | null;
  pubsub: PubSub;
  clock: Clock;
  requestId?: string;
  /** Rate-limit counter store; absent = the database (lib/rate-limit.ts). */
  limits?: LimitStore;
}
