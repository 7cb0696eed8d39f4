import { graphql } from "../../gql";

export const DisputeRowFields = graphql(`
  fragment DisputeRowFields on Dispute {
    id
    scope
    status
    reason
    openedBy
    overdue
    responseDueAt
    createdAt
    updatedAt
    version
    sessionId
    outcome
    mentor { id displayName }
    mentee { id displayName }
    assignee { id displayName }
  }
`);

export const DisputeQueueDocument = graphql(`
  query DisputeQueue($first: Int!, $after: String, $filter: DisputeFilter) {
    disputeQueue(first: $first, after: $after, filter: $filter) {
      edges { node { ...DisputeRowFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const ResolvedDisputesDocument = graphql(`
  query ResolvedDisputes($first: Int!, $after: String, $filter: DisputeFilter) {
    disputes(first: $first, after: $after, filter: $filter) {
      edges { node { ...DisputeRowFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const DisputeQueueUpdatedDocument = graphql(`
  subscription DisputeQueueUpdated {
    disputeQueueUpdated { id kind }
  }
`);

export const DisputeDetailFields = graphql(`
  fragment DisputeDetailFields on Dispute {
    ...DisputeRowFields
    evidence
    partialRefundRequestId
    resolvedAt
    resolutionReason
    outcomeAmount { amountMinor currency }
    refund { id amount { amountMinor currency } createdAt }
    messages { id body createdAt visibility author { id displayName } }
    internalNotes { id body createdAt visibility author { id displayName } }
    session { id topic startsAt state }
  }
`);

export const DisputeDocument = graphql(`
  query Dispute($id: ID!) {
    dispute(id: $id) { ...DisputeDetailFields }
  }
`);

export const DisputeUpdatedDocument = graphql(`
  subscription DisputeUpdated($id: ID!) {
    disputeUpdated(id: $id) { ...DisputeDetailFields }
  }
`);

export const ChargeDocument = graphql(`
  query Charge($sessionId: ID!) {
    charge(sessionId: $sessionId) {
      id
      status
      sessionId
      amount { amountMinor currency }
      refunded { amountMinor currency }
      refundable { amountMinor currency }
      payer { id displayName }
      payee { id displayName }
      refunds { id kind reason createdAt amount { amountMinor currency } }
    }
  }
`);

export const AssignDisputeDocument = graphql(`
  mutation AssignDispute($input: AssignDisputeInput!) {
    assignDispute(input: $input) { ...DisputeDetailFields }
  }
`);

export const AddDisputeNoteDocument = graphql(`
  mutation AddDisputeNote($input: DisputeNoteInput!) {
    addDisputeNote(input: $input) { id }
  }
`);

export const PostDisputeMessageDocument = graphql(`
  mutation PostDisputeMessage($input: DisputeNoteInput!) {
    postDisputeMessage(input: $input) { id }
  }
`);

export const ResolveDisputeDocument = graphql(`
  mutation ResolveDispute($input: ResolveDisputeInput!) {
    resolveDispute(input: $input) { ...DisputeDetailFields }
  }
`);

export const RefundsDocument = graphql(`
  query Refunds($first: Int!, $after: String, $filter: RefundFilter) {
    refunds(first: $first, after: $after, filter: $filter) {
      edges { node { id kind reason createdAt sessionId actorKind disputeId amount { amountMinor currency } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const UserSessionsDocument = graphql(`
  query UserSessions($first: Int!, $userId: ID!) {
    sessions(first: $first, filter: { userId: $userId }) {
      edges { node { id topic startsAt state priceMinor currency mentor { displayName } mentee { displayName } } }
    }
  }
`);

export const IssueRefundDocument = graphql(`
  mutation IssueRefund($input: IssueRefundInput!) {
    issueRefund(input: $input) { id kind reason createdAt amount { amountMinor currency } }
  }
`);

export const PartialRefundRequestsDocument = graphql(`
  query PartialRefundRequests($first: Int!, $after: String, $statuses: [PartialRefundStatus!]) {
    partialRefundRequests(first: $first, after: $after, statuses: $statuses) {
      edges {
        node {
          id
          sessionId
          status
          reason
          scheduledMinutes
          unlapsedMinutes
          contestDeadline
          contestedAt
          contestReason
          disputeId
          paidAt
          createdAt
          amount { amountMinor currency }
          price { amountMinor currency }
          mentor { id displayName }
          mentee { id displayName }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const RefundSessionDocument = graphql(`
  query RefundSession($id: ID!) {
    session(id: $id) { id topic state startsAt endsAt }
  }
`);
