// Services throw DomainError; one plugin (schema/errors.ts) maps it to `extensions.code`.
export const ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "BAD_USER_INPUT",
  "CONFLICT",
  "RATE_LIMITED",
  "ACCOUNT_BANNED",
  "ACCOUNT_SUSPENDED",
  "FEATURE_SUSPENDED",
  "PRECONDITION_FAILED",
  "SERVICE_UNAVAILABLE",
  "INTERNAL_SERVER_ERROR",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra machine-readable facts for clients (field errors, ban end date, ...). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what: string, id?: string) =>
  new DomainError("NOT_FOUND", id ? `${what} ${id} was not found` : `${what} was not found`);

export const badInput = (message: string, fields?: Record<string, string>) =>
  new DomainError("BAD_USER_INPUT", message, fields ? { fields } : {});

export const conflict = (message: string, details?: Record<string, unknown>) =>
  new DomainError("CONFLICT", message, details);

// Checked by name: yoga and our code can load graphql through different module formats (ESM and
// CJS copies of one version), so `instanceof GraphQLError` is not reliable across them.
export const isGraphQLError = (e: unknown): e is import("graphql").GraphQLError => e instanceof Error && e.name === "GraphQLError";
