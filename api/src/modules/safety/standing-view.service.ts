// viewer.standing: active strikes with drop-out dates, suspensions with end dates,
// appeal deadlines, and the next ladder step.
import type { DbTx } from "../../lib/db.js";
import type { Enforcement } from "../../generated/prisma/client.js";
import { currentPolicy } from "../policy/index.js";
import { activeWhere } from "./standing.service.js";
import { ladderHistory, nextStep, type LadderStep } from "./ladder.js";
import { THRESHOLD_RULES, candidateReports, countComplainants, type ThresholdCategory } from "./thresholds.js";

/** One complaint threshold as it stands: complainants not yet acted on, against the threshold. */
export interface ComplaintStanding {
  category: ThresholdCategory;
  threshold: number;
  /** Distinct complainants that count now (verified + upheld). */
  counted: number;
  verified: number;
  upheldUnverified: number;
  /** Distinct complainants without a verified interaction whose reports wait for review. */
  unverifiedPending: number;
  windowDays: number;
}

const DAY = 86_400_000;

/** Counts exactly as the threshold evaluation does (same candidate reports, same tally). */
export async function complaintStanding(db: DbTx, userId: string, now: Date, v: Awaited<ReturnType<typeof currentPolicy>>["values"]["safety"]): Promise<ComplaintStanding[]> {
  const since = new Date(now.getTime() - v.complaintWindowDays * DAY);
  return Promise.all(
    (Object.keys(THRESHOLD_RULES) as ThresholdCategory[]).map(async (category) => {
      const t = countComplainants(await candidateReports(db, userId, category, since), category, v, now);
      return { category, threshold: t.threshold, counted: t.distinct, verified: t.verified, upheldUnverified: t.upheldUnverified, unverifiedPending: t.unverifiedPending, windowDays: v.complaintWindowDays };
    }),
  );
}

export interface Standing {
  userId: string;
  status: "ACTIVE" | "SUSPENDED" | "BANNED" | "DEACTIVATED";
  warnings: Enforcement[];
  activeStrikes: Enforcement[];
  suspensions: Enforcement[];
  ban: Enforcement | null;
  appealable: Enforcement[];
  nextStep: LadderStep;
  complaints: ComplaintStanding[];
}

export async function standingOf(db: DbTx, userId: string, now: Date): Promise<Standing> {
  const [user, counting, active, appealable, policy, history] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { status: true } }),
    db.enforcement.findMany({ where: { userId, overturnedAt: null, countsUntil: { gt: now } }, orderBy: { startsAt: "asc" } }),
    db.enforcement.findMany({
      where: {
        ...activeWhere(now),
        AND: [{ OR: [{ userId }, { scope: "PROGRAM", program: { is: { members: { some: { userId, role: { in: ["MENTOR", "SUPPORT"] } } } } } }] }],
      },
      orderBy: { startsAt: "asc" },
    }),
    db.enforcement.findMany({ where: { userId, overturnedAt: null, appealDeadline: { gt: now }, appeal: { is: null } }, orderBy: { appealDeadline: "asc" } }),
    currentPolicy(db),
    ladderHistory(db, userId, now),
  ]);
  const ban = active.find((e) => e.kind === "BAN" && e.scope === "ACCOUNT" && e.userId === userId) ?? null;
  const accountSuspended = active.some((e) => e.scope === "ACCOUNT" && e.kind !== "BAN");
  // The clock decides: an ended suspension no longer applies even before the job resets the status.
  const status = user.status === "DEACTIVATED" ? "DEACTIVATED" : ban ? "BANNED" : accountSuspended ? "SUSPENDED" : "ACTIVE";
  return {
    userId,
    status,
    warnings: counting.filter((e) => e.kind === "WARNING"),
    activeStrikes: counting.filter((e) => e.kind === "STRIKE" || e.kind === "SUSPENSION"),
    suspensions: active.filter((e) => e.endsAt !== null || e.scope !== "ACCOUNT"),
    ban,
    appealable,
    nextStep: nextStep(history, policy.values.safety),
    complaints: await complaintStanding(db, userId, now, policy.values.safety),
  };
}
