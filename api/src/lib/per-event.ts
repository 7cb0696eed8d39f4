// Subscription fan-out: every subscriber of an event reloads its row through Prisma (so that
// selections and row permissions apply). Thousands of subscribers of one event usually ask the
// same thing — same selection, same row filter — so that query runs ONCE per event and key, and the
// subscribers share the result. The event object is the identity: graphql-yoga's pubsub hands the
// same payload object to every local listener (in-memory and Redis event targets alike), and the
// cache lives only as long as that object.
const perEvent = new WeakMap<object, Map<string, Promise<unknown>>>();

/** Runs `load` once per (event object, key); `key` must be JSON-serialisable (query args, filters). */
export function oncePerEvent<T>(event: object, key: unknown, load: () => Promise<T>): Promise<T> {
  let byKey = perEvent.get(event);
  if (!byKey) perEvent.set(event, (byKey = new Map()));
  const k = JSON.stringify(key);
  let p = byKey.get(k) as Promise<T> | undefined;
  if (!p) {
    p = load();
    byKey.set(k, p);
  }
  return p;
}
