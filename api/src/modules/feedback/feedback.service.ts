// Session feedback (seed 004 "Feedback Mechanism"): after a session each side rates (1-5) and
// comments once; the mentor's rating aggregates the mentees' visible ratings; staff hide a
// review with an audited reason.
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import type { DbTx } from "../../lib/db.js";
import { DomainError, conflict, notFound } from "../../lib/errors.js";
import { parseInput, zId, zText } from "../../lib/validate.js";
import { assertCan } from "../../authz/assert.js";
import type { SessionFeedback } from "../../generated/prisma/client.js";
import { recordAudit, announceAudit } from "../audit/index.js";
import { currentPolicy } from "../policy/index.js";

const TX = { maxWait: 20_000, timeout: 20_000 } as const;

const leaveInput = z.object({ sessionId: zId, rating: z.number().int().min(1, "must be 1 to 5").max(5, "must be 1 to 5"), comment: zText(5000).default("") });

export async function leaveFeedback(deps: ServiceDeps, input: unknown): Promise<SessionFeedback> {
  const i = parseInput(leaveInput, input);
  if (deps.actor?.kind !== "USER") throw new DomainError("UNAUTHENTICATED", "Sign in first");
  const me = deps.actor.id;
  const now = deps.clock.now();
  const { values } = await currentPolicy(deps.db);
  try {
    return await deps.db.$transaction(async (tx) => {
      const s = await tx.session.findUnique({ where: { id: i.sessionId } });
      if (!s || (s.mentorId !== me && s.menteeId !== me)) throw notFound("Session", i.sessionId);
      assertCan(deps.ability, "create", "SessionFeedback", { authorId: me });
      if (s.state !== "ENDED") throw new DomainError("PRECONDITION_FAILED", "Feedback opens once the session has ended");
      const closes = new Date((s.endedAt ?? s.endsAt).getTime() + values.feedback.sessionFeedbackWindowDays * 86_400_000);
      if (now > closes) throw new DomainError("PRECONDITION_FAILED", `Feedback on this session closed at ${closes.toISOString()}`);
      const existing = await tx.sessionFeedback.findUnique({ where: { sessionId_authorId: { sessionId: s.id, authorId: me } } });
      if (existing) throw conflict("You already left feedback on this session", { feedbackId: existing.id });
      const mentorSide = s.mentorId === me;
      return tx.sessionFeedback.create({
        data: { sessionId: s.id, authorId: me, subjectId: mentorSide ? s.menteeId : s.mentorId, authorParty: mentorSide ? "MENTOR" : "MENTEE", rating: i.rating, comment: i.comment, createdAt: now },
      });
    }, TX);
  } catch (e) {
    // Two submissions at once: the unique (session, author) key lets one through.
    if ((e as { code?: string })?.code === "P2002") throw conflict("You already left feedback on this session");
    throw e;
  }
}

const hideInput = z.object({ feedbackId: zId, reason: zText(1000).min(1, "is required"), hidden: z.boolean().default(true) });

/** Staff hide (or show again) a review; the rating aggregate leaves hidden reviews out. */
export async function hideFeedback(deps: ServiceDeps, input: unknown): Promise<SessionFeedback> {
  const i = parseInput(hideInput, input);
  const now = deps.clock.now();
  const actorId = deps.actor?.kind === "USER" ? deps.actor.id : null;
  const { row, audit } = await deps.db.$transaction(async (tx) => {
    const f = await tx.sessionFeedback.findUnique({ where: { id: i.feedbackId } });
    if (!f) throw notFound("Feedback", i.feedbackId);
    assertCan(deps.ability, "review", "SessionFeedback", f, "Only staff hide reviews");
    const row = await tx.sessionFeedback.update({
      where: { id: f.id },
      data: i.hidden ? { hiddenAt: now, hiddenById: actorId, hiddenReason: i.reason } : { hiddenAt: null, hiddenById: null, hiddenReason: null },
    });
    const audit = await recordAudit(
      tx,
      deps.actor,
      { action: i.hidden ? "feedback.hide" : "feedback.show", subjectType: "SessionFeedback", subjectId: f.id, before: { hiddenAt: f.hiddenAt }, after: { hiddenAt: row.hiddenAt }, reason: i.reason },
      deps.requestId,
    );
    return { row, audit };
  }, TX);
  announceAudit(deps.pubsub, [audit]);
  return row;
}

export interface RatingSummary {
  average: number | null;
  count: number;
}

/** The mentor's rating: mean of the mentees' visible ratings (hidden reviews excluded). */
export async function mentorRating(db: DbTx, mentorId: string): Promise<RatingSummary> {
  const a = await db.sessionFeedback.aggregate({ where: { subjectId: mentorId, authorParty: "MENTEE", hiddenAt: null }, _avg: { rating: true }, _count: { _all: true } });
  return { average: a._avg.rating === null ? null : Math.round(a._avg.rating * 100) / 100, count: a._count._all };
}
