import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import type { DbTx } from "../../lib/db.js";
import { DomainError } from "../../lib/errors.js";
import { assertCan } from "../../authz/assert.js";
import { parseInput } from "../../lib/validate.js";
import { consumeLimit } from "../../lib/rate-limit.js";
import { defineCommand } from "../../lib/command.js";
import { policyValuesSchema, defaultPolicy, type PolicyValues } from "./policy.values.js";
import type { Prisma } from "../../generated/prisma/client.js";

export type { PolicyValues };

export interface PolicyInForce {
  version: number;
  values: PolicyValues;
}

/** The policy in force: the newest version, or the seed defaults (version 0) before any edit. */
export async function currentPolicy(db: DbTx): Promise<PolicyInForce> {
  const row = await db.policyVersion.findFirst({ orderBy: { version: "desc" }, select: { version: true, values: true } });
  if (!row) return { version: 0, values: defaultPolicy() };
  return { version: row.version, values: policyValuesSchema.parse(row.values) };
}

/** The policy as it was at `version` (bookings keep the terms in force when they were made). */
export async function policyAtVersion(db: DbTx, version: number): Promise<PolicyInForce> {
  if (version === 0) return { version: 0, values: defaultPolicy() };
  const row = await db.policyVersion.findUnique({ where: { version }, select: { version: true, values: true } });
  if (!row) return currentPolicy(db);
  return { version: row.version, values: policyValuesSchema.parse(row.values) };
}

function deepMerge(base: unknown, patch: unknown): unknown {
  if (patch === undefined) return base;
  if (typeof base !== "object" || base === null || Array.isArray(base)) return patch;
  if (typeof patch !== "object" || patch === null || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) out[k] = deepMerge(out[k], v);
  return out;
}

const updateInput = z.object({
  changes: z.record(z.string(), z.unknown()),
  reason: z.string().trim().min(3, "say why the policy changes").max(2000),
  /** Optimistic concurrency: the version the admin edited. */
  expectedVersion: z.number().int().min(0).optional(),
});

/** The policy that would be in force after `changes` (validated), without writing anything. */
export function applyChanges(current: PolicyValues, changes: unknown): PolicyValues {
  const merged = deepMerge(current, changes);
  const res = policyValuesSchema.safeParse(merged);
  if (!res.success) {
    const fields: Record<string, string> = {};
    for (const i of res.error.issues) fields[i.path.join(".")] ??= i.message;
    throw new DomainError("BAD_USER_INPUT", `Invalid policy: ${Object.entries(fields).map(([k, v]) => `${k} ${v}`).join("; ")}`, { fields });
  }
  return res.data;
}

/** A new policy version, stamped with the command's clock (time travel and replays agree). */
export const updatePolicy = defineCommand({
  name: "policy.update",
  input: updateInput,
  authorize: (g) => g.can("update", "PolicyVersion", undefined, "Only admins change the policy"),
  run: async (c, _none, { changes, reason, expectedVersion }): Promise<PolicyInForce> => {
    const cur = await currentPolicy(c.tx);
    if (expectedVersion !== undefined && expectedVersion !== cur.version)
      throw new DomainError("CONFLICT", `Policy changed meanwhile: version ${cur.version} is in force, you edited ${expectedVersion}`);
    const values = applyChanges(cur.values, changes);
    const version = cur.version + 1;
    // The unique version number makes two concurrent edits collide instead of both winning.
    await c.tx.policyVersion.create({
      data: { version, values: values as unknown as Prisma.InputJsonValue, reason, createdById: c.actor?.kind === "USER" ? c.actor.id : null, createdAt: c.now },
    });
    await c.audit({ action: "policy.update", subjectType: "PolicyVersion", subjectId: String(version), before: cur.values, after: values, reason });
    // Cached viewers carry restrictions read under the old policy: every process drops them.
    c.publish("authRevoked", { userId: null, authSessionIds: null, revoked: false });
    return { version, values };
  },
});

type PolicyChangedHook = (deps: ServiceDeps) => Promise<void>;
const policyChangedHooks: PolicyChangedHook[] = [];
/** Modules that act on policy values (safety's thresholds) register here; policy imports none of them. */
export function onPolicyChanged(hook: PolicyChangedHook): void {
  policyChangedHooks.push(hook);
}
/** After a committed policy change: each registered module re-applies what depends on the values. */
export async function announcePolicyChanged(deps: ServiceDeps): Promise<void> {
  for (const hook of policyChangedHooks) await hook(deps);
}

const CONTENT_LIMITS = {
  forumThread: { key: "forumThreadsPerHour", seconds: 3600 },
  forumPost: { key: "forumPostsPerHour", seconds: 3600 },
  chatMessage: { key: "chatMessagesPerMinute", seconds: 60 },
  report: { key: "reportsPerDay", seconds: 86_400 },
  supportTicket: { key: "supportTicketsPerDay", seconds: 86_400 },
} as const satisfies Record<string, { key: keyof PolicyValues["rateLimits"]; seconds: number }>;

/**
 * Counts one piece of content by `userId` against its per-user limit (policy `rateLimits`) and
 * refuses it with RATE_LIMITED (and retryAfterSeconds) past the limit.
 */
export async function countContent(deps: Pick<ServiceDeps, "db" | "clock" | "limits">, kind: keyof typeof CONTENT_LIMITS, userId: string): Promise<void> {
  const { values } = await currentPolicy(deps.db);
  const l = CONTENT_LIMITS[kind];
  await consumeLimit(deps, { name: `content-${kind}`, points: values.rateLimits[l.key], durationSeconds: l.seconds }, userId, "You are posting too fast");
}
