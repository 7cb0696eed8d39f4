// What needs doing, for the staff overview: each queue's open count, what is overdue or has no
// owner, and how old its oldest item is. Counts keep the viewer's row rules.
import { accessibleBy } from "@casl/prisma/runtime";
import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import type { Context } from "../../context/context.js";

export interface WorkQueue {
  name: "DISPUTES" | "REPORTS" | "APPEALS" | "PARTIAL_REFUNDS" | "APPLICATIONS" | "TICKETS";
  open: number;
  overdue: number | null;
  unassigned: number | null;
  oldestAt: Date | null;
  nextDueAt: Date | null;
}

const QueueName = builder.enumType("WorkQueueName", { values: ["DISPUTES", "REPORTS", "APPEALS", "PARTIAL_REFUNDS", "APPLICATIONS", "TICKETS"] as const });

const WorkQueueRef = builder.objectRef<WorkQueue>("WorkQueue").implement({
  description: "One staff queue: how much is waiting, what is late or unowned, and the nearest deadline.",
  fields: (t) => ({
    name: t.expose("name", { type: QueueName }),
    open: t.exposeInt("open", { description: "Items waiting for staff." }),
    overdue: t.exposeInt("overdue", { nullable: true, description: "Past their deadline (queues with deadlines only)." }),
    unassigned: t.exposeInt("unassigned", { nullable: true, description: "Waiting with nobody assigned (queues with assignees only)." }),
    oldestAt: t.expose("oldestAt", { type: "DateTime", nullable: true, description: "When the oldest waiting item arrived." }),
    nextDueAt: t.expose("nextDueAt", { type: "DateTime", nullable: true, description: "The nearest deadline among waiting items." }),
  }),
});

async function loadQueues(ctx: Context): Promise<WorkQueue[]> {
  const db = getDb();
  const now = ctx.deps.clock.now();
  const can = (type: Parameters<ReturnType<typeof accessibleBy>["ofType"]>[0]) => accessibleBy(ctx.ability).ofType(type);
  const disputeWhere = { AND: [can("Dispute"), { status: { not: "RESOLVED" as const } }] };
  const reportWhere = { AND: [can("Report"), { status: "OPEN" as const }] };
  const appealWhere = { AND: [can("Appeal"), { status: "PENDING" as const }] };
  const refundWhere = { AND: [can("PartialRefundRequest"), { status: { in: ["PENDING" as const, "CONTESTED" as const] } }] };
  const applicationWhere = { AND: [can("MentorApplication"), { status: "PENDING" as const }] };
  const ticketWhere = { AND: [can("SupportTicket"), { status: "OPEN" as const }] };
  const [disputes, disputesOverdue, disputesUnassigned, disputeDates, reports, reportOldest, appeals, appealOldest, refunds, refundDates, applications, applicationOldest, tickets, ticketsUnassigned, ticketOldest] =
    await Promise.all([
      db.dispute.count({ where: disputeWhere }),
      db.dispute.count({ where: { AND: [disputeWhere, { responseDueAt: { lt: now } }] } }),
      db.dispute.count({ where: { AND: [disputeWhere, { assigneeId: null }] } }),
      db.dispute.aggregate({ where: disputeWhere, _min: { createdAt: true, responseDueAt: true } }),
      db.report.count({ where: reportWhere }),
      db.report.aggregate({ where: reportWhere, _min: { createdAt: true } }),
      db.appeal.count({ where: appealWhere }),
      db.appeal.aggregate({ where: appealWhere, _min: { createdAt: true } }),
      db.partialRefundRequest.count({ where: refundWhere }),
      db.partialRefundRequest.aggregate({ where: refundWhere, _min: { createdAt: true, contestDeadline: true } }),
      db.mentorApplication.count({ where: applicationWhere }),
      db.mentorApplication.aggregate({ where: applicationWhere, _min: { createdAt: true } }),
      db.supportTicket.count({ where: ticketWhere }),
      db.supportTicket.count({ where: { AND: [ticketWhere, { assigneeId: null }] } }),
      db.supportTicket.aggregate({ where: ticketWhere, _min: { createdAt: true } }),
    ]);
  return [
    { name: "DISPUTES", open: disputes, overdue: disputesOverdue, unassigned: disputesUnassigned, oldestAt: disputeDates._min.createdAt, nextDueAt: disputeDates._min.responseDueAt },
    { name: "REPORTS", open: reports, overdue: null, unassigned: null, oldestAt: reportOldest._min.createdAt, nextDueAt: null },
    { name: "APPEALS", open: appeals, overdue: null, unassigned: null, oldestAt: appealOldest._min.createdAt, nextDueAt: null },
    { name: "PARTIAL_REFUNDS", open: refunds, overdue: null, unassigned: null, oldestAt: refundDates._min.createdAt, nextDueAt: refundDates._min.contestDeadline },
    { name: "APPLICATIONS", open: applications, overdue: null, unassigned: null, oldestAt: applicationOldest._min.createdAt, nextDueAt: null },
    { name: "TICKETS", open: tickets, overdue: null, unassigned: ticketsUnassigned, oldestAt: ticketOldest._min.createdAt, nextDueAt: null },
  ];
}

builder.queryField("workQueues", (t) =>
  t.field({
    type: [WorkQueueRef],
    description: "The staff queues with counts and service-level timers, for the overview.",
    authScopes: { role: ["ADMIN", "SUPPORT"] },
    resolve: (_r, _a, ctx) => loadQueues(ctx),
  }),
);
