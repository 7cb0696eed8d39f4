// Mentorship agreements (seed 004): objectives, scope, duration, confidentiality, commitment.
// Proposed by one party, accepted by the other. Once both accepted a version is immutable
// (here, and by a database trigger); amending proposes version n+1, which supersedes it when
// accepted. The job completes agreements after their end date.
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import type { Db, DbTx } from "../../lib/db.js";
import type { PubSub } from "../../lib/pubsub.js";
import type { Actor } from "../../authz/viewer.js";
import { DomainError, conflict, notFound } from "../../lib/errors.js";
import { parseInput, zId, zText } from "../../lib/validate.js";
import type { MentorshipAgreement } from "../../generated/prisma/client.js";
import { recordAudit, announceAudit } from "../audit/index.js";
import { enqueueNotices, announceNotices } from "../notifications/index.js";
import { asParty, assertOpen, TX, isUniqueViolation } from "./mentorships.service.js";

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

/**
 * Proposes the first version or an amendment (n+1). The proposer's acceptance is recorded with
 * the proposal; an earlier open proposal is withdrawn by the new one.
 */
export async function proposeAgreement(deps: ServiceDeps, input: unknown): Promise<MentorshipAgreement> {
  const i = parseInput(proposeInput, input);
  const now = deps.clock.now();
  try {
    const { row, created } = await deps.db.$transaction(async (tx) => {
      const { m, party } = await asParty(deps, tx, i.mentorshipId, "Only the mentor and the mentee propose an agreement");
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
        },
      });
      const other = party === "MENTOR" ? m.menteeId : m.mentorId;
      const created = await enqueueNotices(
        tx,
        [{ userId: other, kind: "agreement.proposed", subject: `Mentorship agreement v${row.version} to review`, body: "Review the proposed terms and accept or decline them.", payload: { mentorshipId: m.id, agreementId: row.id }, dedupeKey: `agreement-proposed:${row.id}` }],
        now,
      );
      return { row, created };
    }, TX);
    announceNotices(deps.pubsub, created);
    return row;
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict("Another version was proposed at the same time; reload");
    throw e;
  }
}

const updateInput = z.object({ agreementId: zId, terms });

/** The proposer revises an open proposal; refused once both accepted (immutable). */
export async function updateAgreementProposal(deps: ServiceDeps, input: unknown): Promise<MentorshipAgreement> {
  const i = parseInput(updateInput, input);
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const a = await lockAgreement(tx, i.agreementId);
    const { party } = await asParty(deps, tx, a.mentorshipId);
    if (a.mentorAcceptedAt && a.menteeAcceptedAt) throw conflict(LOCKED, { version: a.version });
    if (a.status !== "PROPOSED") throw conflict(`Version ${a.version} is ${a.status.toLowerCase()}`);
    if (a.proposedBy !== party) throw new DomainError("FORBIDDEN", "Only the proposer revises a proposal; propose a new version instead");
    return tx.mentorshipAgreement.update({
      where: { id: a.id },
      data: { ...i.terms, proposedAt: now, mentorAcceptedAt: party === "MENTOR" ? now : null, menteeAcceptedAt: party === "MENTEE" ? now : null },
    });
  }, TX);
}

const idInput = z.object({ agreementId: zId });

/** The other party accepts: the version is in force and immutable; the previous one is superseded. */
export async function acceptAgreement(deps: ServiceDeps, input: unknown): Promise<MentorshipAgreement> {
  const { agreementId } = parseInput(idInput, input);
  const now = deps.clock.now();
  const { row, created } = await deps.db.$transaction(async (tx) => {
    const a = await lockAgreement(tx, agreementId);
    const { m, party } = await asParty(deps, tx, a.mentorshipId, "Only the mentor and the mentee accept an agreement");
    if (a.status !== "PROPOSED") throw conflict(a.status === "ACCEPTED" ? LOCKED : `Version ${a.version} is ${a.status.toLowerCase()}`, { version: a.version });
    if (a.proposedBy === party) throw new DomainError("FORBIDDEN", "The other party accepts a proposal");
    assertOpen(m);
    await tx.mentorshipAgreement.updateMany({ where: { mentorshipId: m.id, status: "ACCEPTED" }, data: { status: "SUPERSEDED", closedAt: now, closeReason: `amended by version ${a.version}` } });
    const row = await tx.mentorshipAgreement.update({
      where: { id: a.id },
      data: { status: "ACCEPTED", ...(party === "MENTOR" ? { mentorAcceptedAt: now } : { menteeAcceptedAt: now }) },
    });
    await tx.mentorship.update({ where: { id: m.id }, data: { status: "ACTIVE" } });
    const proposer = party === "MENTOR" ? m.menteeId : m.mentorId;
    const created = await enqueueNotices(
      tx,
      [{ userId: proposer, kind: "agreement.accepted", subject: `Mentorship agreement v${row.version} accepted`, body: "Both parties accepted the agreement; it is now in force.", payload: { mentorshipId: m.id, agreementId: row.id }, dedupeKey: `agreement-accepted:${row.id}` }],
      now,
    );
    return { row, created };
  }, TX);
  announceNotices(deps.pubsub, created);
  return row;
}

const declineInput = z.object({ agreementId: zId, reason: zText(1000).default("") });

/** The other party declines, or the proposer withdraws, an open proposal. */
export async function declineAgreement(deps: ServiceDeps, input: unknown): Promise<MentorshipAgreement> {
  const i = parseInput(declineInput, input);
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const a = await lockAgreement(tx, i.agreementId);
    const { party } = await asParty(deps, tx, a.mentorshipId);
    if (a.status !== "PROPOSED") throw conflict(a.status === "ACCEPTED" ? LOCKED : `Version ${a.version} is ${a.status.toLowerCase()}`);
    return tx.mentorshipAgreement.update({
      where: { id: a.id },
      data: { status: a.proposedBy === party ? "WITHDRAWN" : "DECLINED", closedAt: now, closeReason: i.reason || null },
    });
  }, TX);
}

async function lockAgreement(tx: DbTx, id: string): Promise<MentorshipAgreement> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "MentorshipAgreement" WHERE id = ${id} FOR UPDATE`;
  if (!rows.length) throw notFound("Agreement", id);
  return tx.mentorshipAgreement.findUniqueOrThrow({ where: { id } });
}

/**
 * Job: accepted agreements whose end date has passed (the whole end day, UTC) are completed and
 * their mentorship too. A conditional update decides which process handles each one.
 */
export async function completeEndedAgreements(db: Db, pubsub: PubSub, now: Date, actor: Actor): Promise<number> {
  const startOfToday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const due = await db.mentorshipAgreement.findMany({ where: { status: "ACCEPTED", endsOn: { lt: startOfToday } }, select: { id: true }, take: 200 });
  let n = 0;
  for (const { id } of due) {
    const out = await db.$transaction(async (tx) => {
      const won = await tx.mentorshipAgreement.updateMany({ where: { id, status: "ACCEPTED" }, data: { status: "COMPLETED", closedAt: now, closeReason: "end date passed" } });
      if (!won.count) return undefined;
      const a = await tx.mentorshipAgreement.findUniqueOrThrow({ where: { id }, include: { mentorship: true } });
      await tx.mentorship.updateMany({ where: { id: a.mentorshipId, status: "ACTIVE" }, data: { status: "COMPLETED", endedAt: now, endReason: `agreement v${a.version} ended` } });
      const audit = await recordAudit(tx, actor, { action: "agreement.complete", subjectType: "MentorshipAgreement", subjectId: id, before: { status: "ACCEPTED" }, after: { status: "COMPLETED" } });
      const created = await enqueueNotices(
        tx,
        [a.mentorship.mentorId, a.mentorship.menteeId].map((userId) => ({
          userId,
          kind: "mentorship.completed",
          subject: "Your mentorship agreement has ended",
          body: `Agreement v${a.version} reached its end date; the mentorship is completed. Propose a new agreement to continue.`,
          payload: { mentorshipId: a.mentorshipId, agreementId: id },
          dedupeKey: `agreement-completed:${id}:${userId}`,
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
