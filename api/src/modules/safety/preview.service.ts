// Dry run of a policy change: whose standing would change under proposed values. Reads only.
import type { DbTx } from "../../lib/db.js";
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import { parseInput } from "../../lib/validate.js";
import { assertCan } from "../../authz/assert.js";
import { applyChanges, currentPolicy, type PolicyValues } from "../policy/index.js";
import { ladderHistory, nextStep } from "./ladder.js";
import { THRESHOLD_RULES, candidateReports, countComplainants, thresholdOutcome, thresholdPrior, type ThresholdCategory } from "./thresholds.js";

export interface StandingChange {
  userId: string;
  aspect: string;
  current: string;
  proposed: string;
  detail: string;
}

const DAY = 86_400_000;

export async function standingChanges(db: DbTx, now: Date, current: PolicyValues, proposed: PolicyValues): Promise<StandingChange[]> {
  const out: StandingChange[] = [];
  const widest = Math.max(current.safety.complaintWindowDays, proposed.safety.complaintWindowDays);
  const pairs = await db.report.findMany({
    where: {
      category: { in: Object.keys(THRESHOLD_RULES) as ThresholdCategory[] },
      source: "USER",
      thresholdEnforcementId: null,
      status: { not: "DISMISSED" },
      createdAt: { gte: new Date(now.getTime() - widest * DAY) },
    },
    distinct: ["subjectId", "category"],
    select: { subjectId: true, category: true },
    orderBy: [{ subjectId: "asc" }, { category: "asc" }],
  });
  for (const { subjectId, category } of pairs) {
    const cat = category as ThresholdCategory;
    const reports = await candidateReports(db, subjectId, cat, new Date(now.getTime() - widest * DAY));
    const prior = await thresholdPrior(db, subjectId, cat, now);
    const a = countComplainants(reports, cat, current.safety, now);
    const b = countComplainants(reports, cat, proposed.safety, now);
    const oa = thresholdOutcome(a.reached, cat, prior.priorTemporaryBan, prior.alreadyBanned);
    const ob = thresholdOutcome(b.reached, cat, prior.priorTemporaryBan, prior.alreadyBanned);
    if (oa !== ob)
      out.push({
        userId: subjectId,
        aspect: `threshold.${cat}`,
        current: oa,
        proposed: ob,
        detail: `${a.distinct} distinct complainants now (${a.verified} verified, ${a.upheldUnverified} upheld without a verified interaction; threshold ${a.threshold}), ${b.distinct} under the proposal (${b.verified} verified, ${b.upheldUnverified} upheld or unverified counted; threshold ${b.threshold}); ${a.unverifiedPending} unverified waiting for review`,
      });
  }
  // The ladder: strikesBeforeBan decides the next step of users with counting enforcements.
  if (current.safety.strikesBeforeBan !== proposed.safety.strikesBeforeBan) {
    const users = await db.enforcement.findMany({ where: { overturnedAt: null, countsUntil: { gt: now } }, distinct: ["userId"], select: { userId: true }, orderBy: { userId: "asc" } });
    for (const { userId } of users) {
      const h = await ladderHistory(db, userId, now);
      const sa = nextStep(h, current.safety);
      const sb = nextStep(h, proposed.safety);
      if (sa !== sb) out.push({ userId, aspect: "ladder.nextStep", current: sa, proposed: sb, detail: `${h.strikes} strike(s) and ${h.warnings} warning(s) in the window` });
    }
  }
  return out;
}

const previewInput = z.object({ changes: z.record(z.string(), z.unknown()) });

export interface PolicyPreview {
  currentVersion: number;
  values: PolicyValues;
  changes: StandingChange[];
}

/**
 * Dry run of `updatePolicy`: validates the proposed values and lists the users whose standing
 * would change under them. Writes nothing (no version, no audit, no enforcement).
 */
export async function previewPolicyChange(deps: ServiceDeps, input: unknown): Promise<PolicyPreview> {
  const { changes } = parseInput(previewInput, input);
  assertCan(deps.ability, "update", "PolicyVersion", undefined, "Only admins change the policy");
  const cur = await currentPolicy(deps.db);
  const values = applyChanges(cur.values, changes);
  return { currentVersion: cur.version, values, changes: await standingChanges(deps.db, deps.clock.now(), cur.values, values) };
}
