// Ends the live sessions a mentor left and did not rejoin within the policy window (hangup.ts).
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import { asSystem, defineCommand } from "../../lib/command.js";
import { currentPolicy } from "../policy/index.js";
import { endAsHangUp } from "./live.service.js";
import { pendingHangUp } from "./hangup.js";

const MINUTE = 60_000;

/**
 * Ends every live session whose mentor left and has not rejoined within the policy window.
 * Rows are claimed FOR UPDATE SKIP LOCKED and ended with a conditional update, so several
 * processes end each session once.
 */
const endAbandoned = defineCommand({
  name: "sessions.mentorHangUp",
  input: z.object({}),
  authorize: (g) => g.can("end", "Session"),
  run: async (c): Promise<number> => {
    const { tx, now } = c;
    const { values } = await currentPolicy(tx);
    const cutoff = new Date(now.getTime() - values.scheduling.mentorRejoinWindowMinutes * MINUTE);
    const candidates = await tx.$queryRaw<{ id: string }[]>`
      SELECT s.id FROM "Session" s
      WHERE s.state = 'LIVE' AND EXISTS (
        SELECT 1 FROM "SessionPresence" p WHERE p."sessionId" = s.id AND p.party = 'MENTOR' AND p.kind = 'HANG_UP' AND p.at <= ${cutoff})
      ORDER BY s."startsAt" LIMIT 200 FOR UPDATE OF s SKIP LOCKED`;
    let ended = 0;
    for (const { id } of candidates) {
      const leftAt = await pendingHangUp(tx, id);
      if (!leftAt || leftAt > cutoff) continue;
      const s = await tx.session.findUniqueOrThrow({ where: { id } });
      if (await endAsHangUp(c, s, leftAt)) ended++;
    }
    return ended;
  },
});

export const endAbandonedSessions = (deps: Omit<ServiceDeps, "actor" | "ability">): Promise<number> => endAbandoned(asSystem("sessions.mentorHangUp", deps), {});
