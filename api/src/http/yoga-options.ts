// Yoga's CORS and logging settings.
import type { YogaLogger } from "graphql-yoga";
import type { Logger } from "../lib/logger.js";
import { isGraphQLError } from "../lib/errors.js";
import { redactDeep, redactOperation, redactText } from "../lib/redact.js";
import { toDomainError } from "../schema/errors.js";

/**
 * CORS is an allowlist from configuration (CORS_ORIGINS). Without one the API sends no CORS
 * headers at all: only its own origin (the console it serves) can read responses in a browser.
 * Tokens travel in the Authorization header, never in cookies, so credentials are not allowed.
 */
export function corsFor(origins: string[]) {
  if (!origins.length) return false;
  const allowed = new Set(origins);
  return (request: Request) => {
    const origin = request.headers.get("origin");
    if (!origin || !allowed.has(origin)) return false as const;
    return {
      origin: [origin],
      credentials: false,
      methods: ["GET", "POST", "OPTIONS"],
      allowedHeaders: ["content-type", "authorization", "x-request-id", "x-graphql-yoga-csrf"],
      maxAge: 600,
    };
  };
}

const SERVER_CODES = new Set(["INTERNAL_SERVER_ERROR", "SERVICE_UNAVAILABLE", undefined]);

/** Errors caused by the caller (bad input, limits, auth) are expected traffic, not server errors. */
export function isClientError(e: unknown): boolean {
  if (!isGraphQLError(e)) return false;
  // Before masking, a resolver's error is a GraphQLError around our DomainError.
  const inner = e.originalError ?? (e as { cause?: unknown }).cause;
  const domain = inner ? toDomainError(inner) : undefined;
  if (domain) return !SERVER_CODES.has(domain.code);
  if (inner && !isGraphQLError(inner)) return false;
  const code = e.extensions?.code as string | undefined;
  const status = (e.extensions?.http as { status?: number } | undefined)?.status;
  return !SERVER_CODES.has(code) || (status !== undefined && status >= 400 && status < 500);
}

function safe(arg: unknown): unknown {
  if (typeof arg === "string") return redactText(arg);
  // GraphQL parameters ({ query, variables, ... }): document and variables redacted together.
  if (arg && typeof arg === "object" && typeof (arg as { query?: unknown }).query === "string") {
    const { query, variables, ...rest } = arg as { query: string; variables?: unknown };
    return { ...(redactDeep(rest) as object), ...redactOperation(query, variables) };
  }
  if (arg instanceof Error) return { type: arg.name, message: redactText(arg.message), code: (arg as { extensions?: { code?: unknown } }).extensions?.code };
  return redactDeep(arg);
}

/** Yoga's internal log calls, redacted; client errors go to debug instead of error. */
export function yogaLogging(log: Logger): YogaLogger {
  const write = (level: "debug" | "info" | "warn" | "error", args: unknown[]) => {
    const lvl = level === "error" && args.length > 0 && args.every((a) => typeof a === "string" || isClientError(a)) && args.some(isClientError) ? "debug" : level;
    const parts = args.map(safe);
    const msg = parts.filter((p) => typeof p === "string").join(" ");
    const details = parts.filter((p) => typeof p !== "string");
    log[lvl](details.length ? { details } : {}, msg || "yoga");
  };
  return {
    debug: (...a) => write("debug", a),
    info: (...a) => write("info", a),
    warn: (...a) => write("warn", a),
    error: (...a) => write("error", a),
  };
}
