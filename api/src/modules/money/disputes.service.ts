// Disputes (seed 004, conflict resolution): either party opens one on a session (money at
// stake) or on the mentorship as a whole (a mentor-mentee pair, no money). Support assigns it,
// adds internal notes (staff only) and messages (both parties see them), and resolves it with
// an outcome. Every change bumps `version`; an edit made against a stale version is a CONFLICT.
// Resolved disputes are read-only.
import { z } from "zod";
import { subject } from "@casl/ability";
import type { ServiceDeps } from "../../lib/deps.js";
import type { DbTx } from "../../lib/db.js";
import type { PubSub, DisputeEventKind } from "../../lib/pubsub.js";
import type { Actor } from "../../authz/viewer.js";
import type { Dispute, DisputeNote } from "../../generated/prisma/client.js";
import { ReportCategory } from "../../generated/prisma/enums.js";
import { DomainError, badInput, conflict, notFound } from "../../lib/errors.js";
import { parseInput, zId } from "../../lib/validate.js";
import { assertCan, readableOrNotFound } from "../../authz/assert.js";
import { recordAudit, announceAudit } from "../audit/index.js";
import { currentPolicy } from "../policy/index.js";
import { enqueueNotices, announceNotices, type NoticeInput } from "../notifications/index.js";
import { getPlatform } from "../platform/index.js";
import { fileSystemReport } from "../safety/index.js";
import { applyRefund, refundableMinor } from "./ledger.service.js";
import { idempotent, zIdempotencyKey } from "./idempotency.service.js";
import { formatMoney, zMoneyInput } from "./refunds.service.js";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const TX = { maxWait: 20_000, timeout: 20_000 } as const;

export const isStaff = (actor: Actor | null) => actor?.kind === "USER" && (actor.role === "ADMIN" || actor.role === "SUPPORT");

const userId = (deps: ServiceDeps) => {
  if (deps.actor?.kind !== "USER") throw new DomainError("UNAUTHENTICATED", "Sign in first");
  return deps.actor.id;
};

/** After commit: the dispute's own feed and the staff queue. Events carry ids only. */
export function announceDispute(pubsub: PubSub, id: string, kind: DisputeEventKind): void {
  pubsub.publish("disputeUpdated", id, { id });
  pubsub.publish("disputeQueue", { id, kind });
}

/** Serialises dispute openings for one session / one pair (PostgreSQL advisory lock). */
const lockKey = (tx: DbTx, key: string) => tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;

/** The dispute if the viewer may read it; otherwise NOT_FOUND (no existence leak). */
async function readableDispute(deps: ServiceDeps, db: DbTx, id: string): Promise<Dispute> {
  const d = await db.dispute.findUnique({ where: { id } });
  if (!d || !deps.ability.can("read", subject("Dispute", d) as never)) throw notFound("Dispute", id);
  return d;
}

async function noticeParties(tx: DbTx, d: Dispute, exceptUserId: string | null, kind: string, subjectLine: string, body: string, key: string, now: Date) {
  const notices: NoticeInput[] = [d.mentorId, d.menteeId]
    .filter((u) => u !== exceptUserId)
    .map((u) => ({ userId: u, kind, subject: subjectLine, body, payload: { disputeId: d.id }, dedupeKey: `${kind}:${d.id}:${key}:${u}` }));
  return enqueueNotices(tx, notices, now);
}

// ---------------------------------------------------------------------------------------------

export interface OpenDisputeSpec {
  scope: "SESSION" | "MENTORSHIP";
  sessionId: string | null;
  mentorId: string;
  menteeId: string;
  openedById: string;
  openedBy: "MENTOR" | "MENTEE";
  reason: string;
  evidence: string;
  partialRefundId?: string;
}

/** Writes a dispute inside the caller's transaction (openDispute, a contested partial refund). */
export async function openDisputeTx(tx: DbTx, spec: OpenDisputeSpec, actor: Actor | null, now: Date, requestId?: string) {
  await lockKey(tx, spec.scope === "SESSION" ? `dispute:session:${spec.sessionId}` : `dispute:pair:${spec.mentorId}:${spec.menteeId}`);
  const open = await tx.dispute.findFirst({
    where: { status: { not: "RESOLVED" }, ...(spec.scope === "SESSION" ? { sessionId: spec.sessionId } : { scope: "MENTORSHIP", mentorId: spec.mentorId, menteeId: spec.menteeId }) },
    select: { id: true },
  });
  if (open) throw conflict(`A dispute on this ${spec.scope === "SESSION" ? "session" : "mentorship"} is already open`, { disputeId: open.id });
  const { values } = await currentPolicy(tx);
  const d = await tx.dispute.create({
    data: { ...spec, partialRefundId: spec.partialRefundId ?? null, responseDueAt: new Date(now.getTime() + values.disputes.responseDeadlineHours * HOUR), createdAt: now, updatedAt: now },
  });
  const auditId = await recordAudit(tx, actor, { action: "dispute.open", subjectType: "Dispute", subjectId: d.id, after: { scope: d.scope, sessionId: d.sessionId, openedBy: d.openedBy, responseDueAt: d.responseDueAt, partialRefundId: d.partialRefundId }, reason: spec.reason }, requestId);
  const terms = await getPlatform(tx);
  const who = spec.openedBy === "MENTOR" ? terms.mentorLabel : terms.menteeLabel;
  const notices = await noticeParties(tx, d, spec.openedById, "dispute.opened", `${terms.platformName}: a dispute was opened`, `The ${who} opened a dispute${d.sessionId ? ` on a ${terms.sessionLabel}` : ""}: ${spec.reason}. Support responds by ${d.responseDueAt.toISOString()}.`, "open", now);
  return { dispute: d, auditId, notices };
}

const openInput = z
  .object({
    scope: z.enum(["SESSION", "MENTORSHIP"]),
    sessionId: zId.optional(),
    counterpartId: zId.optional(),
    reason: z.string().trim().min(3, "say what the dispute is about").max(2000),
    evidence: z.string().trim().max(10_000).default(""),
  })
  .refine((d) => d.scope !== "SESSION" || !!d.sessionId, { path: ["sessionId"], message: "is required for a session dispute" })
  .refine((d) => d.scope !== "MENTORSHIP" || !!d.counterpartId, { path: ["counterpartId"], message: "is required for a mentorship dispute" });

export async function openDispute(deps: ServiceDeps, input: unknown): Promise<Dispute> {
  const i = parseInput(openInput, input);
  const me = userId(deps);
  assertCan(deps.ability, "create", "Dispute", undefined, "Only mentors and mentees open disputes");
  const now = deps.clock.now();
  let spec: OpenDisputeSpec;
  if (i.scope === "SESSION") {
    const s = readableOrNotFound(deps.ability, "Session", await deps.db.session.findUnique({ where: { id: i.sessionId! } }), i.sessionId!);
    if (s.mentorId !== me && s.menteeId !== me) throw new DomainError("FORBIDDEN", "Only the session's participants open a dispute on it");
    if (!["ENDED", "NO_SHOW", "CANCELLED"].includes(s.state)) throw new DomainError("PRECONDITION_FAILED", `A dispute can be opened once the session is over (it is ${s.state})`);
    const charge = await deps.db.charge.findUnique({ where: { sessionId: s.id }, select: { id: true } });
    if (!charge) throw new DomainError("PRECONDITION_FAILED", "This session has no charge: open a mentorship dispute instead");
    const { values } = await currentPolicy(deps.db);
    const over = s.endedAt ?? s.cancelledAt ?? s.endsAt;
    const closes = new Date(over.getTime() + values.disputes.openWindowDays * DAY);
    if (now > closes) throw new DomainError("PRECONDITION_FAILED", `Disputes on a session can be opened up to ${values.disputes.openWindowDays} days after it`, { closedAt: closes.toISOString() });
    spec = { scope: "SESSION", sessionId: s.id, mentorId: s.mentorId, menteeId: s.menteeId, openedById: me, openedBy: s.mentorId === me ? "MENTOR" : "MENTEE", reason: i.reason, evidence: i.evidence };
  } else {
    const mentor = deps.actor!.kind === "USER" && deps.actor!.role === "MENTOR";
    const pair = mentor ? { mentorId: me, menteeId: i.counterpartId! } : { mentorId: i.counterpartId!, menteeId: me };
    // a mentorship = a mentor and a mentee who have had sessions together
    const together = await deps.db.session.count({ where: pair });
    if (!together) throw notFound("Mentorship with", i.counterpartId);
    spec = { scope: "MENTORSHIP", sessionId: null, ...pair, openedById: me, openedBy: mentor ? "MENTOR" : "MENTEE", reason: i.reason, evidence: i.evidence };
  }
  const out = await deps.db.$transaction((tx) => openDisputeTx(tx, spec, deps.actor, now, deps.requestId), TX);
  announceDispute(deps.pubsub, out.dispute.id, "OPENED");
  announceAudit(deps.pubsub, [out.auditId]);
  announceNotices(deps.pubsub, out.notices);
  return out.dispute;
}

// ---------------------------------------------------------------------------------------------

/**
 * A staff or party edit under the version check: the row is read, the change computed, and the
 * write is conditional on the version read, so of two concurrent edits exactly one wins.
 */
async function editDispute(
  tx: DbTx,
  d: Dispute,
  expectedVersion: number | undefined,
  now: Date,
  data: Parameters<DbTx["dispute"]["updateMany"]>[0]["data"],
): Promise<Dispute> {
  if (d.status === "RESOLVED") throw new DomainError("PRECONDITION_FAILED", "This dispute is resolved and read-only");
  if (expectedVersion !== undefined && expectedVersion !== d.version)
    throw conflict("The dispute changed since you loaded it; reload and try again", { currentVersion: d.version, expectedVersion });
  const res = await tx.dispute.updateMany({
    where: { id: d.id, status: { not: "RESOLVED" }, ...(expectedVersion !== undefined ? { version: expectedVersion } : {}) },
    data: { ...data, version: { increment: 1 }, updatedAt: now },
  });
  if (res.count !== 1) {
    const cur = await tx.dispute.findUniqueOrThrow({ where: { id: d.id } });
    if (cur.status === "RESOLVED") throw new DomainError("PRECONDITION_FAILED", "This dispute is resolved and read-only");
    throw conflict("The dispute changed since you loaded it; reload and try again", { currentVersion: cur.version, expectedVersion });
  }
  return tx.dispute.findUniqueOrThrow({ where: { id: d.id } });
}

const zVersion = z.number().int().min(1);

const assignInput = z.object({ disputeId: zId, assigneeId: zId.optional(), expectedVersion: zVersion });

export async function assignDispute(deps: ServiceDeps, input: unknown): Promise<Dispute> {
  const i = parseInput(assignInput, input);
  const me = userId(deps);
  const now = deps.clock.now();
  const assigneeId = i.assigneeId ?? me;
  const audits: { id: string }[] = [];
  const d = await deps.db.$transaction(async (tx) => {
    const cur = await readableDispute(deps, tx, i.disputeId);
    assertCan(deps.ability, "assign", "Dispute", cur, "Only support staff assign disputes");
    const agent = await tx.user.findUnique({ where: { id: assigneeId }, select: { role: true, status: true } });
    if (!agent || (agent.role !== "SUPPORT" && agent.role !== "ADMIN") || agent.status !== "ACTIVE")
      throw badInput("assigneeId: must be an active support agent or admin", { assigneeId: "not a support agent" });
    const after = await editDispute(tx, cur, i.expectedVersion, now, { assigneeId, status: "IN_REVIEW" });
    audits.push(await recordAudit(tx, deps.actor, { action: "dispute.assign", subjectType: "Dispute", subjectId: cur.id, before: { assigneeId: cur.assigneeId, version: cur.version }, after: { assigneeId, version: after.version } }, deps.requestId));
    return after;
  }, TX);
  announceDispute(deps.pubsub, d.id, "ASSIGNED");
  announceAudit(deps.pubsub, audits);
  return d;
}

const noteInput = z.object({ disputeId: zId, body: z.string().trim().min(1, "is empty").max(10_000), expectedVersion: zVersion });

/** Staff-only note: never shown to the parties (row rule and field rule). */
export async function addDisputeNote(deps: ServiceDeps, input: unknown): Promise<DisputeNote> {
  const i = parseInput(noteInput, input);
  const me = userId(deps);
  const now = deps.clock.now();
  const note = await deps.db.$transaction(async (tx) => {
    const cur = await readableDispute(deps, tx, i.disputeId);
    assertCan(deps.ability, "update", "Dispute", cur, "Only support staff add internal notes");
    await editDispute(tx, cur, i.expectedVersion, now, {});
    return tx.disputeNote.create({ data: { disputeId: cur.id, authorId: me, visibility: "INTERNAL", body: i.body, createdAt: now } });
  }, TX);
  // The parties' feed sees the version change only; the note itself is filtered by their rules.
  announceDispute(deps.pubsub, i.disputeId, "NOTE_ADDED");
  return note;
}

const messageInput = z.object({ disputeId: zId, body: z.string().trim().min(1, "is empty").max(10_000), expectedVersion: zVersion.optional() });

/** A message both parties and the staff see; by a party or by staff. */
export async function postDisputeMessage(deps: ServiceDeps, input: unknown): Promise<DisputeNote> {
  const i = parseInput(messageInput, input);
  const me = userId(deps);
  const now = deps.clock.now();
  let notices: { id: string; userId: string }[] = [];
  const note = await deps.db.$transaction(async (tx) => {
    const cur = await readableDispute(deps, tx, i.disputeId);
    if (!isStaff(deps.actor) && cur.mentorId !== me && cur.menteeId !== me) throw notFound("Dispute", i.disputeId);
    await editDispute(tx, cur, i.expectedVersion, now, {});
    const n = await tx.disputeNote.create({ data: { disputeId: cur.id, authorId: me, visibility: "PARTIES", body: i.body, createdAt: now } });
    const terms = await getPlatform(tx);
    notices = await noticeParties(tx, cur, me, "dispute.message", `${terms.platformName}: new message on your dispute`, i.body.slice(0, 500), n.id, now);
    return n;
  }, TX);
  announceDispute(deps.pubsub, i.disputeId, "MESSAGE_POSTED");
  announceNotices(deps.pubsub, notices);
  return note;
}

// ---------------------------------------------------------------------------------------------

const resolveInput = z
  .object({
    disputeId: zId,
    outcome: z.enum(["FULL_REFUND", "PARTIAL_REFUND", "NO_ACTION", "ENFORCEMENT_REFERRAL"]),
    amount: zMoneyInput.optional(),
    reason: z.string().trim().min(3, "say why").max(4000),
    expectedVersion: zVersion,
    idempotencyKey: zIdempotencyKey,
    /** ENFORCEMENT_REFERRAL: whom trust & safety should look at, and for what. */
    referral: z.object({ party: z.enum(["MENTOR", "MENTEE"]), category: z.enum(Object.values(ReportCategory) as [ReportCategory, ...ReportCategory[]]) }).optional(),
  })
  .refine((d) => d.outcome !== "PARTIAL_REFUND" || !!d.amount, { path: ["amount"], message: "is required for a partial refund" })
  .refine((d) => d.outcome === "PARTIAL_REFUND" || !d.amount, { path: ["amount"], message: "is only for a partial refund" })
  .refine((d) => d.outcome !== "ENFORCEMENT_REFERRAL" || !!d.referral, { path: ["referral"], message: "is required for an enforcement referral" });

export async function resolveDispute(deps: ServiceDeps, input: unknown): Promise<Dispute> {
  const i = parseInput(resolveInput, input);
  const me = userId(deps);
  const now = deps.clock.now();
  const audits: { id: string }[] = [];
  let notices: { id: string; userId: string }[] = [];
  const { idempotencyKey, ...params } = i;
  const { result, replayed } = await idempotent(deps, {
    operation: "resolveDispute",
    key: idempotencyKey,
    params,
    resultType: "Dispute",
    load: (id) => deps.db.dispute.findUniqueOrThrow({ where: { id } }),
    run: async (tx) => {
      // two agents resolving at once: the second waits here, then sees the new version
      await tx.$queryRaw`SELECT id FROM "Dispute" WHERE id = ${i.disputeId} FOR UPDATE`;
      const cur = await readableDispute(deps, tx, i.disputeId);
      assertCan(deps.ability, "resolve", "Dispute", cur, "Only support staff resolve disputes");
      const refunds = i.outcome === "FULL_REFUND" || i.outcome === "PARTIAL_REFUND";
      if (refunds && cur.scope !== "SESSION") throw badInput("outcome: a mentorship dispute has no charge to refund", { outcome: "no money at stake" });
      // version check before any money moves
      if (cur.status === "RESOLVED") throw new DomainError("PRECONDITION_FAILED", "This dispute is resolved and read-only");
      if (cur.version !== i.expectedVersion) throw conflict("The dispute changed since you loaded it; reload and try again", { currentVersion: cur.version, expectedVersion: i.expectedVersion });
      let refundId: string | null = null;
      let amountMinor: number | null = null;
      let currency: string | null = null;
      if (refunds) {
        const done = await applyRefund(tx, {
          sessionId: cur.sessionId!,
          amountMinor: i.outcome === "FULL_REFUND" ? "REMAINING" : i.amount!.amountMinor,
          currency: i.amount?.currency,
          kind: "DISPUTE",
          reason: `Dispute ${cur.id} resolved (${i.outcome}): ${i.reason}`,
          actor: deps.actor,
          at: now,
          requestId: deps.requestId,
          disputeId: cur.id,
        });
        if (!done) throw new DomainError("PRECONDITION_FAILED", "Nothing of this charge is refundable any more", { refundableMinor: 0 });
        audits.push(done.auditId);
        refundId = done.refund.id;
        amountMinor = done.refund.amountMinor;
        currency = done.refund.currency;
      }
      const after = await editDispute(tx, cur, i.expectedVersion, now, {
        status: "RESOLVED",
        outcome: i.outcome,
        outcomeAmountMinor: amountMinor,
        currency,
        resolutionReason: i.reason,
        resolvedById: me,
        resolvedAt: now,
        refundId,
        assigneeId: cur.assigneeId ?? me,
      });
      if (cur.partialRefundId) await tx.partialRefundRequest.updateMany({ where: { id: cur.partialRefundId, status: { in: ["PENDING", "CONTESTED"] } }, data: { status: "CLOSED" } });
      audits.push(
        await recordAudit(
          tx,
          deps.actor,
          { action: "dispute.resolve", subjectType: "Dispute", subjectId: cur.id, before: { status: cur.status, version: cur.version }, after: { status: "RESOLVED", outcome: i.outcome, amountMinor, currency, refundId, referral: i.referral, version: after.version }, reason: i.reason },
          deps.requestId,
        ),
      );
      const terms = await getPlatform(tx);
      const what =
        i.outcome === "FULL_REFUND" || i.outcome === "PARTIAL_REFUND"
          ? `a refund of ${formatMoney(amountMinor!, currency!)}`
          : i.outcome === "NO_ACTION"
            ? "no action"
            : "a referral to Trust & Safety";
      notices = await noticeParties(tx, after, null, "dispute.resolved", `${terms.platformName}: your dispute was resolved`, `Outcome: ${what}. ${i.reason}`, "resolved", now);
      return after;
    },
  });
  if (!replayed) {
    announceDispute(deps.pubsub, result.id, "RESOLVED");
    announceAudit(deps.pubsub, audits);
    announceNotices(deps.pubsub, notices);
    if (i.outcome === "ENFORCEMENT_REFERRAL" && i.referral) {
      // Trust & safety decides warnings and strikes: the referral lands in its report queue.
      await fileSystemReport(deps, deps.actor!, {
        subjectId: i.referral.party === "MENTOR" ? result.mentorId : result.menteeId,
        category: i.referral.category,
        description: `Referred by dispute resolution: ${i.reason}`,
        detectorRule: "dispute.referral",
        evidence: { disputeId: result.id, sessionId: result.sessionId, referredBy: me },
        dedupeKey: `dispute:${result.id}:referral`,
      });
    }
  }
  return result;
}

export { refundableMinor };
