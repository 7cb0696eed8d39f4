// The one place where errors become GraphQL errors. Domain errors keep their message and code;
// anything unexpected is masked (logged with the request id) so internals never leak.
import { GraphQLError } from "graphql";
import { DomainError, isGraphQLError } from "../lib/errors.js";
import type { Logger } from "../lib/logger.js";
import { withoutSuggestions } from "./limits.js";

function prismaToDomain(e: { code?: string; meta?: Record<string, unknown>; message?: string }): DomainError | undefined {
  switch (e.code) {
    case "P2002":
      return new DomainError("CONFLICT", "This already exists");
    case "P2025":
      return new DomainError("NOT_FOUND", "The record was not found");
    case "P2003":
      return new DomainError("BAD_USER_INPUT", "A referenced record does not exist");
    case "P2034":
      return new DomainError("CONFLICT", "A concurrent change won; try again");
    case "P1001":
    case "P1002":
    case "P1017":
    case "P2024":
      return new DomainError("SERVICE_UNAVAILABLE", "The database is unreachable; try again shortly");
  }
  // Exclusion constraint (23P01) and serialization failures surface as raw driver errors.
  const msg = String(e.message ?? "");
  // NUL in text (22021): refused up front by the input checks; this is the backstop.
  if (/22021|invalid byte sequence for encoding "UTF8": 0x00|unsupported Unicode escape sequence|\\u0000/i.test(msg))
    return new DomainError("BAD_USER_INPUT", "Text must not contain NUL characters");
  if (/23P01|exclusion constraint|conflicting key value violates exclusion/i.test(msg))
    return new DomainError("CONFLICT", "That time is already taken");
  if (/40001|could not serialize/i.test(msg)) return new DomainError("CONFLICT", "A concurrent change won; try again");
  if (/ECONNREFUSED|Connection terminated|connect ETIMEDOUT|timeout exceeded when trying to connect|terminating connection/i.test(msg))
    return new DomainError("SERVICE_UNAVAILABLE", "The database is unreachable; try again shortly");
  return undefined;
}

export function toDomainError(err: unknown): DomainError | undefined {
  if (err instanceof DomainError) return err;
  if (err && typeof err === "object" && "code" in err) return prismaToDomain(err as never);
  if (err instanceof Error) return prismaToDomain({ message: err.message });
  return undefined;
}


/**
 * In production an error that reaches the client carries only its message and code: no
 * `originalError`, stack or echo of the request (a malformed body came back inside
 * `extensions.originalError`), and no "Did you mean" schema hints.
 */
function forProduction(e: GraphQLError): GraphQLError {
  const { code, http, ...rest } = (e.extensions ?? {}) as Record<string, unknown>;
  const keep: Record<string, unknown> = {};
  // Machine-readable facts our own errors carry (retry time, field errors, ban end) stay.
  for (const [k, v] of Object.entries(rest)) if (k !== "originalError" && k !== "stack") keep[k] = v;
  const parseFailure = (http as { status?: number } | undefined)?.status === 400 && !code;
  return new GraphQLError(parseFailure ? "Malformed request body" : withoutSuggestions(e.message), {
    nodes: e.nodes,
    path: e.path,
    extensions: { ...keep, code: code ?? (parseFailure ? "BAD_REQUEST" : "BAD_USER_INPUT"), ...(http ? { http } : {}) },
  });
}

export function createMaskError(logger: Logger, production = false) {
  const mask = createMaskErrorInner(logger);
  return (error: unknown, message: string): Error => {
    const out = mask(error, message);
    return production && isGraphQLError(out) ? forProduction(out) : out;
  };
}

function createMaskErrorInner(logger: Logger) {
  return (error: unknown, message: string): Error => {
    const gqlErr = isGraphQLError(error) ? error : undefined;
    // graphql 17 links the thrown error as `cause`; older code paths use `originalError`.
    const inner = gqlErr ? (gqlErr.originalError ?? (gqlErr as { cause?: unknown }).cause) : undefined;
    const original = inner ?? error;
    // Errors we created ourselves with a code (validation, limits, scalars) pass unchanged.
    if (gqlErr && !inner && gqlErr.extensions?.code) return gqlErr;
    // A GraphQLError with no cause comes from graphql itself (variable coercion): the caller's input.
    if (gqlErr && !inner) return new GraphQLError(gqlErr.message, { nodes: gqlErr.nodes, path: gqlErr.path, extensions: { ...gqlErr.extensions, code: "BAD_USER_INPUT" } });
    if (isGraphQLError(original) && original.extensions?.code) return original;
    // graphql's own input coercion wraps a GraphQLError: the caller's input was wrong.
    if (gqlErr && isGraphQLError(inner)) return new GraphQLError(gqlErr.message, { nodes: gqlErr.nodes, path: gqlErr.path, extensions: { ...gqlErr.extensions, code: "BAD_USER_INPUT" } });
    const domain = toDomainError(original);
    if (domain) {
      return new GraphQLError(domain.message, {
        nodes: gqlErr?.nodes,
        path: gqlErr?.path,
        extensions: { code: domain.code, ...domain.details },
      });
    }
    logger.error({ err: original }, "unexpected error");
    return new GraphQLError(message, { nodes: gqlErr?.nodes, path: gqlErr?.path, extensions: { code: "INTERNAL_SERVER_ERROR" } });
  };
}
