import { graphql } from "../../gql";

export const ForumThreadRowFields = graphql(`
  fragment ForumThreadRowFields on ForumThread {
    id
    title
    authorId
    authorName
    locked
    pinned
    hidden
    hiddenReason
    createdAt
    lastPostAt
  }
`);

export const ForumCategoriesDocument = graphql(`
  query ForumCategories {
    forumCategories { id name description }
  }
`);

export const ForumCategoryThreadsDocument = graphql(`
  query ForumCategoryThreads($first: Int!, $after: String) {
    forumCategories {
      id
      name
      threads(first: $first, after: $after) {
        edges { node { ...ForumThreadRowFields } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

export const ForumThreadDocument = graphql(`
  query ForumThread($id: ID!, $first: Int!, $after: String) {
    forumThread(id: $id) {
      ...ForumThreadRowFields
      category { id name }
      posts(first: $first, after: $after) {
        edges { node { id authorId authorName body hidden hiddenReason createdAt editedAt } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

export const ModerateForumPostDocument = graphql(`
  mutation ModerateForumPost($input: ModerateForumPostInput!) {
    moderateForumPost(input: $input) { id hidden hiddenReason }
  }
`);

export const ModerateForumThreadDocument = graphql(`
  mutation ModerateForumThread($input: ModerateForumThreadInput!) {
    moderateForumThread(input: $input) { ...ForumThreadRowFields }
  }
`);
