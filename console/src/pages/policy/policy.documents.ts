import { graphql } from "../../gql";

export const PolicyFieldFields = graphql(`
  fragment PolicyFieldFields on PolicyField {
    key
    section
    sectionLabel
    label
    description
    unit
    kind
    min
    max
    options { value label }
  }
`);

export const PolicyPageDocument = graphql(`
  query PolicyPage {
    policy { version values }
    policyFields { ...PolicyFieldFields }
    policyHistory(limit: 50) {
      id
      version
      reason
      values
      createdAt
      createdBy { id displayName }
    }
  }
`);

export const UpdatePolicyDocument = graphql(`
  mutation UpdatePolicy($input: UpdatePolicyInput!) {
    updatePolicy(input: $input) { version values }
  }
`);

export const PreviewPolicyChangeDocument = graphql(`
  query PreviewPolicyChange($changes: JSON!) {
    previewPolicyChange(changes: $changes) {
      currentVersion
      changes {
        aspect
        current
        proposed
        detail
        user { id displayName email }
      }
    }
  }
`);
