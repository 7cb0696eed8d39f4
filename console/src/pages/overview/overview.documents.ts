import { graphql } from "../../gql";

export const OverviewAuditDocument = graphql(`
  query OverviewAudit($first: Int!) {
    auditLog(first: $first) {
      edges { node { id createdAt actorKind } }
    }
  }
`);
