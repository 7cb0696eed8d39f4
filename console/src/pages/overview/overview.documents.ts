import { graphql } from "../../gql";

export const OverviewAuditDocument = graphql(`
  query OverviewAudit {
    auditLog(first: 100) {
      edges { node { id createdAt actorKind } }
    }
  }
`);
