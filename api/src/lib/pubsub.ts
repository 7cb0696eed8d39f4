// Typed realtime topics. Events carry ids only: subscribers reload rows through Prisma so that
// field selection and row permissions apply. With REDIS_URL the events fan out across processes.
import { createPubSub } from "graphql-yoga";
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { Redis } from "ioredis";
import { setMaxListeners } from "node:events";

export type Topics = {
  /**
   * A viewer changed, in every process at once. `revoked`: auth sessions ended (log-out, ban, role
   * change): open sockets using them are closed. Otherwise only what the viewer may do changed
   * (restrictions issued, lifted, overturned): cached viewers are dropped. `userId: null` means
   * every viewer (program-wide restrictions). `probe` messages only prove the channel delivers.
   */
  authRevoked: [ViewerChange];
  auditEntryAdded: [{ id: string }];
  sessionUpdated: [sessionId: string, { id: string }];
  liveSessions: [{ id: string; mentorId: string; menteeId: string }];
  notificationAdded: [userId: string, { id: string }];
  /** Chat per mentorship: a new message id, keyed by mentorship. */
  messageAdded: [mentorshipId: string, { id: string }];
  /** Trust & safety staff feed: new reports, reviews, enforcements and appeals. */
  safetyFeed: [{ kind: SafetyEventKind; id: string }];
  /** One dispute changed (parties and staff; internal notes are filtered on reload). */
  disputeUpdated: [disputeId: string, { id: string }];
  /** Staff dispute queue: opened, assigned, messages, notes, resolved. */
  disputeQueue: [{ kind: DisputeEventKind; id: string }];
  /** Staff viewing one record ("DISPUTE:<id>"): join, hello (answer to a join) and leave. */
  presence: [key: string, PresenceEvent];
};

export interface PresenceEvent {
  kind: "JOIN" | "HELLO" | "LEAVE";
  /** One per open subscription, so one person in two tabs is two entries. */
  viewerKey: string;
  userId: string;
  displayName: string;
  since: string;
}

export interface ViewerChange {
  userId: string | null;
  authSessionIds: string[] | null;
  /** false: restrictions changed but the tokens stay valid (sockets stay open). Default true. */
  revoked?: boolean;
  probe?: string;
}

export type DisputeEventKind = "OPENED" | "ASSIGNED" | "NOTE_ADDED" | "MESSAGE_POSTED" | "RESOLVED";

export type SafetyEventKind = "REPORT_FILED" | "REPORT_REVIEWED" | "ENFORCEMENT_ISSUED" | "ENFORCEMENT_OVERTURNED" | "ENFORCEMENT_EXPIRED" | "APPEAL_FILED" | "APPEAL_DECIDED";

export type PubSub = ReturnType<typeof createPubSub<Topics>>;

export interface PubSubHandle {
  pubsub: PubSub;
  /** Live subscribers per topic in this process (readiness checks, tests, metrics). */
  listenerCount(topic: keyof Topics): number;
  /**
   * Runs `cb` synchronously whenever THIS process publishes on `topic`, before the message leaves
   * (through Redis it comes back later): local state is never staler than the publisher's reply.
   */
  onLocalPublish<K extends keyof Topics>(topic: K, cb: (...args: Topics[K]) => void): void;
  /** The cross-process connection, or null when events stay in this process (always delivered). */
  connection: ConnectionState | null;
  /**
   * Resolves once every `authRevoked` message published so far has been accepted by Redis (which
   * has then already queued it to every subscribed process); undefined when none is pending.
   * Responses wait for it, so a client's next request to another process finds its cache dropped.
   */
  revocationsSent(): Promise<unknown> | undefined;
  /** With Redis: true when the server answers PING (readiness). */
  ping?: () => Promise<boolean>;
  close(): Promise<void>;
}

/** Whether the subscriber connection to Redis is connected; events published meanwhile are lost. */
export interface ConnectionState {
  connected(): boolean;
  on(event: "up" | "down", cb: () => void): void;
}

/** Counts subscribers per topic: a subscription is live once its iterator is created. */
function counted(pubsub: PubSub): Pick<PubSubHandle, "pubsub" | "listenerCount" | "onLocalPublish"> {
  const counts = new Map<string, number>();
  const local = new Map<string, ((...a: unknown[]) => void)[]>();
  const originalPublish = pubsub.publish.bind(pubsub) as unknown as (...a: unknown[]) => void;
  const publish = (...args: unknown[]) => {
    for (const cb of local.get(String(args[0])) ?? []) cb(...args.slice(1));
    originalPublish(...args);
  };
  const original = pubsub.subscribe.bind(pubsub) as unknown as (...a: unknown[]) => AsyncIterableIterator<unknown>;
  const subscribe = (...args: unknown[]) => {
    const topic = String(args[0]);
    counts.set(topic, (counts.get(topic) ?? 0) + 1);
    const it = original(...args);
    let done = false;
    const release = () => {
      if (!done) counts.set(topic, (counts.get(topic) ?? 1) - 1);
      done = true;
    };
    const ret = it.return?.bind(it);
    it.return = async (v?: unknown) => {
      release();
      return ret ? ret(v) : { done: true, value: undefined };
    };
    return it;
  };
  return {
    pubsub: { ...pubsub, subscribe, publish } as unknown as PubSub,
    listenerCount: (t) => counts.get(t) ?? 0,
    onLocalPublish: (topic, cb) => void local.set(topic, [...(local.get(topic) ?? []), cb as (...a: unknown[]) => void]),
  };
}

export function createAppPubSub(redisUrl?: string): PubSubHandle {
  if (!redisUrl) {
    // Thousands of subscribers per topic are normal here, not a leak.
    const eventTarget = new EventTarget();
    setMaxListeners(0, eventTarget);
    return { ...counted(createPubSub<Topics>({ eventTarget: eventTarget as never })), connection: null, revocationsSent: () => undefined, close: async () => {} };
  }
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  // The event target drops publish's promise: a publish that fails while Redis is away must not
  // become an unhandled rejection (receivers learn of the outage through `connection`).
  const pending = new Set<Promise<unknown>>();
  const publisher = {
    publish: (channel: string, message: string) => {
      const p = publishClient.publish(channel, message).catch(() => 0);
      // While Redis is away nothing is waited for (ioredis queues the command): caches bypass then.
      if (channel === "authRevoked" && publishClient.status === "ready") {
        pending.add(p);
        void p.finally(() => pending.delete(p));
      }
      return p;
    },
  } as unknown as Redis;
  const pubsub = createPubSub<Topics>({ eventTarget: createRedisEventTarget({ publishClient: publisher, subscribeClient }) });
  const listeners = { up: [] as (() => void)[], down: [] as (() => void)[] };
  let connected = false;
  subscribeClient.on("ready", () => {
    connected = true;
    listeners.up.forEach((cb) => cb());
  });
  const lost = () => {
    if (!connected) return;
    connected = false;
    listeners.down.forEach((cb) => cb());
  };
  for (const ev of ["close", "end", "reconnecting", "error"]) subscribeClient.on(ev, lost);
  // An outage is reported through `connection`; ioredis would otherwise log every retry as unhandled.
  publishClient.on("error", () => {});
  return {
    ...counted(pubsub),
    connection: { connected: () => connected, on: (ev, cb) => void listeners[ev].push(cb) },
    revocationsSent: () => (pending.size ? Promise.all(pending) : undefined),
    ping: async () => (await publishClient.ping()) === "PONG",
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}
