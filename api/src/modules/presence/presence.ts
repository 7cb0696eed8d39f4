// Who else is viewing a record. No storage: each open subscription announces itself (JOIN),
// answers newcomers (HELLO) and says goodbye when its socket closes (LEAVE), all through the
// `presence` topic, which fans out across processes through Redis like every other topic.
import { randomUUID } from "node:crypto";
import { Repeater } from "graphql-yoga";
import type { PresenceEvent, PubSub } from "../../lib/pubsub.js";

export type PresenceViewer = Pick<PresenceEvent, "userId" | "displayName" | "since">;

/**
 * A stream of the OTHER viewers of `key` (first value: none known yet). The viewer's own entry
 * is announced on subscribe and withdrawn when the stream is returned (the socket closed).
 */
export function watchPresence(pubsub: PubSub, key: string, me: { userId: string; displayName: string; since: Date }): AsyncIterableIterator<PresenceViewer[]> {
  const self: Omit<PresenceEvent, "kind"> = { viewerKey: randomUUID(), userId: me.userId, displayName: me.displayName, since: me.since.toISOString() };
  return new Repeater<PresenceViewer[]>(async (push, stop) => {
    const events = pubsub.subscribe("presence", key);
    const others = new Map<string, PresenceViewer>();
    const list = () => [...others.values()].sort((a, b) => a.since.localeCompare(b.since) || a.displayName.localeCompare(b.displayName));
    void push([]);
    pubsub.publish("presence", key, { kind: "JOIN", ...self });
    const pump = (async () => {
      for await (const e of events) {
        if (e.viewerKey === self.viewerKey) continue;
        if (e.kind === "LEAVE") {
          if (others.delete(e.viewerKey)) void push(list());
          continue;
        }
        // A newcomer learns about those already here from their answers.
        if (e.kind === "JOIN") pubsub.publish("presence", key, { kind: "HELLO", ...self });
        if (others.has(e.viewerKey)) continue;
        others.set(e.viewerKey, { userId: e.userId, displayName: e.displayName, since: e.since });
        void push(list());
      }
    })();
    await stop;
    pubsub.publish("presence", key, { kind: "LEAVE", ...self });
    await events.return?.();
    await pump.catch(() => undefined);
  });
}
