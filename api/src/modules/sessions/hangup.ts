// A mentor leaving a live call (seed 000, "Hanging up"). Ending early is solely the mentee's
// prerogative, so the mentor leaving does not end the call: it is recorded as a hang-up and the
// session stays LIVE for the mentee. It ends when the mentee ends it, at the stipulated end, or
// when the mentor has not rejoined within the policy window; in each of these cases a mentor who
// left and never came back hung up, and the mentee may claim the unlapsed minutes.
import type { DbTx } from "../../lib/db.js";
import { currentPolicy } from "../policy/index.js";

const MINUTE = 60_000;

/**
 * When the mentor left without coming back: the time of the mentor's HANG_UP presence when it is
 * the mentor's latest presence (a later JOIN is a rejoin and cancels it); otherwise null.
 */
export async function pendingHangUp(tx: DbTx, sessionId: string): Promise<Date | null> {
  const last = await tx.sessionPresence.findFirst({
    where: { sessionId, party: "MENTOR", kind: { in: ["JOIN", "LEAVE", "HANG_UP"] } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { kind: true, at: true },
  });
  return last?.kind === "HANG_UP" ? last.at : null;
}

export async function rejoinDeadline(tx: DbTx, leftAt: Date): Promise<Date> {
  const { values } = await currentPolicy(tx);
  return new Date(leftAt.getTime() + values.scheduling.mentorRejoinWindowMinutes * MINUTE);
}

export const HANG_UP_REASON = "The mentor left before the stipulated end and did not rejoin; the mentee may claim a partial refund for the unlapsed minutes";
