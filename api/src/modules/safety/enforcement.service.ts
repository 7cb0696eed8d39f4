// Manual enforcement by staff (seed 003): severity may skip ladder steps. Applying lives in
// apply.ts, the ladder in ladder.ts, complaint thresholds in thresholds.ts.
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import { defineCommand } from "../../lib/command.js";
import { DomainError, notFound } from "../../lib/errors.js";
import { parseInput, zId } from "../../lib/validate.js";
import type { Enforcement } from "../../generated/prisma/client.js";
import { currentPolicy } from "../policy/index.js";
import { FEATURE_NAMES } from "./features.js";
import { applyEnforcement, isUniqueViolation } from "./apply.js";
import { ladderHistory, nextStep, STEP_RANK } from "./ladder.js";

const issueInput = z
  .object({
    userId: zId,
    kind: z.enum(["WARNING", "STRIKE", "BAN"]),
    scope: z.enum(["ACCOUNT", "FEATURE", "PROGRAM"]).default("ACCOUNT"),
    feature: z.enum(FEATURE_NAMES as [string, ...string[]]).optional(),
    programId: zId.optional(),
    category: z.enum(["RUDENESS", "DECEPTION", "PRIVACY", "SPAM", "OFF_PLATFORM", "HARASSMENT", "REVIEW_FAVOURS", "PERSONAL_INFO", "OTHER"]).optional(),
    reason: z.string().trim().min(3, "say why").max(2000),
    /** Client-chosen key: retrying the same request enforces once. */
    idempotencyKey: z.string().trim().min(8).max(100).optional(),
  })
  .refine((d) => d.scope !== "FEATURE" || !!d.feature, { path: ["feature"], message: "is required for a feature-scoped enforcement" })
  .refine((d) => d.scope !== "PROGRAM" || !!d.programId, { path: ["programId"], message: "is required for a program-scoped enforcement" });

const issueCommand = defineCommand({
  name: "safety.issueEnforcement",
  input: issueInput.and(z.object({ dedupeKey: z.string() })),
  load: (c, i) => c.tx.user.findUnique({ where: { id: i.userId }, select: { role: true } }),
  authorize: (g, target, i) => {
    g.can("create", "Enforcement", undefined, "Only trust & safety staff enforce");
    if (i.kind === "BAN") g.can("ban", "Enforcement", undefined, "Only trust & safety staff ban");
    if (g.actor?.kind === "USER" && g.actor.id === i.userId) throw new DomainError("BAD_USER_INPUT", "Staff cannot enforce against themselves");
    if (!target) throw notFound("User", i.userId);
    g.require(target.role !== "ADMIN", "Admins are not subject to enforcement");
  },
  run: async (c, _target, data): Promise<Enforcement> => {
    const policy = await currentPolicy(c.tx);
    const step = nextStep(await ladderHistory(c.tx, data.userId, c.now), policy.values.safety);
    const { enforcement } = await applyEnforcement(c, policy, {
      userId: data.userId,
      kind: data.kind,
      scope: data.scope,
      feature: data.feature,
      programId: data.programId,
      category: data.category ?? null,
      origin: "MANUAL",
      reason: data.reason,
      dedupeKey: data.dedupeKey,
      auditExtra: { ladderStep: step, skipped: STEP_RANK[data.kind] > STEP_RANK[step] },
    });
    return enforcement;
  },
});

export async function issueEnforcement(deps: ServiceDeps, input: unknown): Promise<Enforcement> {
  const data = parseInput(issueInput, input);
  const dedupeKey = `manual:${deps.actor?.kind === "USER" ? deps.actor.id : "system"}:${data.idempotencyKey ?? crypto.randomUUID()}`;
  try {
    return await issueCommand(deps, { ...data, dedupeKey });
  } catch (e) {
    if (isUniqueViolation(e)) return deps.db.enforcement.findUniqueOrThrow({ where: { dedupeKey } });
    throw e;
  }
}


