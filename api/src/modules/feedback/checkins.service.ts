// Regular feedback check-ins (seed 004): every N ended sessions of the pair or every W weeks
// (policy feedback.*), a check-in asks both sides how the mentorship is going. Answers are the
// staff's health signal per mentorship.
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import type { DbTx } from "../../lib/db.js";
import { defineCommand } from "../../lib/command.js";
import { conflict, notFound } from "../../lib/errors.js";
import { zId, zText } from "../../lib/validate.js";
import type { CheckInResponse } from "../../generated/prisma/client.js";
import { currentPolicy } from "../policy/index.js";

const WEEK = 7 * 86_400_000;

/** Ended sessions of the mentorship's pair since a moment. */
const endedSessionsSince = (db: DbTx, m: { mentorId: string; menteeId: string }, since: Date) =>
  db.session.count({ where: { mentorId: m.mentorId, menteeId: m.menteeId, state: "ENDED", endsAt: { gt: since } } });

const openInput = z.object({
  mentorshipId: zId,
  sequence: z.number().int().min(1),
  trigger: z.enum(["SESSIONS", "WEEKS"]),
  sessions: z.number().int().min(0),
});

/**
 * Job step: opens one check-in. The (mentorship, sequence) key decides which process creates
 * it; only the winner notifies and audits.
 */
export const openCheckIn = defineCommand({
  name: "checkIns.open",
  input: openInput,
  load: (c, i) => c.tx.mentorship.findUnique({ where: { id: i.mentorshipId } }),
  authorize: (g, m) => g.can("create", "MentorshipCheckIn", m ? { mentorshipId: m.id } : undefined),
  run: async (c, m, { mentorshipId, sequence, trigger, sessions }): Promise<boolean> => {
    if (!m) return false;
    const made = await c.tx.mentorshipCheckIn.createManyAndReturn({ data: [{ mentorshipId, sequence, trigger, sessionCount: sessions, createdAt: c.now }], skipDuplicates: true });
    if (!made.length) return false;
    const ci = made[0];
    await c.audit({ action: "checkIn.open", subjectType: "MentorshipCheckIn", subjectId: ci.id, after: { mentorshipId, sequence, trigger, sessions } });
    await c.notify(
      [m.mentorId, m.menteeId].map((userId) => ({
        userId,
        kind: "mentorship.checkIn",
        subject: "How is your mentorship going?",
        body: "A regular feedback check-in is open: rate how the mentorship is going (1-5) and add a comment.",
        payload: { mentorshipId, checkInId: ci.id },
        dedupeKey: `check-in:${ci.id}:${userId}`,
      })),
    );
    return true;
  },
});

/** Job: opens the next check-in of each active mentorship that is due (policy feedback.*). */
export async function openDueCheckIns(deps: ServiceDeps): Promise<number> {
  const { db } = deps;
  const now = deps.clock.now();
  const { values } = await currentPolicy(db);
  const { checkInEverySessions, checkInEveryWeeks } = values.feedback;
  const active = await db.mentorship.findMany({
    where: { status: "ACTIVE" },
    select: { id: true, mentorId: true, menteeId: true, createdAt: true, checkIns: { orderBy: { sequence: "desc" }, take: 1 } },
    take: 500,
  });
  let n = 0;
  for (const m of active) {
    const last = m.checkIns[0];
    const since = last?.createdAt ?? m.createdAt;
    const sessions = await endedSessionsSince(db, m, since);
    const trigger = sessions >= checkInEverySessions ? "SESSIONS" : now.getTime() - since.getTime() >= checkInEveryWeeks * WEEK ? "WEEKS" : undefined;
    if (!trigger) continue;
    if (await openCheckIn(deps, { mentorshipId: m.id, sequence: (last?.sequence ?? 0) + 1, trigger, sessions })) n++;
  }
  return n;
}

const answerInput = z.object({ checkInId: zId, score: z.number().int().min(1, "must be 1 to 5").max(5, "must be 1 to 5"), comment: zText(5000).default("") });

/**
 * A party answers a check-in. It is a write on the mentorship, so a program suspension refuses
 * it with its reason.
 */
const answerCheckInCommand = defineCommand({
  name: "checkIns.answer",
  input: answerInput,
  load: (c, i) => c.tx.mentorshipCheckIn.findUnique({ where: { id: i.checkInId }, include: { mentorship: true } }),
  authorize: (g, ci, i) => {
    const me = g.user().id;
    if (!ci || (ci.mentorship.mentorId !== me && ci.mentorship.menteeId !== me)) throw notFound("Check-in", i.checkInId);
    g.can("update", "Mentorship", ci.mentorship);
    g.can("create", "CheckInResponse", { userId: me });
  },
  run: async (c, ci, i): Promise<CheckInResponse> => {
    const c0 = ci as NonNullable<typeof ci>;
    const me = (c.actor as { id: string }).id;
    const party = c0.mentorship.mentorId === me ? "MENTOR" : "MENTEE";
    const existing = await c.tx.checkInResponse.findUnique({ where: { checkInId_party: { checkInId: c0.id, party } } });
    if (existing) throw conflict("You already answered this check-in");
    return c.tx.checkInResponse.create({ data: { checkInId: c0.id, userId: me, party, score: i.score, comment: i.comment, answeredAt: c.now } });
  },
});

export async function answerCheckIn(deps: ServiceDeps, input: unknown): Promise<CheckInResponse> {
  try {
    return await answerCheckInCommand(deps, input);
  } catch (e) {
    if ((e as { code?: string })?.code === "P2002") throw conflict("You already answered this check-in");
    throw e;
  }
}

export interface Health {
  responses: number;
  averageScore: number | null;
  lastScore: number | null;
  lowScores: number;
  unansweredCheckIns: number;
}

/** Staff health signal: answers over all check-ins of a mentorship. */
export async function mentorshipHealth(db: DbTx, mentorshipId: string): Promise<Health> {
  const checkIns = await db.mentorshipCheckIn.findMany({ where: { mentorshipId }, include: { responses: true }, orderBy: { sequence: "asc" } });
  const rs = checkIns.flatMap((c) => c.responses).sort((a, b) => a.answeredAt.getTime() - b.answeredAt.getTime());
  return {
    responses: rs.length,
    averageScore: rs.length ? Math.round((rs.reduce((s, r) => s + r.score, 0) / rs.length) * 100) / 100 : null,
    lastScore: rs.at(-1)?.score ?? null,
    lowScores: rs.filter((r) => r.score <= 2).length,
    unansweredCheckIns: checkIns.filter((c) => c.responses.length < 2).length,
  };
}
