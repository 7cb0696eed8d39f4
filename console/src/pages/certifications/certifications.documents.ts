import { graphql } from "../../gql";
import type { CertificationProgramsQuery } from "../../gql/graphql";

export const CertificationProgramsDocument = graphql(`
  query CertificationPrograms {
    certificationPrograms {
      id
      name
      description
      active
      minCompletedSessions
      minMilestonesReached
      minEvaluationScore
      rubric { key label maxPoints }
    }
  }
`);

export const CertificatesDocument = graphql(`
  query Certificates($first: Int!, $after: String, $menteeId: ID) {
    certificates(first: $first, after: $after, menteeId: $menteeId) {
      edges { node { id code holderName issuedAt issuedBy menteeId revokedAt revokeReason program { id name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const CertificationProgressDocument = graphql(`
  query CertificationProgress($menteeId: ID!, $programId: ID!) {
    certificationProgress(menteeId: $menteeId, programId: $programId) {
      met
      completedSessions
      requiredSessions
      milestonesReached
      requiredMilestones
      evaluationScore
      requiredScore
      evaluations
    }
  }
`);

export const CreateCertificationProgramDocument = graphql(`
  mutation CreateCertificationProgram($input: CreateCertificationProgramInput!) {
    createCertificationProgram(input: $input) { id name }
  }
`);

export const IssueCertificateDocument = graphql(`
  mutation IssueCertificate($input: IssueCertificateInput!) {
    issueCertificate(input: $input) { id code holderName issuedAt }
  }
`);

export const RevokeCertificateDocument = graphql(`
  mutation RevokeCertificate($input: RevokeCertificateInput!) {
    revokeCertificate(input: $input) { id revokedAt revokeReason }
  }
`);

export const VerifyCertificateDocument = graphql(`
  query VerifyCertificate($code: String!) {
    verifyCertificate(code: $code) { code valid status holderName programName issuedAt revokedAt }
  }
`);

/** One certification program as the page lists it. */
export type Program = CertificationProgramsQuery["certificationPrograms"][number];
