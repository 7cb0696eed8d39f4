// Revoked tokens (log-out, ban, role change) close their open sockets at once with 4403, in
// every process: the announcement travels through the pubsub (Redis when configured).
import type { Logger } from "../lib/logger.js";
import type { PubSub } from "../lib/pubsub.js";
import type { SocketRegistry } from "./websocket.js";

export function closeRevokedSockets(pubsub: PubSub, sockets: SocketRegistry, log: Logger): { stop(): Promise<void> } {
  const revocations = pubsub.subscribe("authRevoked");
  void (async () => {
    for await (const ev of revocations) {
      // Probes and viewer-cache refreshes change no token: the socket stays.
      if (ev.probe || ev.revoked === false || ev.userId === null) continue;
      for (const entry of sockets.get(ev.userId) ?? []) {
        if (!ev.authSessionIds || ev.authSessionIds.includes(entry.authSessionId)) entry.socket.close(4403, "Forbidden");
      }
    }
  })().catch((err) => log.error({ err }, "revocation listener stopped"));
  return {
    async stop() {
      await revocations.return?.();
    },
  };
}
