import { graphql } from "../../gql";

export const SupportTicketRowFields = graphql(`
  fragment SupportTicketRowFields on SupportTicket {
    id
    subject
    status
    requesterId
    requesterName
    assigneeId
    assigneeName
    createdAt
    updatedAt
    closedAt
    closeReason
  }
`);

export const SupportTicketsDocument = graphql(`
  query SupportTickets($first: Int!, $after: String, $filter: SupportTicketFilter) {
    supportTickets(first: $first, after: $after, filter: $filter) {
      edges { node { ...SupportTicketRowFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const SupportTicketDocument = graphql(`
  query SupportTicket($id: ID!) {
    supportTicket(id: $id) {
      ...SupportTicketRowFields
      messages { id body fromStaff authorName createdAt }
    }
  }
`);

export const ReplyToSupportTicketDocument = graphql(`
  mutation ReplyToSupportTicket($input: ReplyToSupportTicketInput!) {
    replyToSupportTicket(input: $input) {
      ...SupportTicketRowFields
      messages { id body fromStaff authorName createdAt }
    }
  }
`);

export const AssignSupportTicketDocument = graphql(`
  mutation AssignSupportTicket($input: AssignSupportTicketInput!) {
    assignSupportTicket(input: $input) { ...SupportTicketRowFields }
  }
`);

export const CloseSupportTicketDocument = graphql(`
  mutation CloseSupportTicket($input: CloseSupportTicketInput!) {
    closeSupportTicket(input: $input) { ...SupportTicketRowFields }
  }
`);
