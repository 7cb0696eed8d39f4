// First-session expectations checklist (seed 002): at the beginning of the first session the
// mentor covers (a) confidentiality, (b) expected results and the usual number of sessions,
// (c) openness, (d) a road map; the mentor marks each item covered.
import { z } from "zod";
import type { DbTx } from "../../lib/db.js";
import { defineCommand } from "../../lib/command.js";
import { DomainError, conflict, notFound } from "../../lib/errors.js";
import { zId, zText } from "../../lib/validate.js";
import type { Session } from "../../generated/prisma/client.js";
import type { ExpectationItem } from "../../generated/prisma/enums.js";

export const EXPECTATION_ITEMS = ["CONFIDENTIALITY", "EXPECTED_RESULTS", "OPENNESS", "ROAD_MAP"] as const;

/** Whether this is the pair's first session: no earlier session of theirs that was not cancelled. */
export async function isFirstSession(db: DbTx, s: Pick<Session, "id" | "mentorId" | "menteeId" | "startsAt">): Promise<boolean> {
  const earlier = await db.session.count({
    where: { mentorId: s.mentorId, menteeId: s.menteeId, id: { not: s.id }, state: { not: "CANCELLED" }, startsAt: { lt: s.startsAt } },
  });
  return earlier === 0;
}

export interface ChecklistItem {
  item: ExpectationItem;
  covered: boolean;
  coveredAt: Date | null;
  note: string;
}

export async function checklistOf(db: DbTx, sessionId: string): Promise<ChecklistItem[]> {
  const rows = await db.sessionExpectation.findMany({ where: { sessionId } });
  return EXPECTATION_ITEMS.map((item) => {
    const r = rows.find((x) => x.item === item);
    return { item, covered: !!r, coveredAt: r?.coveredAt ?? null, note: r?.note ?? "" };
  });
}

const markInput = z.object({ sessionId: zId, item: z.enum(EXPECTATION_ITEMS), note: zText(1000).default("") });

/**
 * The session's mentor marks an item covered (idempotent) during the pair's first session. It is
 * part of taking the session, so a booking suspension refuses it with its reason.
 */
export const markExpectationCovered = defineCommand({
  name: "conduct.markExpectationCovered",
  input: markInput,
  load: (c, i) => c.tx.session.findUnique({ where: { id: i.sessionId } }),
  authorize: (g, s, i) => {
    const me = g.user().id;
    if (!s || (s.mentorId !== me && s.menteeId !== me)) throw notFound("Session", i.sessionId);
    g.require(s.mentorId === me, "The mentor marks the expectations checklist");
    g.can("join", "Session", s, "The mentor marks the expectations checklist");
  },
  run: async (c, s, i) => {
    const session = s as Session;
    if (session.state === "CANCELLED") throw conflict("The session was cancelled");
    if (!(await isFirstSession(c.tx, session))) throw new DomainError("PRECONDITION_FAILED", "The expectations checklist belongs to the first session with this mentee");
    const existing = await c.tx.sessionExpectation.findUnique({ where: { sessionId_item: { sessionId: session.id, item: i.item } } });
    if (existing) return existing;
    return c.tx.sessionExpectation.create({ data: { sessionId: session.id, item: i.item, note: i.note, coveredAt: c.now, coveredById: session.mentorId } });
  },
});
