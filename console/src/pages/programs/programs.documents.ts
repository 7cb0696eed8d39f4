import { graphql } from "../../gql";

export const ProgramsDocument = graphql(`
  query Programs {
    programs {
      id
      name
      kind
      description
      createdAt
      members { role addedAt user { id displayName email role } }
    }
  }
`);

export const CreateProgramDocument = graphql(`
  mutation CreateProgram($input: CreateProgramInput!) {
    createProgram(input: $input) { id name kind description createdAt members { role addedAt user { id displayName email role } } }
  }
`);

export const AddProgramMemberDocument = graphql(`
  mutation AddProgramMember($programId: ID!, $userId: ID!) {
    addProgramMember(programId: $programId, userId: $userId) { role addedAt user { id displayName } program { id } }
  }
`);

export const RemoveProgramMemberDocument = graphql(`
  mutation RemoveProgramMember($programId: ID!, $userId: ID!) {
    removeProgramMember(programId: $programId, userId: $userId)
  }
`);

export const FindUsersDocument = graphql(`
  query FindUsers($search: String!) {
    users(first: 8, filter: { search: $search, status: ACTIVE }) {
      edges { node { id displayName email role } }
    }
  }
`);
