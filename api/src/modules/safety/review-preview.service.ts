// What a report decision would do, before staff confirm it: the review command and the threshold
// step after it are rehearsed in one transaction that is rolled back (lib/command.ts `rehearse`).
// The enforcement, the bookings the sessions module cancels on it and the refunds the ledger pays
// come from the same code the real decision runs, so the preview and the decision cannot
// disagree (unless something changes in between). A planning copy of the sessions module's
// choice of bookings would have to be kept in step by hand; the rehearsal cannot drift.
import type { ServiceDeps } from "../../lib/deps.js";
import { rehearse } from "../../lib/command.js";
import { DomainError } from "../../lib/errors.js";
import { parseInput } from "../../lib/validate.js";
import type { EnforcementKind, EnforcementOrigin, EnforcementScope, ReportCategory } from "../../generated/prisma/enums.js";
import type { Applied } from "./apply.js";
import { reviewCommand, reviewInput, thresholdAfterReview } from "./review.service.js";

export interface PlannedEnforcement {
  kind: EnforcementKind;
  scope: EnforcementScope;
  feature: string | null;
  programId: string | null;
  category: ReportCategory | null;
  origin: EnforcementOrigin;
  reason: string;
  endsAt: Date | null;
  appealDeadline: Date;
}

export interface SessionToCancel {
  id: string;
  startsAt: Date;
  mentorId: string;
  menteeId: string;
  /** What the mentee (the payer) gets back, in minor units of `currency`. */
  refundMinor: number;
  currency: string;
}

export interface DecisionPreview {
  reportId: string;
  decision: "UPHOLD" | "DISMISS";
  /** In the order they would be issued: the review's own, then a complaint threshold it completes. */
  enforcements: PlannedEnforcement[];
  sessionsToCancel: SessionToCancel[];
  /** Sum of the refunds per currency (one in practice: a mentor charges in one currency). */
  refundTotals: { amountMinor: number; currency: string }[];
}

const planned = ({ enforcement: e }: Applied): PlannedEnforcement => ({
  kind: e.kind,
  scope: e.scope,
  feature: e.feature,
  programId: e.programId,
  category: e.category,
  origin: e.origin,
  reason: e.reason,
  endsAt: e.endsAt,
  appealDeadline: e.appealDeadline,
});

/**
 * Dry run of `reviewReport` with the same input and the same permission (its authorization step
 * runs). Writes nothing: the rehearsal's transaction is always rolled back.
 */
export async function reportDecisionPreview(deps: ServiceDeps, input: unknown): Promise<DecisionPreview> {
  const data = parseInput(reviewInput, input);
  return rehearse(deps, "safety.previewReview", async (c) => {
    const reviewed = await reviewCommand.within(c, data);
    // A retry of the decision already taken would do nothing: the preview says it is taken.
    if (!reviewed.decided) throw new DomainError("CONFLICT", `This report was already ${reviewed.report.status.toLowerCase()}`);
    const threshold = await thresholdAfterReview(c, reviewed.report);
    const issued = [reviewed.issued, threshold].filter((a): a is Applied => !!a?.created);
    const sessionsToCancel = issued.flatMap((a) =>
      (a.effects.bookings?.sessions ?? []).map((s) => ({ id: s.id, startsAt: s.startsAt, mentorId: s.mentorId, menteeId: s.menteeId, refundMinor: s.refundedMinor, currency: s.currency })),
    );
    // A suspended mentee's bookings may be with mentors charging in different currencies.
    const totals = new Map<string, number>();
    for (const s of sessionsToCancel) if (s.refundMinor > 0) totals.set(s.currency, (totals.get(s.currency) ?? 0) + s.refundMinor);
    return {
      reportId: data.reportId,
      decision: data.decision,
      enforcements: issued.map(planned),
      sessionsToCancel,
      refundTotals: [...totals].map(([currency, amountMinor]) => ({ amountMinor, currency })),
    };
  });
}
