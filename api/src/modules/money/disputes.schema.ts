import { accessibleBy } from "@casl/prisma/runtime";
import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { notFound } from "../../lib/errors.js";
import type { DisputeEventKind } from "../../lib/pubsub.js";
import { MoneyInput, MoneyRef, RefundRef, money } from "./ledger.schema.js";
import { addDisputeNote, assignDispute, openDispute, postDisputeMessage } from "./disputes.service.js";
import { resolveDispute } from "./disputes.resolve.js";

const DisputeScopeEnum = builder.enumType("DisputeScope", { values: ["SESSION", "MENTORSHIP"] as const });
const DisputeStatusEnum = builder.enumType("DisputeStatus", { values: ["OPEN", "IN_REVIEW", "RESOLVED"] as const });
const DisputeOutcomeEnum = builder.enumType("DisputeOutcome", { values: ["FULL_REFUND", "PARTIAL_REFUND", "NO_ACTION", "ENFORCEMENT_REFERRAL"] as const });
const DisputePartyEnum = builder.enumType("DisputeParty", { values: ["MENTOR", "MENTEE"] as const });
const DisputeNoteVisibilityEnum = builder.enumType("DisputeNoteVisibility", { values: ["INTERNAL", "PARTIES"] as const });
const ReferralCategoryEnum = builder.enumType("DisputeReferralCategory", {
  description: "Report categories of trust & safety, for an enforcement referral.",
  values: ["RUDENESS", "DECEPTION", "PRIVACY", "SPAM", "OFF_PLATFORM", "HARASSMENT", "REVIEW_FAVOURS", "PERSONAL_INFO", "OTHER"] as const,
});
const DisputeEventKindEnum = builder.enumType("DisputeEventKind", { values: ["OPENED", "ASSIGNED", "NOTE_ADDED", "MESSAGE_POSTED", "RESOLVED"] as const });


export const DisputeNoteRef = builder.prismaObject("DisputeNote", {
  description: "A staff-only internal note, or a message both parties see.",
  fields: (t) => ({
    id: t.exposeID("id"),
    visibility: t.expose("visibility", { type: DisputeNoteVisibilityEnum }),
    body: t.exposeString("body"),
    author: t.relation("author"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const DisputeRef = builder.prismaObject("Dispute", {
  description: "A conflict between a mentor and a mentee about one session or their mentorship (seed 004).",
  fields: (t) => ({
    id: t.exposeID("id"),
    scope: t.expose("scope", { type: DisputeScopeEnum }),
    sessionId: t.exposeID("sessionId", { nullable: true }),
    session: t.prismaField({
      type: "Session",
      nullable: true,
      select: { sessionId: true },
      resolve: (query, d, _a, ctx) => (d.sessionId ? getDb().session.findFirst({ ...query, where: { AND: [accessibleBy(ctx.ability).ofType("Session"), { id: d.sessionId }] } }) : null),
    }),
    mentor: t.relation("mentor"),
    mentee: t.relation("mentee"),
    openedBy: t.expose("openedBy", { type: DisputePartyEnum }),
    reason: t.exposeString("reason"),
    evidence: t.exposeString("evidence"),
    partialRefundRequestId: t.exposeID("partialRefundId", { nullable: true }),
    status: t.expose("status", { type: DisputeStatusEnum }),
    assignee: t.relation("assignee", { nullable: true }),
    responseDueAt: t.expose("responseDueAt", { type: "DateTime", description: "Support responds by then (policy disputes.responseDeadlineHours)." }),
    overdue: t.boolean({
      description: "Unresolved past its response deadline.",
      select: { status: true, responseDueAt: true },
      resolve: (d, _a, ctx) => d.status !== "RESOLVED" && ctx.deps.clock.now() > d.responseDueAt,
    }),
    outcome: t.expose("outcome", { type: DisputeOutcomeEnum, nullable: true }),
    outcomeAmount: t.field({
      type: MoneyRef,
      nullable: true,
      description: "The refund the resolution paid, if any.",
      select: { outcomeAmountMinor: true, currency: true },
      resolve: (d) => (d.outcomeAmountMinor !== null && d.currency ? money(d.outcomeAmountMinor, d.currency) : null),
    }),
    resolutionReason: t.exposeString("resolutionReason", { nullable: true }),
    resolvedAt: t.expose("resolvedAt", { type: "DateTime", nullable: true }),
    refund: t.prismaField({
      type: RefundRef,
      nullable: true,
      select: { refundId: true },
      resolve: (query, d, _a, ctx) => (d.refundId ? getDb().refund.findFirst({ ...query, where: { AND: [accessibleBy(ctx.ability).ofType("Refund"), { id: d.refundId }] } }) : null),
    }),
    version: t.exposeInt("version", { description: "Send it back as expectedVersion: an edit against a stale version is a CONFLICT." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    notes: t.relation("notes", {
      description: "Every note the viewer may see (parties: messages only).",
      query: (_a, ctx) => ({ where: accessibleBy(ctx.ability).ofType("DisputeNote"), orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    }),
    messages: t.relation("notes", {
      description: "Messages both parties see.",
      query: (_a, ctx) => ({ where: { AND: [accessibleBy(ctx.ability).ofType("DisputeNote"), { visibility: "PARTIES" as const }] }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    }),
    internalNotes: t.relation("notes", {
      description: "Staff only.",
      authScopes: { role: ["ADMIN", "SUPPORT"] },
      query: (_a, ctx) => ({ where: { AND: [accessibleBy(ctx.ability).ofType("DisputeNote"), { visibility: "INTERNAL" as const }] }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    }),
  }),
});

builder.queryField("dispute", (t) =>
  t.prismaField({
    type: DisputeRef,
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _r, { id }, ctx) => {
      const row = await getDb().dispute.findFirst({ ...query, where: { AND: [accessibleBy(ctx.ability).ofType("Dispute"), { id: String(id) }] } });
      if (!row) throw notFound("Dispute", String(id));
      return row;
    },
  }),
);

const DisputeFilter = builder.inputType("DisputeFilter", {
  fields: (t) => ({
    statuses: t.field({ type: [DisputeStatusEnum], required: false }),
    scope: t.field({ type: DisputeScopeEnum, required: false }),
    overdue: t.boolean({ required: false, description: "Only unresolved disputes past their response deadline." }),
    assignedToMe: t.boolean({ required: false }),
    unassigned: t.boolean({ required: false }),
    sessionId: t.id({ required: false }),
  }),
});

type Filter = { statuses?: readonly ("OPEN" | "IN_REVIEW" | "RESOLVED")[] | null; scope?: "SESSION" | "MENTORSHIP" | null; overdue?: boolean | null; assignedToMe?: boolean | null; unassigned?: boolean | null; sessionId?: string | number | null } | null | undefined;
const filterWhere = (f: Filter, viewerId: string, now: Date) => ({
  AND: [
    f?.statuses?.length ? { status: { in: [...f.statuses] } } : {},
    f?.scope ? { scope: f.scope } : {},
    f?.overdue ? { status: { not: "RESOLVED" as const }, responseDueAt: { lt: now } } : {},
    f?.assignedToMe ? { assigneeId: viewerId } : {},
    f?.unassigned ? { assigneeId: null } : {},
    f?.sessionId ? { sessionId: String(f.sessionId) } : {},
  ],
});

builder.queryField("disputes", (t) =>
  t.prismaConnection({
    type: DisputeRef,
    cursor: "id",
    description: "Disputes the viewer is a party to (staff: all), newest first.",
    authScopes: { authenticated: true },
    args: { filter: t.arg({ type: DisputeFilter, required: false }) },
    resolve: (query, _r, { filter }, ctx) =>
      getDb().dispute.findMany({
        ...query,
        where: { AND: [accessibleBy(ctx.ability).ofType("Dispute"), filterWhere(filter, ctx.viewer!.id, ctx.deps.clock.now())] },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      }),
  }),
);

builder.queryField("disputeQueue", (t) =>
  t.prismaConnection({
    type: DisputeRef,
    cursor: "id",
    description: "Staff queue: unresolved disputes, the nearest response deadline first (overdue on top).",
    authScopes: { role: ["ADMIN", "SUPPORT"] },
    args: { filter: t.arg({ type: DisputeFilter, required: false }) },
    resolve: (query, _r, { filter }, ctx) =>
      getDb().dispute.findMany({
        ...query,
        where: { AND: [accessibleBy(ctx.ability).ofType("Dispute"), { status: { not: "RESOLVED" } }, filterWhere(filter, ctx.viewer!.id, ctx.deps.clock.now())] },
        orderBy: [{ responseDueAt: "asc" }, { id: "asc" }],
      }),
  }),
);

// ---------------------------------------------------------------------------------------------

const OpenDisputeInput = builder.inputType("OpenDisputeInput", {
  fields: (t) => ({
    scope: t.field({ type: DisputeScopeEnum, required: true }),
    sessionId: t.id({ required: false, description: "SESSION scope: the session (money at stake)." }),
    counterpartId: t.id({ required: false, description: "MENTORSHIP scope: the other party of the mentorship." }),
    reason: t.string({ required: true }),
    evidence: t.string({ required: false }),
  }),
});

builder.mutationField("openDispute", (t) =>
  t.field({
    type: DisputeRef,
    description: "Either party opens a dispute on a session or on their mentorship as a whole.",
    authScopes: { role: ["MENTOR", "MENTEE"] },
    args: { input: t.arg({ type: OpenDisputeInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      openDispute(ctx.deps, {
        scope: input.scope,
        sessionId: input.sessionId ? String(input.sessionId) : undefined,
        counterpartId: input.counterpartId ? String(input.counterpartId) : undefined,
        reason: input.reason,
        evidence: input.evidence ?? undefined,
      }),
  }),
);

const AssignDisputeInput = builder.inputType("AssignDisputeInput", {
  fields: (t) => ({
    disputeId: t.id({ required: true }),
    assigneeId: t.id({ required: false, description: "Default: the caller." }),
    expectedVersion: t.int({ required: true }),
  }),
});

builder.mutationField("assignDispute", (t) =>
  t.field({
    type: DisputeRef,
    authScopes: { role: ["ADMIN", "SUPPORT"] },
    args: { input: t.arg({ type: AssignDisputeInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      assignDispute(ctx.deps, { disputeId: String(input.disputeId), assigneeId: input.assigneeId ? String(input.assigneeId) : undefined, expectedVersion: input.expectedVersion }),
  }),
);

const DisputeNoteInput = builder.inputType("DisputeNoteInput", {
  fields: (t) => ({
    disputeId: t.id({ required: true }),
    body: t.string({ required: true }),
    expectedVersion: t.int({ required: false, description: "Required for internal notes." }),
  }),
});

builder.mutationField("addDisputeNote", (t) =>
  t.field({
    type: DisputeNoteRef,
    description: "Staff-only internal note (never visible to the parties).",
    authScopes: { role: ["ADMIN", "SUPPORT"] },
    args: { input: t.arg({ type: DisputeNoteInput, required: true }) },
    resolve: (_r, { input }, ctx) => addDisputeNote(ctx.deps, { disputeId: String(input.disputeId), body: input.body, expectedVersion: input.expectedVersion ?? undefined }),
  }),
);

builder.mutationField("postDisputeMessage", (t) =>
  t.field({
    type: DisputeNoteRef,
    description: "A message both parties and the staff see (by a party or by staff).",
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: DisputeNoteInput, required: true }) },
    resolve: (_r, { input }, ctx) => postDisputeMessage(ctx.deps, { disputeId: String(input.disputeId), body: input.body, expectedVersion: input.expectedVersion ?? undefined }),
  }),
);

const ReferralInput = builder.inputType("DisputeReferralInput", {
  fields: (t) => ({
    party: t.field({ type: DisputePartyEnum, required: true }),
    category: t.field({ type: ReferralCategoryEnum, required: true }),
  }),
});

const ResolveDisputeInput = builder.inputType("ResolveDisputeInput", {
  fields: (t) => ({
    disputeId: t.id({ required: true }),
    outcome: t.field({ type: DisputeOutcomeEnum, required: true }),
    amount: t.field({ type: MoneyInput, required: false, description: "PARTIAL_REFUND only." }),
    reason: t.string({ required: true }),
    expectedVersion: t.int({ required: true }),
    idempotencyKey: t.string({ required: true }),
    referral: t.field({ type: ReferralInput, required: false, description: "ENFORCEMENT_REFERRAL only: whom trust & safety should review." }),
  }),
});

builder.mutationField("resolveDispute", (t) =>
  t.field({
    type: DisputeRef,
    description: "Support resolves: full refund, partial refund (amount), no action, or an enforcement referral. Read-only afterwards.",
    authScopes: { role: ["ADMIN", "SUPPORT"] },
    args: { input: t.arg({ type: ResolveDisputeInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      resolveDispute(ctx.deps, {
        disputeId: String(input.disputeId),
        outcome: input.outcome,
        amount: input.amount ?? undefined,
        reason: input.reason,
        expectedVersion: input.expectedVersion,
        idempotencyKey: input.idempotencyKey,
        referral: input.referral ?? undefined,
      }),
  }),
);

// ---------------------------------------------------------------------------------------------

builder.subscriptionField("disputeUpdated", (t) =>
  t.prismaField({
    type: DisputeRef,
    description: "Changes of one dispute (its parties and staff); reloaded with the subscriber's permissions.",
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    subscribe: async (_r, { id }, ctx) => {
      const visible = await getDb().dispute.findFirst({ where: { AND: [accessibleBy(ctx.ability).ofType("Dispute"), { id: String(id) }] }, select: { id: true } });
      if (!visible) throw notFound("Dispute", String(id));
      return ctx.deps.pubsub.subscribe("disputeUpdated", String(id));
    },
    resolve: (query, payload: { id: string }, _a, ctx) =>
      getDb().dispute.findFirstOrThrow({ ...query, where: { AND: [accessibleBy(ctx.ability).ofType("Dispute"), { id: payload.id }] } }),
  }),
);

const DisputeEventRef = builder.objectRef<{ kind: DisputeEventKind; id: string }>("DisputeEvent").implement({
  description: "One event of the staff dispute queue.",
  fields: (t) => ({
    kind: t.field({ type: DisputeEventKindEnum, resolve: (e) => e.kind }),
    id: t.exposeID("id"),
    dispute: t.prismaField({
      type: DisputeRef,
      nullable: true,
      resolve: (query, e, _a, ctx) => getDb().dispute.findFirst({ ...query, where: { AND: [accessibleBy(ctx.ability).ofType("Dispute"), { id: e.id }] } }),
    }),
  }),
});

builder.subscriptionField("disputeQueueUpdated", (t) =>
  t.field({
    type: DisputeEventRef,
    description: "Staff feed of the dispute queue: opened, assigned, notes, messages, resolved.",
    authScopes: { role: ["ADMIN", "SUPPORT"] },
    subscribe: (_r, _a, ctx) => ctx.deps.pubsub.subscribe("disputeQueue"),
    resolve: (e: { kind: DisputeEventKind; id: string }) => e,
  }),
);
