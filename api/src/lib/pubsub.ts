// Typed realtime topics. Events carry ids only: subscribers reload rows through Prisma so that
// field selection and row permissions apply. With REDIS_URL the events fan out across processes.
import { createPubSub } from "graphql-yoga";
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { Redis } from "ioredis";

export type Topics = {
  /** Auth sessions revoked (log-out, ban): open sockets using them are closed at once. */
  authRevoked: [{ userId: string; authSessionIds: string[] | null }];
  auditEntryAdded: [{ id: string }];
  sessionUpdated: [sessionId: string, { id: string }];
  liveSessions: [{ id: string; mentorId: string; menteeId: string }];
  notificationAdded: [userId: string, { id: string }];
};

export type PubSub = ReturnType<typeof createPubSub<Topics>>;

export interface PubSubHandle {
  pubsub: PubSub;
  close(): Promise<void>;
}

export function createAppPubSub(redisUrl?: string): PubSubHandle {
  if (!redisUrl) return { pubsub: createPubSub<Topics>(), close: async () => {} };
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const pubsub = createPubSub<Topics>({ eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) });
  return {
    pubsub,
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}
