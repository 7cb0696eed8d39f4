// Token -> viewer (role, status, active restrictions) and its CASL ability, resolved once and then
// served from memory. Staleness is the risk, so the rules are strict:
// - every change that affects a viewer is announced on the `authRevoked` topic (the channel that
//   also closes sockets across processes) and drops the entries here, in every process;
// - while that channel cannot deliver (Redis down, or reconnected but not yet proven to deliver),
//   nothing is served from memory or stored: every request reads the database;
// - an entry ends at the earliest of the token's expiry and the end of any restriction it carries;
// - a load that overlaps an invalidation is used for its own request but not stored.
import { randomUUID } from "node:crypto";
import type { AppAbility } from "../authz/actions.js";
import { defineAbilityFor } from "../authz/ability.js";
import type { Viewer } from "../authz/viewer.js";
import type { Clock } from "../lib/clock.js";
import type { Db } from "../lib/db.js";
import { sha256 } from "../lib/ids.js";
import type { PubSubHandle, ViewerChange } from "../lib/pubsub.js";
import { resolveTokenHash } from "../modules/auth/auth.service.js";

export interface ResolvedViewer {
  viewer: Viewer;
  ability: AppAbility;
}

interface Entry extends ResolvedViewer {
  hash: string;
  userId: string;
  validUntil: number;
}

export interface ViewerCacheStats {
  hits: number;
  loads: number;
  bypassed: number;
  invalidations: number;
  entries: number;
  channelUp: boolean;
}

/** How often a process re-sends its probe until the channel is proven to deliver again. */
const PROBE_EVERY_MS = 250;
const MAX_ENTRIES = 100_000;

export class ViewerCache {
  private readonly byHash = new Map<string, Entry>();
  private readonly byUser = new Map<string, Set<string>>();
  /** Bumped by every invalidation: a load that started before one must not be stored. */
  private generation = 0;
  private up: boolean;
  private probeId: string | undefined;
  private probeTimer: NodeJS.Timeout | undefined;
  private readonly stopListening: () => Promise<unknown>;
  private readonly counters = { hits: 0, loads: 0, bypassed: 0, invalidations: 0 };

  constructor(
    private readonly deps: { db: Db; clock: Clock; pubsub: PubSubHandle },
    onError: (err: unknown) => void = () => {},
  ) {
    const { pubsub, connection } = deps.pubsub;
    // Local publishes apply before the publisher answers; the Redis echo applies them again
    // (harmless). A probe only counts when it came back through the channel.
    deps.pubsub.onLocalPublish("authRevoked", (ev) => void (ev.probe || this.apply(ev)));
    const events = pubsub.subscribe("authRevoked");
    this.stopListening = async () => events.return?.();
    void (async () => {
      for await (const ev of events) this.apply(ev);
    })().catch(onError);
    this.up = connection === null;
    if (connection) {
      connection.on("down", () => this.channelDown());
      connection.on("up", () => this.startProbing());
      this.startProbing();
    }
  }

  /** Bearer token -> viewer and ability, or null (unknown, expired, revoked, blocked). */
  async resolve(token: string | undefined): Promise<ResolvedViewer | null> {
    if (!token || token.length > 200) return null;
    const hash = sha256(token);
    const now = this.deps.clock.now();
    if (this.up) {
      const hit = this.byHash.get(hash);
      if (hit && now.getTime() < hit.validUntil) {
        this.counters.hits++;
        return hit;
      }
      if (hit) this.drop(hash);
    } else this.counters.bypassed++;
    const generation = this.generation;
    this.counters.loads++;
    const loaded = await resolveTokenHash(this.deps.db, hash, now);
    if (!loaded) return null;
    const entry: Entry = { hash, viewer: loaded.viewer, ability: defineAbilityFor(loaded.viewer), userId: loaded.viewer.id, validUntil: loaded.validUntil.getTime() };
    if (this.up && generation === this.generation && this.byHash.size < MAX_ENTRIES) this.store(hash, entry);
    return entry;
  }

  /**
   * A socket resolves its token once; later operations reuse that answer while it is still the
   * cached one (not invalidated, not expired, channel up), else they resolve again.
   */
  async refresh(token: string | undefined, held: ResolvedViewer | null): Promise<ResolvedViewer | null> {
    const e = held as Entry | null;
    if (this.up && e && this.byHash.get(e.hash) === e && this.deps.clock.now().getTime() < e.validUntil) {
      this.counters.hits++;
      return e;
    }
    return this.resolve(token);
  }

  stats(): ViewerCacheStats {
    return { ...this.counters, entries: this.byHash.size, channelUp: this.up };
  }

  async close(): Promise<void> {
    clearInterval(this.probeTimer);
    await this.stopListening();
  }

  private apply(ev: ViewerChange): void {
    if (ev.probe) {
      if (ev.probe === this.probeId) this.channelProven();
      return;
    }
    this.counters.invalidations++;
    this.generation++;
    if (ev.userId === null) return this.clear();
    for (const hash of this.byUser.get(ev.userId) ?? []) this.byHash.delete(hash);
    this.byUser.delete(ev.userId);
  }

  private store(hash: string, e: Entry): void {
    this.byHash.set(hash, e);
    let set = this.byUser.get(e.userId);
    if (!set) this.byUser.set(e.userId, (set = new Set()));
    set.add(hash);
  }

  private drop(hash: string): void {
    const e = this.byHash.get(hash);
    if (!e) return;
    this.byHash.delete(hash);
    const set = this.byUser.get(e.userId);
    set?.delete(hash);
    if (set && !set.size) this.byUser.delete(e.userId);
  }

  private clear(): void {
    this.byHash.clear();
    this.byUser.clear();
  }

  // Changes published while the channel was down never arrive: forget everything, bypass until a
  // probe sent after reconnecting comes back through the channel (the subscription is live again).
  private channelDown(): void {
    this.up = false;
    this.generation++;
    this.clear();
    this.startProbing();
  }

  private startProbing(): void {
    if (this.up) return;
    clearInterval(this.probeTimer);
    this.probeId = randomUUID();
    const probe = () => this.deps.pubsub.pubsub.publish("authRevoked", { userId: null, authSessionIds: null, probe: this.probeId });
    this.probeTimer = setInterval(probe, PROBE_EVERY_MS);
    this.probeTimer.unref();
    probe();
  }

  private channelProven(): void {
    clearInterval(this.probeTimer);
    this.probeTimer = undefined;
    if (!this.deps.pubsub.connection?.connected()) return;
    this.generation++;
    this.clear();
    this.up = true;
  }
}
