// Applying an enforcement: one transactional action does everything (status, tokens, the
// event other modules act on, notices, audit); realtime effects are published after commit.
import type { CommandContext } from "../../lib/command.js";
import { notFound } from "../../lib/errors.js";
import type { Prisma, Enforcement } from "../../generated/prisma/client.js";
import type { EnforcementKind, EnforcementOrigin, EnforcementScope, ReportCategory } from "../../generated/prisma/enums.js";
import { revokeAllSessions, announceRevoked, announceViewerChanged, rememberBannedEmail } from "../auth/index.js";
import { getPlatform } from "../platform/index.js";
import type { PolicyInForce } from "../policy/index.js";
import type { PolicyValues } from "../policy/index.js";
import { enforcementNotice, programNotice } from "./notices.js";
import type { EnforcementEffects } from "./safety.events.js";

const DAY = 86_400_000;
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY);

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
 * Applies one enforcement inside the command's transaction. Idempotent through `dedupeKey`: a
 * second call with the same key returns the existing row and changes nothing. The owners of
 * other tables (sessions: a banned mentor's bookings; users: pending applications) act on the
 * `safety.enforcementIssued` event in this same transaction.
 */
export interface Applied {
  enforcement: Enforcement;
  created: boolean;
  /** What the other modules did in this transaction (empty for an existing enforcement). */
  effects: EnforcementEffects;
}

export async function applyEnforcement(c: CommandContext, policy: PolicyInForce, spec: EnforcementSpec): Promise<Applied> {
  const { tx, now } = c;
  const existing = await tx.enforcement.findUnique({ where: { dedupeKey: spec.dedupeKey } });
  if (existing) return { enforcement: existing, created: false, effects: {} };
  const user = await tx.user.findUnique({ where: { id: spec.userId }, select: { id: true, role: true, status: true, email: true } });
  if (!user) throw notFound("User", spec.userId);
  const scope = spec.scope ?? "ACCOUNT";
  const program = spec.programId ? await tx.program.findUnique({ where: { id: spec.programId }, select: { id: true, name: true } }) : null;
  if (scope === "PROGRAM" && !program) throw notFound("Program", spec.programId ?? undefined);
  const v = policy.values.safety;
  const { endsAt, countsUntil, appealDeadline } = timing(spec.kind, spec.origin, v, now);
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
      startsAt: now,
      endsAt,
      countsUntil,
      appealDeadline,
      policyVersion: policy.version,
      policyValues: snapshot(policy.values),
      issuedById: c.actor?.kind === "USER" ? c.actor.id : null,
      dedupeKey: spec.dedupeKey,
      createdAt: now,
    },
  });
  if (spec.reviewReportIds?.length) await tx.report.updateMany({ where: { id: { in: spec.reviewReportIds } }, data: { enforcementId: enforcement.id } });
  if (spec.thresholdReportIds?.length)
    await tx.report.updateMany({ where: { id: { in: spec.thresholdReportIds }, thresholdEnforcementId: null }, data: { thresholdEnforcementId: enforcement.id } });

  const restricting = spec.kind !== "WARNING";
  const effects: EnforcementEffects = {};
  if (scope === "ACCOUNT" && restricting) {
    const status = spec.kind === "BAN" ? "BANNED" : user.status === "BANNED" ? "BANNED" : "SUSPENDED";
    // The users module owns the status: it writes it on this event, in this transaction.
    if (status !== user.status) await c.emit("safety.standingChanged", { userId: user.id, status, effects: {} });
    effects.status = { from: user.status, to: status };
    effects.tokensRevoked = await revokeAllSessions(tx, user.id, now, `enforcement ${spec.kind.toLowerCase()} ${enforcement.id}`);
    c.afterCommit((p) => announceRevoked(p, user.id, null));
  }
  // Ban evasion: the address stays refused at sign-up even after the account is deleted.
  if (scope === "ACCOUNT" && spec.kind === "BAN") await rememberBannedEmail(tx, { id: user.id, email: user.email }, enforcement.id, now);
  // A temporary ban takes effect on bookings (seeds 000, 003): sessions cancels and refunds the
  // bookings inside it on the event below (a ban's own rule is handled there too). A booking
  // feature strike does the same when the policy says so.
  const suspendsBookings =
    scope === "ACCOUNT" && restricting && spec.kind !== "BAN" ? "ACCOUNT" : scope === "FEATURE" && restricting && spec.feature === "booking" && v.bookingStrikeCancelsBookings ? "BOOKING" : null;
  // Restrictions fold into cached viewers: drop them everywhere (an account-wide one already
  // revoked the tokens; a program one concerns everyone's view of the program).
  if (restricting && scope !== "ACCOUNT") c.afterCommit((p) => announceViewerChanged(p, scope === "PROGRAM" ? null : user.id));
  await c.emit("safety.enforcementIssued", { enforcementId: enforcement.id, userId: user.id, role: user.role, kind: spec.kind, scope, endsAt, suspendsBookings, effects });

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
  await c.notify(notices);
  await c.audit({
    action: `safety.enforce`,
    subjectType: "Enforcement",
    subjectId: enforcement.id,
    after: { userId: user.id, kind: spec.kind, scope, feature: enforcement.feature, programId: enforcement.programId, category: spec.category, origin: spec.origin, endsAt, policyVersion: policy.version, effects, ...spec.auditExtra },
    reason: spec.reason,
  });
  c.publish("safetyFeed", { kind: "ENFORCEMENT_ISSUED", id: enforcement.id });
  return { enforcement, created: true, effects };
}

export const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === "P2002";
