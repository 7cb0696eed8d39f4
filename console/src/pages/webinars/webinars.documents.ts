import { graphql } from "../../gql";

export const WebinarRowFields = graphql(`
  fragment WebinarRowFields on Webinar {
    id
    title
    hostId
    hostName
    startsAt
    endsAt
    capacity
    status
    cancelReason
    registeredCount
  }
`);

export const WebinarsDocument = graphql(`
  query Webinars($first: Int!, $after: String, $from: DateTime, $includeCancelled: Boolean) {
    webinars(first: $first, after: $after, from: $from, includeCancelled: $includeCancelled) {
      edges { node { ...WebinarRowFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const WebinarDocument = graphql(`
  query Webinar($id: ID!) {
    webinar(id: $id) {
      ...WebinarRowFields
      description
      programId
      registrations { userId userName createdAt }
    }
  }
`);

export const CancelWebinarDocument = graphql(`
  mutation CancelWebinar($input: CancelWebinarInput!) {
    cancelWebinar(input: $input) { ...WebinarRowFields }
  }
`);
