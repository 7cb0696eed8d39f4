import { DateTime } from "luxon";
import type { Job } from "../../jobs/runner.js";
import { currentPolicy } from "../policy/index.js";
import type { NoticeInput } from "../notifications/index.js";
import { z } from "zod";
import { asSystem, defineCommand } from "../../lib/command.js";
import { getPlatform, capitalise } from "../platform/index.js";
import { endDueSessions } from "./live.service.js";
import { liftExpiredPenalties } from "./tardiness.service.js";
import { endAbandonedSessions } from "./abandoned.js";

/** Calls end at the stipulated end; at start-up this catches up every overdue session. */
export const autoEndSessionsJob: Job = {
  name: "sessions.autoEnd",
  run: (deps) => endDueSessions(asSystem("sessions.autoEnd", deps)),
};

/** A mentor who left a live call and has not rejoined within the policy window hung up. */
export const mentorHangUpJob: Job = {
  name: "sessions.mentorHangUp",
  run: (deps) => endAbandonedSessions(deps),
};

/**
 * Reminders before a session (policy: minutes before, default 24 h and 1 h) into the outbox.
 * Dedupe keys (session, start time, reminder, user) make each exactly-once across processes
 * and reruns; after a reschedule the new start time gets its own reminders. When several are
 * due at once (the booking came late, or no process ran) only the nearest one is sent.
 */
const sendReminders = defineCommand({
  name: "sessions.sendReminders",
  input: z.object({}),
  authorize: (g) => g.can("update", "Session"),
  run: async (c): Promise<number> => {
    const { tx, now } = c;
    const { values } = await currentPolicy(tx);
    const marks = [...values.scheduling.reminderMinutesBefore].sort((a, b) => a - b);
    if (!marks.length) return 0;
    const horizon = new Date(now.getTime() + marks[marks.length - 1] * 60_000);
    const sessions = await tx.session.findMany({
      where: { state: "SCHEDULED", startsAt: { gt: now, lte: horizon } },
      include: { mentor: { select: { id: true, displayName: true, timeZone: true } }, mentee: { select: { id: true, displayName: true, timeZone: true } } },
      take: 500,
    });
    if (!sessions.length) return 0;
    const terms = await getPlatform(tx);
    const notices: NoticeInput[] = [];
    for (const s of sessions) {
      const due = marks.find((m) => now.getTime() >= s.startsAt.getTime() - m * 60_000);
      if (due === undefined) continue;
      for (const [me, other, otherLabel] of [
        [s.mentor, s.mentee, terms.menteeLabel],
        [s.mentee, s.mentor, terms.mentorLabel],
      ] as const) {
        const when = DateTime.fromJSDate(s.startsAt, { zone: me.timeZone }).toFormat("ccc d LLL yyyy, HH:mm ZZZZ");
        notices.push({
          userId: me.id,
          kind: "session.reminder",
          subject: `${terms.platformName}: your ${terms.sessionLabel} starts ${due >= 120 ? `in ${Math.round(due / 60)} hours` : `in ${due} minutes`}`,
          body: `${capitalise(terms.sessionLabel)} with ${other.displayName} (${otherLabel}) on ${when}. The room opens ${values.scheduling.roomOpensMinutesBefore} minutes before the start.`,
          payload: { sessionId: s.id, minutesBefore: due },
          dedupeKey: `session-reminder:${s.id}:${s.startsAt.getTime()}:${due}:${me.id}`,
        });
      }
    }
    return (await c.notify(notices)).length;
  },
});

/**
 * Reminders before a session (policy: minutes before, default 24 h and 1 h) into the outbox.
 * Dedupe keys (session, start time, reminder, user) make each exactly-once across processes
 * and reruns; after a reschedule the new start time gets its own reminders. When several are
 * due at once (the booking came late, or no process ran) only the nearest one is sent.
 */
export const sessionRemindersJob: Job = {
  name: "sessions.reminders",
  run: (deps) => sendReminders(asSystem("sessions.reminders", deps), {}),
};

/** Late records leave the policy window: their penalty is lifted, with a recorded reason. */
export const tardinessWindowJob: Job = {
  name: "sessions.tardinessWindow",
  run: (deps) => liftExpiredPenalties(asSystem("sessions.tardinessWindow", deps), {}),
};

export const sessionJobs: Job[] = [autoEndSessionsJob, mentorHangUpJob, sessionRemindersJob, tardinessWindowJob];
