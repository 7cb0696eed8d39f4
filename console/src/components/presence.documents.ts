import { graphql } from "../gql";

export const ViewersOfDocument = graphql(`
  subscription ViewersOf($subject: PresenceSubject!, $id: ID!) {
    viewersOf(subject: $subject, id: $id) { userId displayName since }
  }
`);
