// What a user's enforcements mean right now. Imported by the auth service (log-in, tokens) and
// by the rest of the safety module; it depends on nothing but the database, so no import cycles.
import type { DbTx } from "../../lib/db.js";
import type { ActiveSuspension } from "../../authz/viewer.js";

/** Enforcement kinds that restrict something while active (a warning restricts nothing). */
export const RESTRICTING = ["STRIKE", "SUSPENSION", "BAN"] as const;

export interface AccountBlock {
  code: "ACCOUNT_BANNED" | "ACCOUNT_SUSPENDED";
  enforcementId: string;
  kind: string;
  reason: string;
  endsAt: Date | null;
  appealDeadline: Date;
}

export interface Restrictions {
  account: AccountBlock | null;
  suspensions: ActiveSuspension[];
}

/** Active (not overturned, not ended) restricting enforcements: the clock decides, no job needed. */
export const activeWhere = (now: Date) => ({
  overturnedAt: null,
  kind: { in: [...RESTRICTING] },
  OR: [{ endsAt: null }, { endsAt: { gt: now } }],
});

/**
 * One query: the user's own active enforcements plus program-scoped ones of programs where the
 * user is a mentor or support member (seed 003: everyone tied to the program loses its features).
 */
export async function loadRestrictions(db: DbTx, userId: string, now: Date): Promise<Restrictions> {
  const rows = await db.enforcement.findMany({
    where: {
      ...activeWhere(now),
      AND: [
        {
          OR: [
            { userId, scope: { in: ["ACCOUNT", "FEATURE"] } },
            { scope: "PROGRAM", program: { is: { members: { some: { userId, role: { in: ["MENTOR", "SUPPORT"] } } } } } },
          ],
        },
      ],
    },
    select: { id: true, kind: true, scope: true, feature: true, programId: true, reason: true, endsAt: true, appealDeadline: true },
    orderBy: { startsAt: "asc" },
  });
  let account: AccountBlock | null = null;
  const suspensions: ActiveSuspension[] = [];
  for (const r of rows) {
    if (r.scope === "ACCOUNT") {
      const block: AccountBlock = {
        code: r.kind === "BAN" ? "ACCOUNT_BANNED" : "ACCOUNT_SUSPENDED",
        enforcementId: r.id,
        kind: r.kind,
        reason: r.reason,
        endsAt: r.endsAt,
        appealDeadline: r.appealDeadline,
      };
      // A ban outranks a suspension; of two suspensions the later end wins.
      if (!account || rank(block) > rank(account)) account = block;
    } else {
      suspensions.push({
        enforcementId: r.id,
        kind: r.kind as ActiveSuspension["kind"],
        scope: r.scope,
        feature: r.feature,
        programId: r.programId,
        reason: r.reason,
        endsAt: r.endsAt,
      });
    }
  }
  return { account, suspensions };
}

const rank = (b: AccountBlock) => (b.endsAt === null ? Number.MAX_SAFE_INTEGER : b.endsAt.getTime());

/** The extensions a blocked call carries, so apps can tell the user why and until when (seed 003). */
export function blockDetails(b: AccountBlock): Record<string, unknown> {
  return {
    enforcementId: b.enforcementId,
    reason: b.reason,
    endsAt: b.endsAt ? b.endsAt.toISOString() : null,
    permanent: b.endsAt === null,
    appealDeadline: b.appealDeadline.toISOString(),
  };
}
