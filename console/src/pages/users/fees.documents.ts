import { graphql } from "../../gql";

export const MentorFeeSummaryDocument = graphql(`
  query MentorFeeSummary($mentorId: ID!) {
    user(id: $mentorId) {
      id
      displayName
      mentorProfile { feeMultiplierBps onTimeStreak }
    }
  }
`);

export const FeeHistoryDocument = graphql(`
  query FeeHistory($mentorId: ID!, $first: Int!, $after: String) {
    feeMultiplierHistory(mentorId: $mentorId, first: $first, after: $after) {
      edges {
        node {
          id
          fromBps
          toBps
          rule
          reason
          policyVersion
          createdAt
          sessions { id startsAt mentee { id displayName } }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const LateRecordsDocument = graphql(`
  query LateRecords($mentorId: ID!, $first: Int!, $after: String) {
    lateRecords(mentorId: $mentorId, first: $first, after: $after) {
      edges {
        node {
          id
          lateMinutes
          noShow
          penaltyBps
          recordedAt
          expiredAt
          session { id startsAt mentee { id displayName } }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);
