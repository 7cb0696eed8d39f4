// Mentorship agreements (seed 004): objectives, scope, duration, confidentiality, commitment.
// Proposed by one party, accepted by the other. Once both accepted a version is immutable
// (here, and by a database trigger); amending proposes version n+1, which supersedes it when
// accepted. The job completes agreements after their end date.
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import { defineCommand, type CommandContext } from "../../lib/command.js";
import { conflict, notFound } from "../../lib/errors.js";
import { zId, zText } from "../../lib/validate.js";
import type { MentorshipAgreement } from "../../generated/prisma/client.js";
import { assertOpen, authorizeParty, isUniqueViolation, loadMentorship, partyOf } from "./mentorships.service.js";

const zDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .transform((s) => new Date(`${s}T00:00:00Z`))
  .refine((d) => !Number.isNaN(d.getTime()), "must be a real date");

const terms = z
  .object({
    objectives: zText(5000).min(1, "is required"),
    scope: zText(5000).min(1, "is required"),
    startsOn: zDay,
    endsOn: zDay,
    confidentiality: zText(5000).min(1, "is required"),
    sessionsPerMonth: z.number().int().min(1).max(60),
    commitmentNote: zText(2000).default(""),
  })
  .refine((t) => t.endsOn >= t.startsOn, { message: "must not be before startsOn", path: ["endsOn"] });

const proposeInput = z.object({ mentorshipId: zId, terms });

const LOCKED = "An agreement both parties accepted cannot be changed; propose an amendment (a new version)";

/** Unique-key races between two proposals surface as CONFLICT, not as a database error. */
const raceSafe =
  <R>(cmd: (deps: ServiceDeps, input: unknown) => Promise<R>, message: string) =>
  async (deps: ServiceDeps, input: unknown): Promise<R> => {
    try {
      return await cmd(deps, input);
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(message);
      throw e;
    }
  };

/**
 * Proposes the first version or an amendment (n+1). The proposer's acceptance is recorded with
 * the proposal; an earlier open proposal is withdrawn by the new one.
 */
export const proposeAgreementCommand = defineCommand({
  name: "agreements.propose",
  input: proposeInput,
  load: (c, i) => loadMentorship(c, i.mentorshipId),
  authorize: (g, m) => void authorizeParty(g, m, "Only the mentor and the mentee propose an agreement"),
  run: async (c, m, i) => {
    const { tx, now } = c;
    const party = partyOf(c, m);
    assertOpen(m);
    // Serialises proposals of one mentorship (version numbers), across processes.
    await tx.$queryRaw`SELECT id FROM "Mentorship" WHERE id = ${m.id} FOR UPDATE`;
    const last = await tx.mentorshipAgreement.findFirst({ where: { mentorshipId: m.id }, orderBy: { version: "desc" } });
    const accepted = await tx.mentorshipAgreement.findFirst({ where: { mentorshipId: m.id, status: "ACCEPTED" } });
    await tx.mentorshipAgreement.updateMany({ where: { mentorshipId: m.id, status: "PROPOSED" }, data: { status: "WITHDRAWN", closedAt: now, closeReason: `replaced by version ${(last?.version ?? 0) + 1}` } });
    const row = await tx.mentorshipAgreement.create({
      data: {
        mentorshipId: m.id,
        version: (last?.version ?? 0) + 1,
        ...i.terms,
        proposedBy: party,
        proposedAt: now,
        mentorAcceptedAt: party === "MENTOR" ? now : null,
        menteeAcceptedAt: party === "MENTEE" ? now : null,
        amendsVersion: accepted?.version ?? null,
        createdAt: now,
      },
    });
    const other = party === "MENTOR" ? m.menteeId : m.mentorId;
    await c.notify([{ userId: other, kind: "agreement.proposed", subject: `Mentorship agreement v${row.version} to review`, body: "Review the proposed terms and accept or decline them.", payload: { mentorshipId: m.id, agreementId: row.id }, dedupeKey: `agreement-proposed:${row.id}` }]);
    return row;
  },
});
export const proposeAgreement = raceSafe(proposeAgreementCommand, "Another version was proposed at the same time; reload");

/** The agreement, locked for the rest of the transaction, and its mentorship. */
async function lockAgreement(c: CommandContext, id: string) {
  const rows = await c.tx.$queryRaw<{ id: string }[]>`SELECT id FROM "MentorshipAgreement" WHERE id = ${id} FOR UPDATE`;
  if (!rows.length) throw notFound("Agreement", id);
  const a = await c.tx.mentorshipAgreement.findUniqueOrThrow({ where: { id } });
  return { a, m: await loadMentorship(c, a.mentorshipId) };
}

const updateInput = z.object({ agreementId: zId, terms });

/** The proposer revises an open proposal; refused once both accepted (immutable). */
export const updateAgreementProposal = defineCommand({
  name: "agreements.updateProposal",
  input: updateInput,
  load: (c, i) => lockAgreement(c, i.agreementId),
  authorize: (g, { a, m }) => {
    const party = authorizeParty(g, m);
    if (a.mentorAcceptedAt && a.menteeAcceptedAt) throw conflict(LOCKED, { version: a.version });
    if (a.status !== "PROPOSED") throw conflict(`Version ${a.version} is ${a.status.toLowerCase()}`);
    g.require(a.proposedBy === party, "Only the proposer revises a proposal; propose a new version instead");
  },
  run: (c, { a, m }, i) => {
    const party = partyOf(c, m);
    return c.tx.mentorshipAgreement.update({
      where: { id: a.id },
      data: { ...i.terms, proposedAt: c.now, mentorAcceptedAt: party === "MENTOR" ? c.now : null, menteeAcceptedAt: party === "MENTEE" ? c.now : null },
    });
  },
});

const idInput = z.object({ agreementId: zId });

/** The other party accepts: the version is in force and immutable; the previous one is superseded. */
export const acceptAgreement = defineCommand({
  name: "agreements.accept",
  input: idInput,
  load: (c, i) => lockAgreement(c, i.agreementId),
  authorize: (g, { a, m }) => {
    const party = authorizeParty(g, m, "Only the mentor and the mentee accept an agreement");
    if (a.status !== "PROPOSED") throw conflict(a.status === "ACCEPTED" ? LOCKED : `Version ${a.version} is ${a.status.toLowerCase()}`, { version: a.version });
    g.require(a.proposedBy !== party, "The other party accepts a proposal");
  },
  run: async (c, { a, m }) => {
    const { tx, now } = c;
    const party = partyOf(c, m);
    assertOpen(m);
    await tx.mentorshipAgreement.updateMany({ where: { mentorshipId: m.id, status: "ACCEPTED" }, data: { status: "SUPERSEDED", closedAt: now, closeReason: `amended by version ${a.version}` } });
    const row = await tx.mentorshipAgreement.update({
      where: { id: a.id },
      data: { status: "ACCEPTED", ...(party === "MENTOR" ? { mentorAcceptedAt: now } : { menteeAcceptedAt: now }) },
    });
    await tx.mentorship.update({ where: { id: m.id }, data: { status: "ACTIVE" } });
    const proposer = party === "MENTOR" ? m.menteeId : m.mentorId;
    await c.notify([{ userId: proposer, kind: "agreement.accepted", subject: `Mentorship agreement v${row.version} accepted`, body: "Both parties accepted the agreement; it is now in force.", payload: { mentorshipId: m.id, agreementId: row.id }, dedupeKey: `agreement-accepted:${row.id}` }]);
    return row;
  },
});

const declineInput = z.object({ agreementId: zId, reason: zText(1000).default("") });

/** The other party declines, or the proposer withdraws, an open proposal. */
export const declineAgreement = defineCommand({
  name: "agreements.decline",
  input: declineInput,
  load: (c, i) => lockAgreement(c, i.agreementId),
  authorize: (g, { m }) => void authorizeParty(g, m),
  run: (c, { a, m }, i) => {
    if (a.status !== "PROPOSED") throw conflict(a.status === "ACCEPTED" ? LOCKED : `Version ${a.version} is ${a.status.toLowerCase()}`);
    return c.tx.mentorshipAgreement.update({
      where: { id: a.id },
      data: { status: a.proposedBy === partyOf(c, m) ? "WITHDRAWN" : "DECLINED", closedAt: c.now, closeReason: i.reason || null },
    });
  },
});

/**
 * Job step: an accepted agreement whose end date has passed is completed, and its mentorship
 * too. The conditional update decides which process handles it; the loser does nothing.
 */
export const completeEndedAgreement = defineCommand({
  name: "agreements.complete",
  input: z.object({ agreementId: zId }),
  load: async (c, i) => c.tx.mentorshipAgreement.findUnique({ where: { id: i.agreementId }, include: { mentorship: true } }),
  authorize: (g, a) => g.can("update", "MentorshipAgreement", a ?? undefined),
  run: async (c, a, { agreementId: id }): Promise<boolean> => {
    if (!a) return false;
    const won = await c.tx.mentorshipAgreement.updateMany({ where: { id, status: "ACCEPTED" }, data: { status: "COMPLETED", closedAt: c.now, closeReason: "end date passed" } });
    if (!won.count) return false;
    await c.tx.mentorship.updateMany({ where: { id: a.mentorshipId, status: "ACTIVE" }, data: { status: "COMPLETED", endedAt: c.now, endReason: `agreement v${a.version} ended` } });
    await c.audit({ action: "agreement.complete", subjectType: "MentorshipAgreement", subjectId: id, before: { status: "ACCEPTED" }, after: { status: "COMPLETED" } });
    await c.notify(
      [a.mentorship.mentorId, a.mentorship.menteeId].map((userId) => ({
        userId,
        kind: "mentorship.completed",
        subject: "Your mentorship agreement has ended",
        body: `Agreement v${a.version} reached its end date; the mentorship is completed. Propose a new agreement to continue.`,
        payload: { mentorshipId: a.mentorshipId, agreementId: id },
        dedupeKey: `agreement-completed:${id}:${userId}`,
      })),
    );
    return true;
  },
});

/** Job: completes every accepted agreement whose end day (UTC) has passed. */
export async function completeEndedAgreements(deps: ServiceDeps): Promise<number> {
  const now = deps.clock.now();
  const startOfToday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const due = await deps.db.mentorshipAgreement.findMany({ where: { status: "ACCEPTED", endsOn: { lt: startOfToday } }, select: { id: true }, take: 200 });
  let n = 0;
  for (const { id } of due) if (await completeEndedAgreement(deps, { agreementId: id })) n++;
  return n;
}
