// Enforcements: one transactional action applies everything (status, tokens, bookings, pending
// requests, notices, audit); realtime effects are published after commit. Seed 003 ladder,
// seeds 000/001 complaint thresholds.
import { z } from "zod";
import type { ServiceDeps } from "../../lib/deps.js";
import type { DbTx } from "../../lib/db.js";
import type { PubSub, SafetyEventKind } from "../../lib/pubsub.js";
import type { Actor } from "../../authz/viewer.js";
import { systemActor } from "../../authz/viewer.js";
import { DomainError, notFound } from "../../lib/errors.js";
import { parseInput, zId } from "../../lib/validate.js";
import { assertCan } from "../../authz/assert.js";
import type { Prisma, Enforcement } from "../../generated/prisma/client.js";
import type { EnforcementKind, EnforcementOrigin, EnforcementScope, ReportCategory } from "../../generated/prisma/enums.js";
import { recordAudit, announceAudit } from "../audit/index.js";
import { revokeAllSessions, announceRevoked, announceViewerChanged } from "../auth/index.js";
import { enqueueNotices, announceNotices } from "../notifications/index.js";
import { getPlatform } from "../platform/index.js";
import { currentPolicy, type PolicyInForce } from "../policy/index.js";
import type { PolicyValues } from "../policy/index.js";
import { loadRestrictions } from "./standing.service.js";
import { enforcementNotice, programNotice } from "./notices.js";
import { FEATURE_NAMES } from "./features.js";
import { cancelBookingsInsideSuspension } from "./suspension-bookings.js";
import { rememberBannedEmail } from "../auth/index.js";
import { cancelFutureBookingsOfBannedMentor } from "./bookings.js";
import { tallyComplainants, type CountableReport } from "./complainants.js";

const DAY = 86_400_000;
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY);

/** What to publish once the transaction has committed. */
export class Effects {
  revokedUsers = new Set<string>();
  /** Users whose restrictions changed without their tokens ending; null = everyone (program-wide). */
  changedViewers = new Set<string | null>();
  notices: { id: string; userId: string }[] = [];
  audits: { id: string }[] = [];
  feed: { kind: SafetyEventKind; id: string }[] = [];
  /** Runs after commit (cross-module announcements, e.g. refunds). */
  after: ((pubsub: PubSub) => void)[] = [];
  publish(pubsub: PubSub): void {
    for (const u of this.revokedUsers) announceRevoked(pubsub, u, null);
    if (this.changedViewers.has(null)) announceViewerChanged(pubsub, null);
    else for (const u of this.changedViewers) if (u && !this.revokedUsers.has(u)) announceViewerChanged(pubsub, u);
    announceNotices(pubsub, this.notices);
    announceAudit(pubsub, this.audits);
    for (const e of this.feed) pubsub.publish("safetyFeed", e);
    for (const f of this.after) f(pubsub);
  }
}

export interface EnforcementSpec {
  userId: string;
  kind: EnforcementKind;
  scope?: EnforcementScope;
  feature?: string | null;
  programId?: string | null;
  category?: ReportCategory | null;
  origin: EnforcementOrigin;
  reason: string;
  dedupeKey: string;
  reviewReportIds?: string[];
  thresholdReportIds?: string[];
  /** Facts for the audit entry (ladder step skipped, distinct complainants, ...). */
  auditExtra?: Record<string, unknown>;
}

export interface TxContext {
  actor: Actor | null;
  now: Date;
  requestId?: string;
  policy: PolicyInForce;
}

/** The policy values a decision used, stored with the enforcement (never applied retroactively). */
const snapshot = (v: PolicyValues) => ({ safety: v.safety }) as unknown as Prisma.InputJsonValue;

function timing(kind: EnforcementKind, origin: EnforcementOrigin, v: PolicyValues["safety"], now: Date) {
  const endsAt =
    kind === "STRIKE" ? addDays(now, v.strikeSuspensionDays) : kind === "SUSPENSION" ? addDays(now, origin === "THRESHOLD" ? v.rudenessSuspensionDays : v.strikeSuspensionDays) : null;
  // Ladder steps count inside the rolling strike window in force at issuance (seed 003).
  const countsUntil = kind === "BAN" ? null : addDays(now, v.strikeWindowDays);
  return { endsAt, countsUntil, appealDeadline: addDays(now, v.appealWindowDays) };
}

/**
 * Applies one enforcement inside the caller's transaction. Idempotent through `dedupeKey`: a
 * second call with the same key returns the existing row and changes nothing.
 */
export async function applyEnforcementTx(tx: DbTx, ctx: TxContext, spec: EnforcementSpec, fx: Effects): Promise<{ enforcement: Enforcement; created: boolean }> {
  const existing = await tx.enforcement.findUnique({ where: { dedupeKey: spec.dedupeKey } });
  if (existing) return { enforcement: existing, created: false };
  const user = await tx.user.findUnique({ where: { id: spec.userId }, select: { id: true, role: true, status: true, email: true } });
  if (!user) throw notFound("User", spec.userId);
  const scope = spec.scope ?? "ACCOUNT";
  const program = spec.programId ? await tx.program.findUnique({ where: { id: spec.programId }, select: { id: true, name: true } }) : null;
  if (scope === "PROGRAM" && !program) throw notFound("Program", spec.programId ?? undefined);
  const v = ctx.policy.values.safety;
  const { endsAt, countsUntil, appealDeadline } = timing(spec.kind, spec.origin, v, ctx.now);
  const enforcement = await tx.enforcement.create({
    data: {
      userId: spec.userId,
      kind: spec.kind,
      scope,
      feature: scope === "FEATURE" ? spec.feature! : null,
      programId: scope === "PROGRAM" ? spec.programId! : null,
      category: spec.category ?? null,
      origin: spec.origin,
      reason: spec.reason,
      startsAt: ctx.now,
      endsAt,
      countsUntil,
      appealDeadline,
      policyVersion: ctx.policy.version,
      policyValues: snapshot(ctx.policy.values),
      issuedById: ctx.actor?.kind === "USER" ? ctx.actor.id : null,
      dedupeKey: spec.dedupeKey,
      createdAt: ctx.now,
    },
  });
  if (spec.reviewReportIds?.length) await tx.report.updateMany({ where: { id: { in: spec.reviewReportIds } }, data: { enforcementId: enforcement.id } });
  if (spec.thresholdReportIds?.length)
    await tx.report.updateMany({ where: { id: { in: spec.thresholdReportIds }, thresholdEnforcementId: null }, data: { thresholdEnforcementId: enforcement.id } });

  const restricting = spec.kind !== "WARNING";
  const effects: Record<string, unknown> = {};
  // Program-wide restrictions reach every mentor and support member of the program.
  if (restricting) fx.changedViewers.add(scope === "PROGRAM" ? null : user.id);
  if (scope === "ACCOUNT" && restricting) {
    const status = spec.kind === "BAN" ? "BANNED" : user.status === "BANNED" ? "BANNED" : "SUSPENDED";
    if (status !== user.status) await tx.user.update({ where: { id: user.id }, data: { status } });
    effects.status = { from: user.status, to: status };
    effects.tokensRevoked = await revokeAllSessions(tx, user.id, ctx.now, `enforcement ${spec.kind.toLowerCase()} ${enforcement.id}`);
    fx.revokedUsers.add(user.id);
    // A temporary ban takes effect on bookings; a ban's own rule follows below.
    if (spec.kind !== "BAN") effects.bookings = await cancelBookingsInsideSuspension(tx, { userId: user.id, now: ctx.now, endsAt, enforcementId: enforcement.id, what: "ACCOUNT", actor: ctx.actor, requestId: ctx.requestId }, fx);
  }
  if (scope === "FEATURE" && restricting && spec.feature === "booking" && v.bookingStrikeCancelsBookings)
    effects.bookings = await cancelBookingsInsideSuspension(tx, { userId: user.id, now: ctx.now, endsAt, enforcementId: enforcement.id, what: "BOOKING", actor: ctx.actor, requestId: ctx.requestId }, fx);
  if (scope === "ACCOUNT" && spec.kind === "BAN") {
    // Ban evasion: the address stays refused at sign-up even after the account is deleted.
    await rememberBannedEmail(tx, { id: user.id, email: user.email }, enforcement.id, ctx.now);
    // Pending requests are declined: a banned user's open applications end here.
    const declined = await tx.mentorApplication.updateMany({
      where: { applicantId: user.id, status: "PENDING" },
      data: { status: "REJECTED", decisionReason: "Account banned by Trust & Safety", decidedAt: ctx.now },
    });
    effects.applicationsDeclined = declined.count;
    if (user.role === "MENTOR") effects.bookings = await cancelFutureBookingsOfBannedMentor(tx, { mentorId: user.id, now: ctx.now, enforcementId: enforcement.id, actor: ctx.actor, requestId: ctx.requestId }, fx);
  }

  const terms = await getPlatform(tx);
  const forNotice = { ...enforcement, programName: program?.name ?? null, userRole: user.role };
  const notice = enforcementNotice(forNotice, terms);
  const payload = { enforcementId: enforcement.id, kind: enforcement.kind, endsAt: endsAt?.toISOString() ?? null, appealDeadline: appealDeadline.toISOString() };
  const notices = [{ userId: user.id, kind: "safety.enforcement", ...notice, payload, dedupeKey: `enforcement:${enforcement.id}` }];
  if (scope === "PROGRAM" && restricting) {
    const staff = await tx.programMember.findMany({ where: { programId: spec.programId!, role: { in: ["MENTOR", "SUPPORT"] }, userId: { not: user.id } }, select: { userId: true } });
    const pn = programNotice(forNotice, terms);
    for (const m of staff) notices.push({ userId: m.userId, kind: "safety.programSuspended", ...pn, payload, dedupeKey: `enforcement:${enforcement.id}:member:${m.userId}` });
    effects.programStaffNotified = staff.length;
  }
  fx.notices.push(...(await enqueueNotices(tx, notices, ctx.now)));
  fx.audits.push(
    await recordAudit(
      tx,
      ctx.actor,
      {
        action: `safety.enforce`,
        subjectType: "Enforcement",
        subjectId: enforcement.id,
        after: { userId: user.id, kind: spec.kind, scope, feature: enforcement.feature, programId: enforcement.programId, category: spec.category, origin: spec.origin, endsAt, policyVersion: ctx.policy.version, effects, ...spec.auditExtra },
        reason: spec.reason,
      },
      ctx.requestId,
    ),
  );
  fx.feed.push({ kind: "ENFORCEMENT_ISSUED", id: enforcement.id });
  return { enforcement, created: true };
}

/** Runs `work` in a transaction and publishes its effects after commit; a lost dedupe race is not an error. */
export async function inTransaction<T>(deps: Pick<ServiceDeps, "db" | "pubsub">, work: (tx: DbTx, fx: Effects) => Promise<T>): Promise<T> {
  const fx = new Effects();
  const out = await deps.db.$transaction((tx) => work(tx, fx), { timeout: 20_000 });
  fx.publish(deps.pubsub);
  return out;
}

export const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === "P2002";

// ---------------------------------------------------------------------------------------------
// The ladder (seed 003): Warning -> Strike (suspension) -> Ban; only steps inside the window count.

export type LadderStep = "WARNING" | "STRIKE" | "BAN";
const STEP_RANK: Record<LadderStep, number> = { WARNING: 0, STRIKE: 1, BAN: 2 };

export interface LadderHistory {
  warnings: number;
  strikes: number;
  banned: boolean;
}

export async function ladderHistory(tx: DbTx, userId: string, now: Date): Promise<LadderHistory> {
  const rows = await tx.enforcement.findMany({
    where: { userId, overturnedAt: null, OR: [{ countsUntil: { gt: now } }, { kind: "BAN" }] },
    select: { kind: true },
  });
  return {
    warnings: rows.filter((r) => r.kind === "WARNING").length,
    // A threshold temporary ban is a suspension too: it counts as a strike on the ladder.
    strikes: rows.filter((r) => r.kind === "STRIKE" || r.kind === "SUSPENSION").length,
    banned: rows.some((r) => r.kind === "BAN"),
  };
}

export function nextStep(h: LadderHistory, v: PolicyValues["safety"]): LadderStep {
  if (h.banned || h.strikes >= v.strikesBeforeBan) return "BAN";
  if (h.strikes + h.warnings >= 1) return "STRIKE";
  return "WARNING";
}

// ---------------------------------------------------------------------------------------------
// Complaint thresholds (seeds 000/001): distinct complainants per category inside the window.

export const THRESHOLD_RULES = {
  RUDENESS: { reporters: "MENTEE", count: (v: PolicyValues["safety"]) => v.rudenessDistinctMentees, first: "SUSPENSION", repeat: "BAN" },
  DECEPTION: { reporters: "MENTEE", count: (v: PolicyValues["safety"]) => v.deceptionDistinctMentees, first: "BAN", repeat: "BAN" },
  PRIVACY: { reporters: "ANY", count: (v: PolicyValues["safety"]) => v.privacyDistinctUsers, first: "BAN", repeat: "BAN" },
} as const;
export type ThresholdCategory = keyof typeof THRESHOLD_RULES;
export const isThresholdCategory = (c: string): c is ThresholdCategory => c in THRESHOLD_RULES;

export type CandidateReport = CountableReport;

/** Reports that may count: filed by users (not detectors), not yet counted in a threshold action. */
export async function candidateReports(tx: DbTx, subjectId: string, category: ThresholdCategory, since: Date): Promise<CandidateReport[]> {
  return tx.report.findMany({
    where: { subjectId, category, source: "USER", reporterId: { not: null }, thresholdEnforcementId: null, createdAt: { gte: since }, status: { not: "DISMISSED" } },
    select: { id: true, reporterId: true, reporterRole: true, status: true, createdAt: true, interactionKind: true },
  });
}

/** Pure: which reports count (verified, or upheld) and how many distinct complainants they come from under `v`. */
export function countComplainants(reports: CandidateReport[], category: ThresholdCategory, v: PolicyValues["safety"], now: Date) {
  const rule = THRESHOLD_RULES[category];
  return tallyComplainants(reports, rule.reporters, rule.count(v), v, now);
}

export type ThresholdOutcome = "NONE" | "SUSPENSION" | "BAN";

/** Pure: the action a threshold evaluation takes for this user and category. */
export function thresholdOutcome(reached: boolean, category: ThresholdCategory, priorTemporaryBan: boolean, alreadyBanned: boolean): ThresholdOutcome {
  if (!reached || alreadyBanned) return "NONE";
  const rule = THRESHOLD_RULES[category];
  return priorTemporaryBan ? rule.repeat : rule.first;
}

/** Prior state that decides between a first action and a repeat (seed 000: repeat -> permanent). */
export async function thresholdPrior(tx: DbTx, userId: string, category: ThresholdCategory, now: Date) {
  const [prior, restrictions, seq] = await Promise.all([
    tx.enforcement.count({ where: { userId, category, origin: "THRESHOLD", kind: "SUSPENSION", overturnedAt: null } }),
    loadRestrictions(tx, userId, now),
    tx.enforcement.count({ where: { userId, category, origin: "THRESHOLD" } }),
  ]);
  return { priorTemporaryBan: prior > 0, alreadyBanned: restrictions.account?.code === "ACCOUNT_BANNED", seq };
}

/**
 * Evaluates one user's threshold for one category and enforces it when reached. Runs as the
 * system actor after the triggering write has committed, so concurrent reports all count; the
 * dedupe key (category + sequence) makes concurrent evaluations enforce once.
 */
export async function evaluateThreshold(deps: Pick<ServiceDeps, "db" | "pubsub" | "clock" | "requestId">, subjectId: string, category: ThresholdCategory): Promise<Enforcement | null> {
  try {
    return await inTransaction(deps, async (tx, fx) => {
      const now = deps.clock.now();
      const policy = await currentPolicy(tx);
      const v = policy.values.safety;
      const reports = await candidateReports(tx, subjectId, category, addDays(now, -v.complaintWindowDays));
      const { counted, distinct, reached } = countComplainants(reports, category, v, now);
      if (!reached) return null;
      const prior = await thresholdPrior(tx, subjectId, category, now);
      const outcome = thresholdOutcome(reached, category, prior.priorTemporaryBan, prior.alreadyBanned);
      if (outcome === "NONE") return null;
      const rule = THRESHOLD_RULES[category];
      const { enforcement } = await applyEnforcementTx(
        tx,
        { actor: systemActor("safety.thresholds"), now, requestId: deps.requestId, policy },
        {
          userId: subjectId,
          kind: outcome,
          category,
          origin: "THRESHOLD",
          reason: `Complaints of ${category.toLowerCase()} from ${distinct} distinct ${rule.reporters === "MENTEE" ? "mentees" : "users"} (threshold ${rule.count(v)})${prior.priorTemporaryBan ? " after an earlier temporary ban" : ""}`,
          dedupeKey: `threshold:${category}:${subjectId}:${prior.seq + 1}`,
          thresholdReportIds: counted.map((r) => r.id),
          auditExtra: { distinctComplainants: distinct, threshold: rule.count(v), countReports: v.countReports, requireVerifiedInteraction: v.requireVerifiedInteraction },
        },
        fx,
      );
      return enforcement;
    });
  } catch (e) {
    if (isUniqueViolation(e)) return null; // another process enforced the same threshold first
    throw e;
  }
}

/** After a policy change: apply the new thresholds to every user with uncounted complaints. */
export async function reevaluateAllThresholds(deps: Pick<ServiceDeps, "db" | "pubsub" | "clock" | "requestId">): Promise<Enforcement[]> {
  const pairs = await deps.db.report.findMany({
    where: { category: { in: Object.keys(THRESHOLD_RULES) as ThresholdCategory[] }, source: "USER", thresholdEnforcementId: null, status: { not: "DISMISSED" } },
    distinct: ["subjectId", "category"],
    select: { subjectId: true, category: true },
  });
  const out: Enforcement[] = [];
  for (const p of pairs) {
    const e = await evaluateThreshold(deps, p.subjectId, p.category as ThresholdCategory);
    if (e) out.push(e);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Manual enforcement by staff (severity may skip ladder steps, seed 003).

const issueInput = z
  .object({
    userId: zId,
    kind: z.enum(["WARNING", "STRIKE", "BAN"]),
    scope: z.enum(["ACCOUNT", "FEATURE", "PROGRAM"]).default("ACCOUNT"),
    feature: z.enum(FEATURE_NAMES as [string, ...string[]]).optional(),
    programId: zId.optional(),
    category: z.enum(["RUDENESS", "DECEPTION", "PRIVACY", "SPAM", "OFF_PLATFORM", "HARASSMENT", "REVIEW_FAVOURS", "PERSONAL_INFO", "OTHER"]).optional(),
    reason: z.string().trim().min(3, "say why").max(2000),
    /** Client-chosen key: retrying the same request enforces once. */
    idempotencyKey: z.string().trim().min(8).max(100).optional(),
  })
  .refine((d) => d.scope !== "FEATURE" || !!d.feature, { path: ["feature"], message: "is required for a feature-scoped enforcement" })
  .refine((d) => d.scope !== "PROGRAM" || !!d.programId, { path: ["programId"], message: "is required for a program-scoped enforcement" });

export async function issueEnforcement(deps: ServiceDeps, input: unknown): Promise<Enforcement> {
  const data = parseInput(issueInput, input);
  assertCan(deps.ability, "create", "Enforcement", undefined, "Only trust & safety staff enforce");
  if (data.kind === "BAN") assertCan(deps.ability, "ban", "Enforcement", undefined, "Only trust & safety staff ban");
  if (deps.actor?.kind === "USER" && deps.actor.id === data.userId) throw new DomainError("BAD_USER_INPUT", "Staff cannot enforce against themselves");
  const key = `manual:${deps.actor?.kind === "USER" ? deps.actor.id : "system"}:${data.idempotencyKey ?? crypto.randomUUID()}`;
  try {
    return await inTransaction(deps, async (tx, fx) => {
      const now = deps.clock.now();
      const target = await tx.user.findUnique({ where: { id: data.userId }, select: { role: true } });
      if (!target) throw notFound("User", data.userId);
      if (target.role === "ADMIN") throw new DomainError("FORBIDDEN", "Admins are not subject to enforcement");
      const policy = await currentPolicy(tx);
      const step = nextStep(await ladderHistory(tx, data.userId, now), policy.values.safety);
      const { enforcement } = await applyEnforcementTx(
        tx,
        { actor: deps.actor, now, requestId: deps.requestId, policy },
        {
          userId: data.userId,
          kind: data.kind,
          scope: data.scope,
          feature: data.feature,
          programId: data.programId,
          category: data.category ?? null,
          origin: "MANUAL",
          reason: data.reason,
          dedupeKey: key,
          auditExtra: { ladderStep: step, skipped: STEP_RANK[data.kind] > STEP_RANK[step] },
        },
        fx,
      );
      return enforcement;
    });
  } catch (e) {
    if (isUniqueViolation(e)) return deps.db.enforcement.findUniqueOrThrow({ where: { dedupeKey: key } });
    throw e;
  }
}

export { STEP_RANK };
