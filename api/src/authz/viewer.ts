import type { Role, AccountStatus } from "../generated/prisma/enums.js";

/** The signed-in user as seen by permission rules. */
export interface Viewer {
  id: string;
  role: Role;
  status: AccountStatus;
  /** The auth session (token) this request came with; logOut revokes it. */
  authSessionId: string;
}

/** Who performs an action: a user, or the platform itself (jobs, detectors). */
export type Actor = { kind: "USER"; id: string; role: Role } | { kind: "SYSTEM"; name: string };

export const systemActor = (name: string): Actor => ({ kind: "SYSTEM", name });
export const actorOf = (viewer: Viewer | null): Actor | null =>
  viewer ? { kind: "USER", id: viewer.id, role: viewer.role } : null;
