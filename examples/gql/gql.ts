/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation ExampleLogIn($input: LogInInput!) {\n    logIn(input: $input) { token user { displayName timeZone } }\n  }\n": typeof types.ExampleLogInDocument,
    "\n  query ExampleFindMentor($search: String) {\n    mentors(first: 1, search: $search) {\n      edges { node { id displayName mentorProfile { hourlyRateMinor currency } } }\n    }\n  }\n": typeof types.ExampleFindMentorDocument,
    "\n  query ExampleSlots($mentorId: ID!, $from: DateTime!, $to: DateTime!, $duration: Int!) {\n    availableSlots(mentorId: $mentorId, from: $from, to: $to, durationMinutes: $duration) { startsAt localStart }\n  }\n": typeof types.ExampleSlotsDocument,
    "\n  mutation ExampleBook($input: BookSessionInput!) {\n    bookSession(input: $input) { id state startsAt priceMinor currency }\n  }\n": typeof types.ExampleBookDocument,
    "\n  subscription ExampleFollow($id: ID!) {\n    sessionUpdated(id: $id) {\n      id\n      state\n      endedBy\n      unlapsedMinutes\n      presence { party kind at }\n    }\n  }\n": typeof types.ExampleFollowDocument,
};
const documents: Documents = {
    "\n  mutation ExampleLogIn($input: LogInInput!) {\n    logIn(input: $input) { token user { displayName timeZone } }\n  }\n": types.ExampleLogInDocument,
    "\n  query ExampleFindMentor($search: String) {\n    mentors(first: 1, search: $search) {\n      edges { node { id displayName mentorProfile { hourlyRateMinor currency } } }\n    }\n  }\n": types.ExampleFindMentorDocument,
    "\n  query ExampleSlots($mentorId: ID!, $from: DateTime!, $to: DateTime!, $duration: Int!) {\n    availableSlots(mentorId: $mentorId, from: $from, to: $to, durationMinutes: $duration) { startsAt localStart }\n  }\n": types.ExampleSlotsDocument,
    "\n  mutation ExampleBook($input: BookSessionInput!) {\n    bookSession(input: $input) { id state startsAt priceMinor currency }\n  }\n": types.ExampleBookDocument,
    "\n  subscription ExampleFollow($id: ID!) {\n    sessionUpdated(id: $id) {\n      id\n      state\n      endedBy\n      unlapsedMinutes\n      presence { party kind at }\n    }\n  }\n": types.ExampleFollowDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExampleLogIn($input: LogInInput!) {\n    logIn(input: $input) { token user { displayName timeZone } }\n  }\n"): (typeof documents)["\n  mutation ExampleLogIn($input: LogInInput!) {\n    logIn(input: $input) { token user { displayName timeZone } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExampleFindMentor($search: String) {\n    mentors(first: 1, search: $search) {\n      edges { node { id displayName mentorProfile { hourlyRateMinor currency } } }\n    }\n  }\n"): (typeof documents)["\n  query ExampleFindMentor($search: String) {\n    mentors(first: 1, search: $search) {\n      edges { node { id displayName mentorProfile { hourlyRateMinor currency } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExampleSlots($mentorId: ID!, $from: DateTime!, $to: DateTime!, $duration: Int!) {\n    availableSlots(mentorId: $mentorId, from: $from, to: $to, durationMinutes: $duration) { startsAt localStart }\n  }\n"): (typeof documents)["\n  query ExampleSlots($mentorId: ID!, $from: DateTime!, $to: DateTime!, $duration: Int!) {\n    availableSlots(mentorId: $mentorId, from: $from, to: $to, durationMinutes: $duration) { startsAt localStart }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExampleBook($input: BookSessionInput!) {\n    bookSession(input: $input) { id state startsAt priceMinor currency }\n  }\n"): (typeof documents)["\n  mutation ExampleBook($input: BookSessionInput!) {\n    bookSession(input: $input) { id state startsAt priceMinor currency }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ExampleFollow($id: ID!) {\n    sessionUpdated(id: $id) {\n      id\n      state\n      endedBy\n      unlapsedMinutes\n      presence { party kind at }\n    }\n  }\n"): (typeof documents)["\n  subscription ExampleFollow($id: ID!) {\n    sessionUpdated(id: $id) {\n      id\n      state\n      endedBy\n      unlapsedMinutes\n      presence { party kind at }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;