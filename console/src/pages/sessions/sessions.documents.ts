import { graphql } from "../../gql";

export const BoardSessionFields = graphql(`
  fragment BoardSessionFields on Session {
    id
    state
    topic
    startsAt
    endsAt
    durationMinutes
    liveAt
    endedAt
    endedBy
    endReason
    mentorJoinedAt
    menteeJoinedAt
    mentorLateMinutes
    mentorNoShow
    menteeNoShow
    cancelledAt
    mentor { id displayName }
    mentee { id displayName }
  }
`);

export const LiveBoardDocument = graphql(`
  query LiveBoard($first: Int!, $filter: SessionFilter!) {
    sessions(first: $first, filter: $filter) {
      edges { node { ...BoardSessionFields } }
    }
  }
`);

export const LiveSessionsDocument = graphql(`
  subscription LiveSessions {
    liveSessions { ...BoardSessionFields }
  }
`);

export const SessionDetailFields = graphql(`
  fragment SessionDetailFields on Session {
    ...BoardSessionFields
    priceMinor
    currency
    policyVersion
    rescheduleCount
    unlapsedMinutes
    cancelledBy
    cancelReason
    refundPercent
    refundDueMinor
    presence { id userId party kind source at }
  }
`);

export const SessionDetailDocument = graphql(`
  query SessionDetail($id: ID!) {
    session(id: $id) { ...SessionDetailFields }
  }
`);

export const SessionUpdatedDocument = graphql(`
  subscription SessionUpdated($id: ID!) {
    sessionUpdated(id: $id) { ...SessionDetailFields }
  }
`);

export const StaffEndSessionDocument = graphql(`
  mutation StaffEndSession($input: EndSessionInput!) {
    endSession(input: $input) { ...SessionDetailFields }
  }
`);

export const StaffCancelSessionDocument = graphql(`
  mutation StaffCancelSession($input: CancelSessionInput!) {
    cancelSession(input: $input) { ...SessionDetailFields }
  }
`);

export const SessionDisputesDocument = graphql(`
  query SessionDisputes($sessionId: ID!) {
    disputes(first: 20, filter: { sessionId: $sessionId }) {
      edges { node { id status reason scope overdue responseDueAt createdAt outcome } }
    }
  }
`);
