// Regular feedback check-ins (seed 004): every N ended sessions of the pair or every W weeks
// (policy feedback.*), a check-in asks both sides how the mentorship is going. Answers are the
// staff's health signal per mentorship.
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import type { Db, DbTx } from "../../lib/db.js";
import type { PubSub } from "../../lib/pubsub.js";
import type { Actor } from "../../authz/viewer.js";
import { DomainError, conflict, notFound } from "../../lib/errors.js";
import { parseInput, zId, zText } from "../../lib/validate.js";
import type { CheckInResponse } from "../../generated/prisma/client.js";
import { recordAudit, announceAudit } from "../audit/index.js";
import { enqueueNotices, announceNotices } from "../notifications/index.js";
import { currentPolicy } from "../policy/index.js";

const TX = { maxWait: 20_000, timeout: 20_000 } as const;
const WEEK = 7 * 86_400_000;

/** Ended sessions of the mentorship's pair since a moment. */
const endedSessionsSince = (db: DbTx, m: { mentorId: string; menteeId: string }, since: Date) =>
  db.session.count({ where: { mentorId: m.mentorId, menteeId: m.menteeId, state: "ENDED", endsAt: { gt: since } } });

/**
 * Job: opens the next check-in of each active mentorship that is due. The (mentorship,
 * sequence) key decides which process creates it; only the winner notifies and audits.
 */
export async function openDueCheckIns(db: Db, pubsub: PubSub, now: Date, actor: Actor): Promise<number> {
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
    const sequence = (last?.sequence ?? 0) + 1;
    const out = await db.$transaction(async (tx) => {
      const made = await tx.mentorshipCheckIn.createManyAndReturn({ data: [{ mentorshipId: m.id, sequence, trigger, sessionCount: sessions, createdAt: now }], skipDuplicates: true });
      if (!made.length) return undefined;
      const c = made[0];
      const audit = await recordAudit(tx, actor, { action: "checkIn.open", subjectType: "MentorshipCheckIn", subjectId: c.id, after: { mentorshipId: m.id, sequence, trigger, sessions } });
      const created = await enqueueNotices(
        tx,
        [m.mentorId, m.menteeId].map((userId) => ({
          userId,
          kind: "mentorship.checkIn",
          subject: "How is your mentorship going?",
          body: "A regular feedback check-in is open: rate how the mentorship is going (1-5) and add a comment.",
          payload: { mentorshipId: m.id, checkInId: c.id },
          dedupeKey: `check-in:${c.id}:${userId}`,
        })),
        now,
      );
      return { audit, created };
    }, TX);
    if (!out) continue;
    n++;
    announceAudit(pubsub, [out.audit]);
    announceNotices(pubsub, out.created);
  }
  return n;
}

const answerInput = z.object({ checkInId: zId, score: z.number().int().min(1, "must be 1 to 5").max(5, "must be 1 to 5"), comment: zText(5000).default("") });

export async function answerCheckIn(deps: ServiceDeps, input: unknown): Promise<CheckInResponse> {
  const i = parseInput(answerInput, input);
  if (deps.actor?.kind !== "USER") throw new DomainError("UNAUTHENTICATED", "Sign in first");
  const me = deps.actor.id;
  const now = deps.clock.now();
  try {
    return await deps.db.$transaction(async (tx) => {
      const c = await tx.mentorshipCheckIn.findUnique({ where: { id: i.checkInId }, include: { mentorship: true } });
      if (!c || (c.mentorship.mentorId !== me && c.mentorship.menteeId !== me)) throw notFound("Check-in", i.checkInId);
      const party = c.mentorship.mentorId === me ? "MENTOR" : "MENTEE";
      const existing = await tx.checkInResponse.findUnique({ where: { checkInId_party: { checkInId: c.id, party } } });
      if (existing) throw conflict("You already answered this check-in");
      return tx.checkInResponse.create({ data: { checkInId: c.id, userId: me, party, score: i.score, comment: i.comment, answeredAt: now } });
    }, TX);
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
