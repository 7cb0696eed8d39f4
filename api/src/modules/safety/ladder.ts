// The ladder (seed 003): Warning -> Strike (suspension) -> Ban; only steps inside the window count.
import type { DbTx } from "../../lib/db.js";
import type { PolicyValues } from "../policy/index.js";

export type LadderStep = "WARNING" | "STRIKE" | "BAN";
export const STEP_RANK: Record<LadderStep, number> = { WARNING: 0, STRIKE: 1, BAN: 2 };

export interface LadderHistory {
  warnings: number;
  strikes: number;
  banned: boolean;
}

export async function ladderHistory(tx: DbTx, userId: string, now: Date): Promise<LadderHistory> {
  const rows = await tx.enforcement.findMany({
    where: { userId, overturnedAt: null, OR: [{ countsUntil: { gt: now } }, { kind: "BAN" }] },
    select: { kind: true },
  });
  return {
    warnings: rows.filter((r) => r.kind === "WARNING").length,
    // A threshold temporary ban is a suspension too: it counts as a strike on the ladder.
    strikes: rows.filter((r) => r.kind === "STRIKE" || r.kind === "SUSPENSION").length,
    banned: rows.some((r) => r.kind === "BAN"),
  };
}

export function nextStep(h: LadderHistory, v: PolicyValues["safety"]): LadderStep {
  if (h.banned || h.strikes >= v.strikesBeforeBan) return "BAN";
  if (h.strikes + h.warnings >= 1) return "STRIKE";
  return "WARNING";
}

