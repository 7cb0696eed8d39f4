// Idempotency keys for money mutations (Stripe's semantics). A key is scoped to the actor and
// the operation. The key row is inserted in the SAME transaction as the effect: with
// INSERT ... ON CONFLICT DO NOTHING a concurrent request with the same key waits on the unique
// index until the first commits (then replays its result) or rolls back (then runs itself).
// So a key never exists without its result, and a failed attempt can be retried with it.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import type { DbTx } from "../../lib/db.js";
import type { CommandContext } from "../../lib/command.js";
import type { Actor } from "../../authz/viewer.js";
import { DomainError, conflict } from "../../lib/errors.js";
import { moneyError } from "./ledger.service.js";

export const zIdempotencyKey = z.string().trim().min(8, "must be at least 8 characters").max(200).regex(/^[\w.:-]+$/, "letters, digits and . _ : - only");

/** Stable JSON (sorted keys) so that the same parameters always hash the same. */
function stable(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stable);
  if (v instanceof Date) return v.toISOString();
  if (v && typeof v === "object")
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>)
        .filter(([, x]) => x !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, x]) => [k, stable(x)]),
    );
  return v;
}
export const paramsHash = (params: unknown) => createHash("sha256").update(JSON.stringify(stable(params))).digest("hex");

export const actorKey = (actor: Actor | null) => {
  if (!actor) throw new DomainError("UNAUTHENTICATED", "Sign in first");
  return actor.kind === "USER" ? `user:${actor.id}` : `system:${actor.name}`;
};

class Taken extends Error {}

// A command owns its transaction: the key is claimed inside it and its result recorded there;
// a call that lost the race for the key replays the winner's result after the winner committed.
export interface IdempotencyClaim {
  operation: string;
  key: string;
  /** The parsed input without the key: what "the same parameters" means. */
  params: unknown;
  resultType: string;
}

/** The stored result of an earlier call with this key (CONFLICT for other parameters), if any. */
export async function replayIdempotent<T extends { id: string }>(deps: ServiceDeps, c: IdempotencyClaim, load: (id: string) => Promise<T>): Promise<T | undefined> {
  const row = await deps.db.idempotencyKey.findUnique({ where: { actorKey_operation_key: { actorKey: actorKey(deps.actor), operation: c.operation, key: c.key } } });
  if (!row) return undefined;
  if (row.paramsHash !== paramsHash(c.params)) throw conflict("This idempotency key was already used with different parameters", { idempotencyKey: c.key, operation: c.operation });
  return load(row.resultId!);
}

/** Claims the key in `tx` (throws when another call holds it); returns the step that records the result. */
export async function claimIdempotency(tx: DbTx, actor: Actor | null, now: Date, c: IdempotencyClaim): Promise<(resultId: string) => Promise<void>> {
  const claimed = await tx.idempotencyKey.createManyAndReturn({
    data: [{ actorKey: actorKey(actor), operation: c.operation, key: c.key, paramsHash: paramsHash(c.params), createdAt: now }],
    skipDuplicates: true,
    select: { id: true },
  });
  if (!claimed.length) throw new Taken();
  return async (resultId) => {
    await tx.idempotencyKey.update({ where: { id: claimed[0].id }, data: { resultType: c.resultType, resultId } });
  };
}

/** The key was taken by a concurrent call: replay it. */
export const isIdempotencyTaken = (e: unknown) => e instanceof Taken || (e as { code?: string })?.code === "P2002";

/**
 * Inside a money command, after its authorization: the stored result of an earlier call with
 * this key (CONFLICT for other parameters) to return as it is, or this call's claim on the key,
 * whose `record` stores the result in the same transaction.
 */
export async function replayOrClaim<T>(
  c: CommandContext,
  claim: IdempotencyClaim,
  load: (id: string) => Promise<T>,
): Promise<{ replay: T; record?: undefined } | { replay?: undefined; record: (resultId: string) => Promise<void> }> {
  const row = await c.tx.idempotencyKey.findUnique({ where: { actorKey_operation_key: { actorKey: actorKey(c.actor), operation: claim.operation, key: claim.key } } });
  if (row) {
    if (row.paramsHash !== paramsHash(claim.params)) throw conflict("This idempotency key was already used with different parameters", { idempotencyKey: claim.key, operation: claim.operation });
    return { replay: await load(row.resultId!) };
  }
  return { record: await claimIdempotency(c.tx, c.actor, c.now, claim) };
}

/**
 * Runs a keyed money command. A concurrent call that claimed the same key first (this one waited
 * on the key's unique index, then found it taken) is answered with that call's committed result;
 * database refusals of money rules become coded errors.
 */
export async function runKeyed<R>(run: () => Promise<R>, replay: () => Promise<R | undefined>): Promise<R> {
  try {
    return await run();
  } catch (e) {
    if (isIdempotencyTaken(e)) {
      const earlier = await replay();
      if (earlier !== undefined) return earlier;
    }
    throw moneyError(e);
  }
}
