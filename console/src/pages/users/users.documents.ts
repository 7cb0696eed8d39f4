import { graphql } from "../../gql";

export const UsersPageDocument = graphql(`
  query UsersPage($first: Int!, $after: String, $filter: UserFilter) {
    users(first: $first, after: $after, filter: $filter) {
      edges {
        node { id displayName email role status createdAt mentorProfile { approved } }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const UserDetailDocument = graphql(`
  query UserDetail($id: ID!) {
    user(id: $id) {
      id
      displayName
      email
      role
      status
      timeZone
      createdAt
      mentorProfile { approved approvedAt headline bio expertise hourlyRateMinor currency }
      programMemberships { role addedAt program { id name kind } }
    }
  }
`);

export const SetUserRoleDocument = graphql(`
  mutation SetUserRole($userId: ID!, $role: Role!, $reason: String!) {
    setUserRole(userId: $userId, role: $role, reason: $reason) { id role status }
  }
`);

export const SetAccountStatusDocument = graphql(`
  mutation SetAccountStatus($userId: ID!, $status: SettableAccountStatus!, $reason: String!) {
    setAccountStatus(userId: $userId, status: $status, reason: $reason) { id role status }
  }
`);

export const MentorApplicationsDocument = graphql(`
  query MentorApplications($first: Int!, $after: String, $status: ApplicationStatus) {
    mentorApplications(first: $first, after: $after, status: $status) {
      edges {
        node {
          id
          status
          createdAt
          decidedAt
          decisionReason
          qualifications
          experience
          trackRecord
          motivation
          applicant { id displayName email }
          reviewer { id displayName }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const DecideMentorApplicationDocument = graphql(`
  mutation DecideMentorApplication($applicationId: ID!, $approve: Boolean!, $reason: String!) {
    decideMentorApplication(applicationId: $applicationId, approve: $approve, reason: $reason) {
      id status decidedAt decisionReason reviewer { id displayName }
    }
  }
`);

export const PersonSessionsDocument = graphql(`
  query PersonSessions($userId: ID!, $first: Int!) {
    sessions(first: $first, filter: { userId: $userId }) {
      edges { node { id topic startsAt state priceMinor currency mentor { id displayName } mentee { id displayName } } }
    }
  }
`);

export const PersonDisputesDocument = graphql(`
  query PersonDisputes($first: Int!) {
    disputes(first: $first) {
      edges { node { id status reason createdAt sessionId mentor { id } mentee { id } } }
    }
  }
`);

export const PersonReportsDocument = graphql(`
  query PersonReports($userId: ID!, $last: Int!) {
    filed: reports(last: $last, filter: { reporterId: $userId }) {
      edges { node { id createdAt category status decisionReason subject { id displayName } } }
    }
    about: reports(last: $last, filter: { subjectId: $userId }) {
      edges { node { id createdAt category status source decisionReason reporter { id displayName } } }
    }
  }
`);
