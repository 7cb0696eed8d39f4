import type { Role, AccountStatus } from "../generated/prisma/enums.js";

/** The signed-in user as seen by permission rules. */
export interface Viewer {
  id: string;
  role: Role;
  status: AccountStatus;
  /** The auth session (token) this request came with; logOut revokes it. */
  authSessionId: string;
  /**
   * Active feature- and program-scoped suspensions (trust & safety), loaded with the token.
   * They fold into the ability as `cannot` rules; account-wide ones refuse the token instead.
   */
  suspensions?: ActiveSuspension[];
}

export interface ActiveSuspension {
  enforcementId: string;
  kind: "STRIKE" | "SUSPENSION" | "BAN";
  scope: "FEATURE" | "PROGRAM";
  feature: string | null;
  programId: string | null;
  reason: string;
  endsAt: Date | null;
}

/** Who performs an action: a user, or the platform itself (jobs, detectors). */
export type Actor = { kind: "USER"; id: string; role: Role } | { kind: "SYSTEM"; name: string };

export const systemActor = (name: string): Actor => ({ kind: "SYSTEM", name });
export const actorOf = (viewer: Viewer | null): Actor | null =>
  viewer ? { kind: "USER", id: viewer.id, role: viewer.role } : null;
