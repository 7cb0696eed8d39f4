// Concurrent WebSocket connections per user (policy `rateLimits.socketsPerUser`): past the cap the
// OLDEST socket closes with 4429, so a user who opens a new tab keeps working while a script that
// opens sockets in a loop holds no more than the cap. Counted per API process.
import type { WebSocket } from "ws";

export const CLOSE_TOO_MANY_SOCKETS = 4429;

export interface SocketEntry {
  socket: WebSocket;
  authSessionId: string;
}

/** Adds `entry` (sets keep insertion order) and closes the oldest sockets past `max`. */
export function admitSocket(set: Set<SocketEntry>, entry: SocketEntry, max: number): void {
  set.add(entry);
  for (const old of set) {
    if (set.size <= max) break;
    set.delete(old);
    old.socket.close(CLOSE_TOO_MANY_SOCKETS, "Too many connections for this user");
  }
}
