import { graphql } from "../../gql";

export const ReportFields = graphql(`
  fragment ReportFields on Report {
    id
    category
    status
    source
    description
    detectorRule
    evidence
    verifiedBy
    verification
    sessionId
    createdAt
    decidedAt
    decisionReason
    subject { id displayName role status }
    reporter { id displayName }
    reviewer { id displayName }
    enforcement { id kind scope endsAt }
  }
`);

export const ReportsQueueDocument = graphql(`
  query ReportsQueue($first: Int!, $after: String, $filter: ReportFilter) {
    reports(first: $first, after: $after, filter: $filter) {
      edges { node { ...ReportFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const ReviewReportDocument = graphql(`
  mutation ReviewReport($input: ReviewReportInput!) {
    reviewReport(input: $input) { ...ReportFields }
  }
`);

export const EnforcementFields = graphql(`
  fragment EnforcementFields on Enforcement {
    id
    kind
    scope
    feature
    category
    origin
    reason
    startsAt
    endsAt
    dropsOutAt
    appealDeadline
    overturnedAt
    overturnReason
    policyVersion
    issuedBy { id displayName }
    program { id name }
  }
`);

export const UserStandingDocument = graphql(`
  query UserStanding($userId: ID!, $first: Int!) {
    user(id: $userId) { id displayName email role status }
    userStanding(userId: $userId) {
      status
      nextStep
      warnings { ...EnforcementFields }
      activeStrikes { ...EnforcementFields }
      suspensions { ...EnforcementFields }
      ban { ...EnforcementFields }
      appealable { id }
      complaints { category threshold counted verified upheldUnverified unverifiedPending windowDays }
    }
    enforcements(first: $first, filter: { userId: $userId, includeOverturned: true }) {
      edges { node { ...EnforcementFields } }
    }
    reports(first: $first, filter: { subjectId: $userId }) {
      edges { node { id category status source verification createdAt decisionReason reporter { id displayName } } }
    }
  }
`);

export const IssueEnforcementDocument = graphql(`
  mutation IssueEnforcement($input: IssueEnforcementInput!) {
    issueEnforcement(input: $input) { ...EnforcementFields }
  }
`);

export const AppealsQueueDocument = graphql(`
  query AppealsQueue($first: Int!, $after: String, $status: AppealStatus) {
    appeals(first: $first, after: $after, status: $status) {
      edges {
        node {
          id
          status
          statement
          createdAt
          decidedAt
          decisionReason
          user { id displayName }
          reviewer { id displayName }
          enforcement { ...EnforcementFields }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const DecideAppealDocument = graphql(`
  mutation DecideAppeal($input: DecideAppealInput!) {
    decideAppeal(input: $input) { id status decidedAt decisionReason }
  }
`);

export const SafetyFeedDocument = graphql(`
  subscription SafetyFeed {
    safetyFeed { kind id }
  }
`);

export const ReportDecisionPreviewDocument = graphql(`
  query ReportDecisionPreview($input: ReviewReportInput!) {
    reportDecisionPreview(input: $input) {
      reportId
      decision
      enforcements { kind scope feature origin reason endsAt }
      sessionsToCancel {
        id
        startsAt
        mentor { id displayName }
        mentee { id displayName }
        refund { amountMinor currency }
      }
      refundTotals { amountMinor currency }
    }
  }
`);
