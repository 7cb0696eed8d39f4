import { graphql } from "../../gql";

export const OverviewAuditDocument = graphql(`
  query OverviewAudit($first: Int!) {
    auditLog(first: $first) {
      edges { node { id createdAt actorKind } }
    }
  }
`);

export const OverviewDailyTotalsDocument = graphql(`
  query OverviewDailyTotals($days: Int!) {
    dailyTotals(days: $days) { day sessionsHeld mentorJoins onTimeJoins onTimeRate refunds refunded { currency amountMinor } }
  }
`);

export const WorkQueuesDocument = graphql(`
  query WorkQueues {
    workQueues { name open overdue unassigned oldestAt nextDueAt }
  }
`);
