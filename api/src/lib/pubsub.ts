// Typed realtime topics. Events carry ids only: subscribers reload rows through Prisma so that
// field selection and row permissions apply. With REDIS_URL the events fan out across processes.
import { createPubSub } from "graphql-yoga";
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { Redis } from "ioredis";
import { setMaxListeners } from "node:events";

export type Topics = {
  /** Auth sessions revoked (log-out, ban): open sockets using them are closed at once. */
  authRevoked: [{ userId: string; authSessionIds: string[] | null }];
  auditEntryAdded: [{ id: string }];
  sessionUpdated: [sessionId: string, { id: string }];
  liveSessions: [{ id: string; mentorId: string; menteeId: string }];
  notificationAdded: [userId: string, { id: string }];
  /** Chat per mentorship (issue 6): a new message id, keyed by mentorship. */
  messageAdded: [mentorshipId: string, { id: string }];
  /** Trust & safety staff feed: new reports, reviews, enforcements and appeals. */
  safetyFeed: [{ kind: SafetyEventKind; id: string }];
  /** One dispute changed (parties and staff; internal notes are filtered on reload). */
  disputeUpdated: [disputeId: string, { id: string }];
  /** Staff dispute queue: opened, assigned, messages, notes, resolved. */
  disputeQueue: [{ kind: DisputeEventKind; id: string }];
};

export type DisputeEventKind = "OPENED" | "ASSIGNED" | "NOTE_ADDED" | "MESSAGE_POSTED" | "RESOLVED";

export type SafetyEventKind = "REPORT_FILED" | "REPORT_REVIEWED" | "ENFORCEMENT_ISSUED" | "ENFORCEMENT_OVERTURNED" | "ENFORCEMENT_EXPIRED" | "APPEAL_FILED" | "APPEAL_DECIDED";

export type PubSub = ReturnType<typeof createPubSub<Topics>>;

export interface PubSubHandle {
  pubsub: PubSub;
  /** Live subscribers per topic in this process (readiness checks, tests, metrics). */
  listenerCount(topic: keyof Topics): number;
  close(): Promise<void>;
}

/** Counts subscribers per topic: a subscription is live once its iterator is created. */
function counted(pubsub: PubSub): { pubsub: PubSub; listenerCount(topic: keyof Topics): number } {
  const counts = new Map<string, number>();
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
  return { pubsub: { ...pubsub, subscribe } as unknown as PubSub, listenerCount: (t) => counts.get(t) ?? 0 };
}

export function createAppPubSub(redisUrl?: string): PubSubHandle {
  if (!redisUrl) {
    // Thousands of subscribers per topic are normal here, not a leak.
    const eventTarget = new EventTarget();
    setMaxListeners(0, eventTarget);
    return { ...counted(createPubSub<Topics>({ eventTarget: eventTarget as never })), close: async () => {} };
  }
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const pubsub = createPubSub<Topics>({ eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) });
  return {
    ...counted(pubsub),
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}
