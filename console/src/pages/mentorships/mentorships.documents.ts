import { graphql } from "../../gql";

export const MentorshipRowFields = graphql(`
  fragment MentorshipRowFields on Mentorship {
    id
    status
    programId
    createdAt
    activatedAt
    endedAt
    mentor { id displayName }
    mentee { id displayName }
  }
`);

export const MentorshipsDocument = graphql(`
  query Mentorships($first: Int!, $after: String, $filter: MentorshipFilter) {
    mentorships(first: $first, after: $after, filter: $filter) {
      edges { node { ...MentorshipRowFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const AgreementFields = graphql(`
  fragment AgreementFields on MentorshipAgreement {
    id
    version
    status
    amendsVersion
    objectives
    scope
    startsOn
    endsOn
    confidentiality
    sessionsPerMonth
    commitmentNote
    proposedBy
    proposedAt
    mentorAcceptedAt
    menteeAcceptedAt
    closedAt
    closeReason
  }
`);

export const MentorshipDocument = graphql(`
  query Mentorship($id: ID!) {
    mentorship(id: $id) {
      ...MentorshipRowFields
      startedBy
      endReason
      expiresAt
      mentorAcceptedAt
      menteeAcceptedAt
      progressPercent
      health { responses averageScore lastScore lowScores unansweredCheckIns }
      currentAgreement { ...AgreementFields }
      agreements { ...AgreementFields }
    }
  }
`);

export const EndMentorshipDocument = graphql(`
  mutation EndMentorship($input: EndMentorshipInput!) {
    endMentorship(input: $input) { ...MentorshipRowFields endReason }
  }
`);

export const MentorshipChatDocument = graphql(`
  query MentorshipChat($mentorshipId: ID!, $first: Int!, $after: String) {
    mentorship(id: $mentorshipId) { ...MentorshipRowFields }
    chatMessages(mentorshipId: $mentorshipId, first: $first, after: $after) {
      edges {
        node {
          id
          authorId
          authorName
          body
          hidden
          hiddenReason
          createdAt
          reports { id category status source detectorRule description createdAt reporter { id displayName } }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const ModerateChatMessageDocument = graphql(`
  mutation ModerateChatMessage($input: ModerateChatMessageInput!) {
    moderateChatMessage(input: $input) { id body hidden hiddenReason }
  }
`);
