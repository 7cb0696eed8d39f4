// The one place where errors become GraphQL errors. Domain errors keep their message and code;
// anything unexpected is masked (logged with the request id) so internals never leak.
import { GraphQLError } from "graphql";
import { DomainError } from "../lib/errors.js";
import type { Logger } from "../lib/logger.js";

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

export function createMaskError(logger: Logger) {
  return (error: unknown, message: string): Error => {
    const gqlErr = error instanceof GraphQLError ? error : undefined;
    const original = gqlErr?.originalError ?? error;
    // Errors we created ourselves with a code (validation, limits, scalars) pass unchanged.
    if (gqlErr && !gqlErr.originalError && gqlErr.extensions?.code) return gqlErr;
    if (original instanceof GraphQLError && original.extensions?.code) return original;
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
