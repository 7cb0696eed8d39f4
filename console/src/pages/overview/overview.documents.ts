import { graphql } from "../../gql";

export const OverviewAuditDocument = graphql(`
  query OverviewAudit($first: Int!) {
    auditLog(first: $first) {
      edges { node { id createdAt actorKind } }
    }
  }
`);

export const OverviewSessionsDocument = graphql(`
  query OverviewSessions($first: Int!, $filter: SessionFilter!) {
    sessions(first: $first, filter: $filter) {
      edges { node { id state startsAt mentorJoinedAt mentorLateMinutes } }
      pageInfo { hasNextPage }
    }
  }
`);

export const WorkQueuesDocument = graphql(`
  query WorkQueues {
    workQueues { name open overdue unassigned oldestAt nextDueAt }
  }
`);
