import { graphql } from "../gql";

export const StaffSearchDocument = graphql(`
  query StaffSearch($text: String!) {
    search(text: $text, first: 5) {
      users { id displayName email role status }
      sessions { id topic startsAt state mentor { displayName } mentee { displayName } }
      certificates { id code holderName program { name } }
      disputes { id reason status mentor { displayName } mentee { displayName } }
      tickets { id subject status }
    }
  }
`);
