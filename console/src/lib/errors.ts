import type { CombinedError } from "@urql/core";

/** The API's own messages (errors[].message); a network failure says so plainly. */
export function messagesOf(error: CombinedError | undefined | null): string[] {
  if (!error) return [];
  if (error.graphQLErrors.length) return error.graphQLErrors.map((e) => e.message);
  if (error.networkError) return [`Network error: ${error.networkError.message}`];
  return [error.message];
}

export function codesOf(error: CombinedError | undefined | null): string[] {
  return (error?.graphQLErrors ?? []).map((e) => String(e.extensions?.code ?? ""));
}
