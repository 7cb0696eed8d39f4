// Brigading: a burst of reports against one user from accounts that never met them and share
// signals (one client address, accounts created close together). The detector acts on nobody: it
// files one report for staff with the evidence, beside the unverified reports it points at.
import type { ServiceDeps } from "../../lib/deps.js";
import { systemActor } from "../../authz/viewer.js";
import type { Report } from "../../generated/prisma/client.js";
import { currentPolicy, type PolicyValues } from "../policy/index.js";
import { fileSystemReport } from "./system-reports.js";

export const BRIGADING_RULE = "brigading.burst";

export interface BurstReport {
  reportId: string;
  reporterId: string;
  reporterIp: string | null;
  accountCreatedAt: Date;
  filedAt: Date;
  category: string;
}

export type BrigadeSignal = { kind: "SAME_ADDRESS"; address: string; reporterIds: string[] } | { kind: "ACCOUNTS_CREATED_TOGETHER"; from: Date; to: Date; reporterIds: string[] };

export interface Brigade {
  signals: BrigadeSignal[];
  /** The unverified reports of the accounts that share a signal. */
  reports: BurstReport[];
}

type BrigadeSettings = Pick<PolicyValues["safety"], "brigadeMinReporters" | "brigadeAccountSpreadMinutes">;

/**
 * Pure: the brigade among unverified reports against one user inside the burst window, or null.
 * A signal needs `brigadeMinReporters` distinct accounts: one shared client address, or accounts
 * all created within `brigadeAccountSpreadMinutes` of each other.
 */
export function findBrigade(reports: BurstReport[], s: BrigadeSettings): Brigade | null {
  const signals: BrigadeSignal[] = [];
  const byAddress = new Map<string, Set<string>>();
  for (const r of reports) if (r.reporterIp) byAddress.set(r.reporterIp, (byAddress.get(r.reporterIp) ?? new Set()).add(r.reporterId));
  for (const [address, ids] of byAddress) if (ids.size >= s.brigadeMinReporters) signals.push({ kind: "SAME_ADDRESS", address, reporterIds: [...ids].sort() });

  // Accounts by creation time; the largest run inside the spread (two pointers).
  const accounts = [...new Map(reports.map((r) => [r.reporterId, r.accountCreatedAt])).entries()].sort((a, b) => a[1].getTime() - b[1].getTime());
  const spread = s.brigadeAccountSpreadMinutes * 60_000;
  let best: [number, number] = [0, 0];
  for (let i = 0, j = 0; j < accounts.length; j++) {
    while (accounts[j][1].getTime() - accounts[i][1].getTime() > spread) i++;
    if (j - i + 1 > best[1] - best[0]) best = [i, j + 1];
  }
  const together = accounts.slice(best[0], best[1]);
  if (together.length >= s.brigadeMinReporters)
    signals.push({ kind: "ACCOUNTS_CREATED_TOGETHER", from: together[0][1], to: together[together.length - 1][1], reporterIds: together.map(([id]) => id).sort() });

  if (!signals.length) return null;
  const members = new Set(signals.flatMap((g) => g.reporterIds));
  return { signals, reports: reports.filter((r) => members.has(r.reporterId)) };
}

/**
 * Looks at the unverified user reports against `subjectId` inside the burst window and files a
 * brigading report for staff when they come from accounts sharing a signal. One report per burst:
 * keyed by the burst's earliest report, so later reports of the same burst add nothing.
 */
export async function detectBrigading(deps: Pick<ServiceDeps, "db" | "pubsub" | "clock" | "requestId">, subjectId: string): Promise<Report | null> {
  const { values } = await currentPolicy(deps.db);
  const s = values.safety;
  const now = deps.clock.now();
  const since = new Date(now.getTime() - s.brigadeWindowMinutes * 60_000);
  const rows = await deps.db.report.findMany({
    where: { subjectId, source: "USER", interactionKind: null, reporterId: { not: null }, createdAt: { gte: since, lte: now } },
    select: { id: true, reporterId: true, reporterIp: true, category: true, createdAt: true, reporter: { select: { createdAt: true } } },
    orderBy: { createdAt: "asc" },
  });
  const burst: BurstReport[] = rows
    .filter((r) => r.reporter)
    .map((r) => ({ reportId: r.id, reporterId: r.reporterId!, reporterIp: r.reporterIp, accountCreatedAt: r.reporter!.createdAt, filedAt: r.createdAt, category: r.category }));
  const brigade = findBrigade(burst, s);
  if (!brigade) return null;
  const accounts = new Set(brigade.reports.map((r) => r.reporterId)).size;
  const why = brigade.signals.map((g) => (g.kind === "SAME_ADDRESS" ? `${g.reporterIds.length} from one client address` : `${g.reporterIds.length} accounts created within ${s.brigadeAccountSpreadMinutes} minutes of each other`));
  const description = `Possible brigading: ${brigade.reports.length} reports from ${accounts} accounts with no verified interaction within ${s.brigadeWindowMinutes} minutes (${why.join("; ")}). Nothing was enforced; review the reports and the accounts.`;
  const evidence = {
    windowMinutes: s.brigadeWindowMinutes,
    signals: brigade.signals.map((g) => (g.kind === "SAME_ADDRESS" ? g : { ...g, from: g.from.toISOString(), to: g.to.toISOString() })),
    reports: brigade.reports.map((r) => ({ ...r, accountCreatedAt: r.accountCreatedAt.toISOString(), filedAt: r.filedAt.toISOString() })),
  };
  const dedupeKey = `detector:${BRIGADING_RULE}:${subjectId}:${brigade.reports[0].reportId}`;
  // While staff have not decided it, the burst's report grows with the burst (one report, all evidence).
  const grown = await deps.db.report.updateMany({ where: { dedupeKey, status: "OPEN" }, data: { description, evidence } });
  if (grown.count) return deps.db.report.findUnique({ where: { dedupeKey } });
  return fileSystemReport(deps, systemActor("safety.brigading"), { subjectId, category: "OTHER", description, detectorRule: BRIGADING_RULE, evidence, dedupeKey });
}
