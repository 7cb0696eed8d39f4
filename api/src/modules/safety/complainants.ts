// Which complaints count toward an automatic threshold (seeds 000/001 speak of complaints "from
// mentees" of the mentor): only those whose reporter really met the subject on the platform, so
// throwaway accounts cannot remove anyone. Everything else waits for a person: an unverified
// complaint counts only once staff uphold it.
import type { DbTx } from "../../lib/db.js";
import type { ComplaintInteraction } from "../../generated/prisma/enums.js";
import type { PolicyValues } from "../policy/index.js";

const DAY = 86_400_000;

export interface VerifiedInteraction {
  kind: ComplaintInteraction;
  id: string;
}

/**
 * MENTEE_OF_SUBJECT: the reporter must be the subject's mentee (rudeness, deception: "from
 * mentees" of that mentor). EITHER: any pair, in either direction (privacy and the categories any
 * user may report).
 */
export type InteractionDirection = "MENTEE_OF_SUBJECT" | "EITHER";

/**
 * The interaction that verifies a complaint filed at `at`: a session between the two in a
 * qualifying state that started inside the complaint window, else a mentorship between them in a
 * qualifying status (one that has ended only if it ended inside the window). Policy data decides
 * the qualifying states.
 */
export async function verifiedInteraction(
  tx: DbTx,
  q: { reporterId: string; subjectId: string; direction: InteractionDirection; at: Date; values: PolicyValues["safety"] },
): Promise<VerifiedInteraction | null> {
  const since = new Date(q.at.getTime() - q.values.complaintWindowDays * DAY);
  const asMentee = { mentorId: q.subjectId, menteeId: q.reporterId };
  const pair = q.direction === "EITHER" ? { OR: [asMentee, { mentorId: q.reporterId, menteeId: q.subjectId }] } : asMentee;
  if (q.values.verifiedSessionStates.length) {
    const s = await tx.session.findFirst({
      where: { ...pair, state: { in: q.values.verifiedSessionStates }, startsAt: { gte: since, lte: q.at } },
      orderBy: { startsAt: "desc" },
      select: { id: true },
    });
    if (s) return { kind: "SESSION", id: s.id };
  }
  if (q.values.verifiedMentorshipStatuses.length) {
    const m = await tx.mentorship.findFirst({
      where: { ...pair, status: { in: q.values.verifiedMentorshipStatuses }, createdAt: { lte: q.at }, OR: [{ endedAt: null }, { endedAt: { gte: since } }] },
      orderBy: { createdAt: "desc" },
      select: { id: true },
    });
    if (m) return { kind: "MENTORSHIP", id: m.id };
  }
  return null;
}

export interface CountableReport {
  id: string;
  reporterId: string | null;
  reporterRole: string | null;
  status: string;
  createdAt: Date;
  interactionKind: ComplaintInteraction | null;
}

export interface ComplaintTally<R extends CountableReport = CountableReport> {
  /** The reports that count (an enforcement links them). */
  counted: R[];
  /** Distinct complainants among the counted reports. */
  distinct: number;
  reached: boolean;
  threshold: number;
  /** Distinct complainants counted through a verified interaction. */
  verified: number;
  /** Distinct complainants counted only because staff upheld their unverified report. */
  upheldUnverified: number;
  /** Distinct complainants whose open reports wait for review because nothing verified them. */
  unverifiedPending: number;
}

/** Pure: whether one report counts toward a threshold under `v`. */
export function reportCounts(r: CountableReport, v: PolicyValues["safety"]): boolean {
  if (r.status === "DISMISSED") return false;
  if (r.status === "UPHELD") return true;
  if (v.countReports === "UPHELD") return false;
  return !v.requireVerifiedInteraction || r.interactionKind !== null;
}

/**
 * Pure: which reports count and how many distinct complainants they come from. A complainant
 * counts once however many reports they file; `reporters` limits who may count (MENTEE or ANY).
 */
export function tallyComplainants<R extends CountableReport>(reports: R[], reporters: "MENTEE" | "ANY", threshold: number, v: PolicyValues["safety"], now: Date): ComplaintTally<R> {
  const since = now.getTime() - v.complaintWindowDays * DAY;
  const eligible = reports.filter((r) => r.reporterId && r.createdAt.getTime() >= since && (reporters === "ANY" || r.reporterRole === reporters));
  const counted = eligible.filter((r) => reportCounts(r, v));
  const complainants = new Set(counted.map((r) => r.reporterId!));
  const verified = new Set(counted.filter((r) => r.interactionKind !== null).map((r) => r.reporterId!));
  const upheldUnverified = new Set([...complainants].filter((id) => !verified.has(id)));
  const pending = new Set(eligible.filter((r) => r.status === "OPEN" && r.interactionKind === null && !complainants.has(r.reporterId!)).map((r) => r.reporterId!));
  return {
    counted,
    distinct: complainants.size,
    reached: complainants.size >= threshold,
    threshold,
    verified: verified.size,
    upheldUnverified: upheldUnverified.size,
    unverifiedPending: pending.size,
  };
}
