// Complaint thresholds (seeds 000/001): distinct complainants per category inside the window.
// Reaching one enforces automatically, as the system actor.
import { z } from "zod";
import type { DbTx } from "../../lib/db.js";
import type { ServiceDeps } from "../../lib/deps.js";
import { asSystem, defineCommand, type CommandContext } from "../../lib/command.js";
import type { Enforcement } from "../../generated/prisma/client.js";
import { currentPolicy } from "../policy/index.js";
import type { PolicyValues } from "../policy/index.js";
import { loadRestrictions } from "./standing.service.js";
import { applyEnforcement, isUniqueViolation, type Applied } from "./apply.js";
import { tallyComplainants, type CountableReport } from "./complainants.js";

type SystemDeps = Omit<ServiceDeps, "actor" | "ability">;

export const THRESHOLD_RULES = {
  RUDENESS: { reporters: "MENTEE", count: (v: PolicyValues["safety"]) => v.rudenessDistinctMentees, first: "SUSPENSION", repeat: "BAN" },
  DECEPTION: { reporters: "MENTEE", count: (v: PolicyValues["safety"]) => v.deceptionDistinctMentees, first: "BAN", repeat: "BAN" },
  PRIVACY: { reporters: "ANY", count: (v: PolicyValues["safety"]) => v.privacyDistinctUsers, first: "BAN", repeat: "BAN" },
} as const;
export type ThresholdCategory = keyof typeof THRESHOLD_RULES;
export const isThresholdCategory = (c: string): c is ThresholdCategory => c in THRESHOLD_RULES;

export type CandidateReport = CountableReport;

/** Reports that may count: filed by users (not detectors), not yet counted in a threshold action. */
export async function candidateReports(tx: DbTx, subjectId: string, category: ThresholdCategory, since: Date): Promise<CandidateReport[]> {
  return tx.report.findMany({
    where: { subjectId, category, source: "USER", reporterId: { not: null }, thresholdEnforcementId: null, createdAt: { gte: since }, status: { not: "DISMISSED" } },
    select: { id: true, reporterId: true, reporterRole: true, status: true, createdAt: true, interactionKind: true },
  });
}

/** Pure: which reports count (verified, or upheld) and how many distinct complainants they come from under `v`. */
export function countComplainants(reports: CandidateReport[], category: ThresholdCategory, v: PolicyValues["safety"], now: Date) {
  const rule = THRESHOLD_RULES[category];
  return tallyComplainants(reports, rule.reporters, rule.count(v), v, now);
}

export type ThresholdOutcome = "NONE" | "SUSPENSION" | "BAN";

/** Pure: the action a threshold evaluation takes for this user and category. */
export function thresholdOutcome(reached: boolean, category: ThresholdCategory, priorTemporaryBan: boolean, alreadyBanned: boolean): ThresholdOutcome {
  if (!reached || alreadyBanned) return "NONE";
  const rule = THRESHOLD_RULES[category];
  return priorTemporaryBan ? rule.repeat : rule.first;
}

/** Prior state that decides between a first action and a repeat (seed 000: repeat -> permanent). */
export async function thresholdPrior(tx: DbTx, userId: string, category: ThresholdCategory, now: Date) {
  const [prior, restrictions, seq] = await Promise.all([
    tx.enforcement.count({ where: { userId, category, origin: "THRESHOLD", kind: "SUSPENSION", overturnedAt: null } }),
    loadRestrictions(tx, userId, now),
    tx.enforcement.count({ where: { userId, category, origin: "THRESHOLD" } }),
  ]);
  return { priorTemporaryBan: prior > 0, alreadyBanned: restrictions.account?.code === "ACCOUNT_BANNED", seq };
}

const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

/** Enforces one user's threshold for one category when reached, in the caller's transaction. */
export async function enforceThreshold(c: CommandContext, subjectId: string, category: ThresholdCategory): Promise<Applied | null> {
  const { tx, now } = c;
  const policy = await currentPolicy(tx);
  const v = policy.values.safety;
  const reports = await candidateReports(tx, subjectId, category, addDays(now, -v.complaintWindowDays));
  const { counted, distinct, reached } = countComplainants(reports, category, v, now);
  if (!reached) return null;
  const prior = await thresholdPrior(tx, subjectId, category, now);
  const outcome = thresholdOutcome(reached, category, prior.priorTemporaryBan, prior.alreadyBanned);
  if (outcome === "NONE") return null;
  const rule = THRESHOLD_RULES[category];
  return applyEnforcement(c, policy, {
    userId: subjectId,
    kind: outcome,
    category,
    origin: "THRESHOLD",
    reason: `Complaints of ${category.toLowerCase()} from ${distinct} distinct ${rule.reporters === "MENTEE" ? "mentees" : "users"} (threshold ${rule.count(v)})${prior.priorTemporaryBan ? " after an earlier temporary ban" : ""}`,
    dedupeKey: `threshold:${category}:${subjectId}:${prior.seq + 1}`,
    thresholdReportIds: counted.map((r) => r.id),
    auditExtra: { distinctComplainants: distinct, threshold: rule.count(v), countReports: v.countReports, requireVerifiedInteraction: v.requireVerifiedInteraction },
  });
}

/**
 * Evaluates one user's threshold for one category and enforces it when reached. Runs as the
 * system actor after the triggering write has committed, so concurrent reports all count; the
 * dedupe key (category + sequence) makes concurrent evaluations enforce once.
 */
const evaluateThresholdCommand = defineCommand({
  name: "safety.evaluateThreshold",
  input: z.object({ subjectId: z.string(), category: z.enum(Object.keys(THRESHOLD_RULES) as [ThresholdCategory, ...ThresholdCategory[]]) }),
  authorize: (g) => g.can("create", "Enforcement"),
  run: async (c, _none, { subjectId, category }): Promise<Enforcement | null> => (await enforceThreshold(c, subjectId, category))?.enforcement ?? null,
});

export async function evaluateThreshold(deps: SystemDeps, subjectId: string, category: ThresholdCategory): Promise<Enforcement | null> {
  try {
    return await evaluateThresholdCommand(asSystem("safety.thresholds", deps), { subjectId, category });
  } catch (e) {
    if (isUniqueViolation(e)) return null; // another process enforced the same threshold first
    throw e;
  }
}

/** After a policy change: apply the new thresholds to every user with uncounted complaints. */
export async function reevaluateAllThresholds(deps: SystemDeps): Promise<Enforcement[]> {
  const pairs = await deps.db.report.findMany({
    where: { category: { in: Object.keys(THRESHOLD_RULES) as ThresholdCategory[] }, source: "USER", thresholdEnforcementId: null, status: { not: "DISMISSED" } },
    distinct: ["subjectId", "category"],
    select: { subjectId: true, category: true },
  });
  const out: Enforcement[] = [];
  for (const p of pairs) {
    const e = await evaluateThreshold(deps, p.subjectId, p.category as ThresholdCategory);
    if (e) out.push(e);
  }
  return out;
}
