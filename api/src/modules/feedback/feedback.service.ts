// Session feedback (seed 004 "Feedback Mechanism"): after a session each side rates (1-5) and
// comments once; the mentor's rating aggregates the mentees' visible ratings; staff hide a
// review with an audited reason.
import { z } from "zod";
import type { DbTx } from "../../lib/db.js";
import { defineCommand } from "../../lib/command.js";
import { DomainError, conflict, notFound } from "../../lib/errors.js";
import { zId, zText } from "../../lib/validate.js";
import type { SessionFeedback } from "../../generated/prisma/client.js";
import { currentPolicy } from "../policy/index.js";

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === "P2002";

const leaveInput = z.object({ sessionId: zId, rating: z.number().int().min(1, "must be 1 to 5").max(5, "must be 1 to 5"), comment: zText(5000).default("") });

export const leaveFeedback = defineCommand({
  name: "feedback.leave",
  input: leaveInput,
  load: async (c, i) => {
    const [session, { values }] = await Promise.all([c.tx.session.findUnique({ where: { id: i.sessionId } }), currentPolicy(c.tx)]);
    return { session, windowDays: values.feedback.sessionFeedbackWindowDays };
  },
  authorize: (g, { session: s }, i) => {
    const me = g.user().id;
    // Only the session's parties learn that it exists.
    if (!s || (s.mentorId !== me && s.menteeId !== me)) throw notFound("Session", i.sessionId);
    g.can("create", "SessionFeedback", { authorId: me });
  },
  run: async (c, { session, windowDays }, i): Promise<SessionFeedback> => {
    const s = session as NonNullable<typeof session>;
    const me = (c.actor as { id: string }).id;
    if (s.state !== "ENDED") throw new DomainError("PRECONDITION_FAILED", "Feedback opens once the session has ended");
    const closes = new Date((s.endedAt ?? s.endsAt).getTime() + windowDays * 86_400_000);
    if (c.now > closes) throw new DomainError("PRECONDITION_FAILED", `Feedback on this session closed at ${closes.toISOString()}`);
    const existing = await c.tx.sessionFeedback.findUnique({ where: { sessionId_authorId: { sessionId: s.id, authorId: me } } });
    if (existing) throw conflict("You already left feedback on this session", { feedbackId: existing.id });
    const mentorSide = s.mentorId === me;
    try {
      return await c.tx.sessionFeedback.create({
        data: { sessionId: s.id, authorId: me, subjectId: mentorSide ? s.menteeId : s.mentorId, authorParty: mentorSide ? "MENTOR" : "MENTEE", rating: i.rating, comment: i.comment, createdAt: c.now },
      });
    } catch (e) {
      // Two submissions at once: the unique (session, author) key lets one through.
      if (isUniqueViolation(e)) throw conflict("You already left feedback on this session");
      throw e;
    }
  },
});

const hideInput = z.object({ feedbackId: zId, reason: zText(1000).min(1, "is required"), hidden: z.boolean().default(true) });

/** Staff hide (or show again) a review; the rating aggregate leaves hidden reviews out. */
export const hideFeedback = defineCommand({
  name: "feedback.hide",
  input: hideInput,
  load: async (c, i) => {
    const f = await c.tx.sessionFeedback.findUnique({ where: { id: i.feedbackId } });
    if (!f) throw notFound("Feedback", i.feedbackId);
    return f;
  },
  authorize: (g, f) => g.can("review", "SessionFeedback", f, "Only staff hide reviews"),
  run: async (c, f, i): Promise<SessionFeedback> => {
    const actorId = c.actor?.kind === "USER" ? c.actor.id : null;
    const row = await c.tx.sessionFeedback.update({
      where: { id: f.id },
      data: i.hidden ? { hiddenAt: c.now, hiddenById: actorId, hiddenReason: i.reason } : { hiddenAt: null, hiddenById: null, hiddenReason: null },
    });
    await c.audit({ action: i.hidden ? "feedback.hide" : "feedback.show", subjectType: "SessionFeedback", subjectId: f.id, before: { hiddenAt: f.hiddenAt }, after: { hiddenAt: row.hiddenAt }, reason: i.reason });
    return row;
  },
});

export interface RatingSummary {
  average: number | null;
  count: number;
}

/** The mentor's rating: mean of the mentees' visible ratings (hidden reviews excluded). */
export async function mentorRating(db: DbTx, mentorId: string): Promise<RatingSummary> {
  const a = await db.sessionFeedback.aggregate({ where: { subjectId: mentorId, authorParty: "MENTEE", hiddenAt: null }, _avg: { rating: true }, _count: { _all: true } });
  return { average: a._avg.rating === null ? null : Math.round(a._avg.rating * 100) / 100, count: a._count._all };
}
