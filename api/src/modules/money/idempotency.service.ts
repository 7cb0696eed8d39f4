// Idempotency keys for money mutations (Stripe's semantics). A key is scoped to the actor and
// the operation. The key row is inserted in the SAME transaction as the effect: with
// INSERT ... ON CONFLICT DO NOTHING a concurrent request with the same key waits on the unique
// index until the first commits (then replays its result) or rolls back (then runs itself).
// So a key never exists without its result, and a failed attempt can be retried with it.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import type { DbTx } from "../../lib/db.js";
import type { Actor } from "../../authz/viewer.js";
import { DomainError, conflict } from "../../lib/errors.js";
import { moneyError } from "./ledger.service.js";

export const zIdempotencyKey = z.string().trim().min(8, "must be at least 8 characters").max(200).regex(/^[\w.:-]+$/, "letters, digits and . _ : - only");

const TX = { maxWait: 30_000, timeout: 30_000 } as const;

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

export interface IdempotentCall<T extends { id: string }> {
  operation: string;
  key: string;
  /** The parsed input without the key: what "the same parameters" means. */
  params: unknown;
  resultType: string;
  /** The effect; runs once per (actor, operation, key). */
  run(tx: DbTx): Promise<T>;
  /** Reloads a stored result for a replay. */
  load(id: string): Promise<T>;
}

export async function idempotent<T extends { id: string }>(deps: ServiceDeps, c: IdempotentCall<T>): Promise<{ result: T; replayed: boolean }> {
  const scope = { actorKey: actorKey(deps.actor), operation: c.operation, key: c.key };
  const hash = paramsHash(c.params);
  const replay = async () => {
    const row = await deps.db.idempotencyKey.findUnique({ where: { actorKey_operation_key: scope } });
    if (!row) return undefined;
    if (row.paramsHash !== hash)
      throw conflict("This idempotency key was already used with different parameters", { idempotencyKey: c.key, operation: c.operation });
    return { result: await c.load(row.resultId!), replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  try {
    return await deps.db.$transaction(async (tx) => {
      const claimed = await tx.idempotencyKey.createManyAndReturn({
        data: [{ ...scope, paramsHash: hash, createdAt: deps.clock.now() }],
        skipDuplicates: true,
        select: { id: true },
      });
      if (!claimed.length) throw new Taken();
      const result = await c.run(tx);
      await tx.idempotencyKey.update({ where: { id: claimed[0].id }, data: { resultType: c.resultType, resultId: result.id } });
      return { result, replayed: false };
    }, TX);
  } catch (e) {
    if (e instanceof Taken || (e as { code?: string })?.code === "P2002") {
      const r = await replay();
      if (r) return r;
    }
    throw moneyError(e);
  }
}

// The same semantics for a command, which owns its transaction: replay before the command, claim
// the key inside the command's transaction, record the result there, replay again on a race.
export type IdempotencyClaim = Omit<IdempotentCall<{ id: string }>, "run" | "load">;

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
