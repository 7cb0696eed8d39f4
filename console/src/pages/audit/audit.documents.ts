import { graphql } from "../../gql";

export const AuditEntryFields = graphql(`
  fragment AuditEntryFields on AuditEntry {
    id
    action
    actorKind
    actor { id displayName }
    subjectType
    subjectId
    subjectLabel
    reason
    before
    after
    requestId
    createdAt
  }
`);

export const AuditLogDocument = graphql(`
  query AuditLog($first: Int!, $after: String, $filter: AuditLogFilter) {
    auditLog(first: $first, after: $after, filter: $filter) {
      edges { node { ...AuditEntryFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const AuditEntryAddedDocument = graphql(`
  subscription AuditEntryAdded {
    auditEntryAdded { ...AuditEntryFields }
  }
`);
