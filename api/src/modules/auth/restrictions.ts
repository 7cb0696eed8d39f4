// Whether an account may sign in, and which restrictions a token carries, come from trust &
// safety's enforcements. Safety owns them; the composition root hands its reader to auth, so auth
// imports no safety code (safety depends on auth, never the other way round).
import type { DbTx } from "../../lib/db.js";
import type { AccountBlock, Restrictions } from "../safety/index.js";

export interface RestrictionReader {
  load(db: DbTx, userId: string, now: Date): Promise<Restrictions>;
  /** The machine-readable facts of a blocked account (reason, end, appeal deadline). */
  details(block: AccountBlock): Record<string, unknown>;
}

let reader: RestrictionReader | null = null;

export function provideRestrictionReader(r: RestrictionReader): void {
  reader = r;
}

export function restrictionReader(): RestrictionReader {
  if (!reader) throw new Error("No restriction reader was provided (modules/index.ts composes it)");
  return reader;
}
