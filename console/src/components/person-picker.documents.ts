import { graphql } from "../gql";

export const PersonMatchesDocument = graphql(`
  query PersonMatches($first: Int!, $filter: UserFilter) {
    users(first: $first, filter: $filter) {
      edges { node { id displayName email role } }
    }
  }
`);

export const PersonNameDocument = graphql(`
  query PersonName($id: ID!) {
    user(id: $id) { id displayName }
  }
`);
