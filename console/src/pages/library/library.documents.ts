import { graphql } from "../../gql";

export const LibraryItemFields = graphql(`
  fragment LibraryItemFields on LibraryItem {
    id
    kind
    status
    title
    summary
    body
    url
    tags
    authorName
    createdAt
    updatedAt
    publishedAt
    archivedAt
  }
`);

export const LibraryItemsDocument = graphql(`
  query LibraryItems($first: Int!, $after: String, $filter: LibraryFilter) {
    libraryItems(first: $first, after: $after, filter: $filter) {
      edges { node { ...LibraryItemFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const CreateLibraryItemDocument = graphql(`
  mutation CreateLibraryItem($input: CreateLibraryItemInput!) {
    createLibraryItem(input: $input) { ...LibraryItemFields }
  }
`);

export const UpdateLibraryItemDocument = graphql(`
  mutation UpdateLibraryItem($input: UpdateLibraryItemInput!) {
    updateLibraryItem(input: $input) { ...LibraryItemFields }
  }
`);

export const PublishLibraryItemDocument = graphql(`
  mutation PublishLibraryItem($input: LibraryItemStatusInput!) {
    publishLibraryItem(input: $input) { ...LibraryItemFields }
  }
`);

export const ArchiveLibraryItemDocument = graphql(`
  mutation ArchiveLibraryItem($input: LibraryItemStatusInput!) {
    archiveLibraryItem(input: $input) { ...LibraryItemFields }
  }
`);
