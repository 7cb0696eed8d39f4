// What each `extensions.code` means to a client app and what the app should do about it. The
// table in docs/api/errors.md is generated from this (`pnpm docs:errors`), and the record is keyed
// by ERROR_CODES, so a new code does not compile until it is explained here.
import { ERROR_CODES, type ErrorCode } from "./errors.js";

/** Codes raised outside DomainError: request parsing, validation and the abuse limits. */
export const PROTOCOL_ERROR_CODES = ["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "QUERY_LIMIT_EXCEEDED", "PAYLOAD_TOO_LARGE"] as const;
export type ProtocolErrorCode = (typeof PROTOCOL_ERROR_CODES)[number];

export interface ErrorDoc {
  meaning: string;
  /** Extra `extensions` keys it may carry, besides `code`. */
  details: string;
  action: string;
}

export const ERROR_DOCS: Record<ErrorCode | ProtocolErrorCode, ErrorDoc> = {
  UNAUTHENTICATED: {
    meaning: "No token, an expired or revoked token, or a wrong e-mail/password at log-in.",
    details: "`reason` (why the field needs a signed-in user), sometimes",
    action: "Drop the stored token and show the log-in screen. Do not retry.",
  },
  FORBIDDEN: {
    meaning: "Signed in, but this user may not do this to this row (role, ownership, a party-only action, a deactivated account).",
    details: "none",
    action: "Hide or disable the action; show the message. `viewer.permissions` tells in advance what the user may do.",
  },
  NOT_FOUND: {
    meaning: "The id does not exist, or the user may not see it (the two are not told apart).",
    details: "none",
    action: "Show \"not found\" and refresh the list the id came from.",
  },
  BAD_USER_INPUT: {
    meaning: "The input is invalid: a malformed value, a rule on the value (minimum notice, duration, a page size above 100), or a variable of the wrong type.",
    details: "`fields` (input name → problem) for form errors; `maxPageSize` for page sizes",
    action: "Show the message next to the fields named in `fields`; fix the input before sending again.",
  },
  CONFLICT: {
    meaning: "The request collides with the current state: the slot was just taken, the row changed meanwhile (a stale `expectedVersion`), it already exists, or the object is in a state that does not allow it.",
    details: "sometimes the existing row (e.g. `mentorshipId`) or the `version` in force",
    action: "Reload the object and show its current state; for a taken slot, search the slots again. Do not blindly retry the same request.",
  },
  RATE_LIMITED: {
    meaning: "Too many attempts: log-in failures (per account and address, per address, and a growing delay per account), sign-ups per address, content created per user (forum threads and posts, chat messages, reports, tickets; policy `rateLimits`), or more than 50 operations at once on one WebSocket.",
    details: "`retryAfterSeconds` and `limit` (which limit was hit)",
    action: "Wait `retryAfterSeconds` before trying again (tell the user when); on a WebSocket, stop subscriptions you no longer need.",
  },
  ACCOUNT_BANNED: {
    meaning: "The account is banned (seed 003: the last step of Warning → Strike → Ban); it cannot sign in.",
    details: "`enforcementId`, `reason`, `endsAt` (null: permanent), `permanent`, `appealDeadline`",
    action: "Show the reason and, before `appealDeadline`, offer an appeal (`fileAppeal` with e-mail and password). Do not retry log-in.",
  },
  ACCOUNT_SUSPENDED: {
    meaning: "The whole account is suspended until `endsAt`; it cannot sign in meanwhile.",
    details: "`enforcementId`, `reason`, `endsAt`, `permanent`, `appealDeadline`",
    action: "Show the reason and the end date; offer an appeal before `appealDeadline`. Log-in works again after `endsAt`.",
  },
  FEATURE_SUSPENDED: {
    meaning: "One feature (booking, chat, forum, …) or one program's features are suspended for this user; the rest of the app works.",
    details: "`enforcementId`, `scope` (FEATURE or PROGRAM), `feature`, `programId`, `reason`, `endsAt`, `permanent`",
    action: "Disable that feature and say why and until when (the seeds require the reason to be shown). `viewer.standing.suspensions` lists them up front.",
  },
  PRECONDITION_FAILED: {
    meaning: "Allowed in principle, but not now: the room is not open yet, a window closed (cancel, feedback, appeal, partial refund), the code of conduct is not accepted, nothing left to refund.",
    details: "what decides it, e.g. `opensAt`, `minHours`, `appealDeadline`, `requestDeadline`, `reason: \"CONDUCT_NOT_ACCEPTED\"` with `documentId` and `version`",
    action: "Explain the condition with the details (e.g. count down to `opensAt`; show the code of conduct and call `acceptPolicyDocument`). Retry only once the condition holds.",
  },
  SERVICE_UNAVAILABLE: {
    meaning: "A dependency is down: the database is unreachable, or video calls are not configured on the server.",
    details: "none",
    action: "Retry with backoff (a few seconds, growing); tell the user the service is busy. The request did not take effect.",
  },
  INTERNAL_SERVER_ERROR: {
    meaning: "A bug on the server. The message is masked; the server logged the details with the request id.",
    details: "none",
    action: "Show a generic error; report it with the `x-request-id` you sent. Retrying a mutation may repeat it: only retry reads.",
  },
  GRAPHQL_PARSE_FAILED: {
    meaning: "The query is not valid GraphQL syntax.",
    details: "`locations` of the error",
    action: "A bug in the app's query: fix it (generate queries from `schema.graphql`).",
  },
  GRAPHQL_VALIDATION_FAILED: {
    meaning: "The query does not match the schema (an unknown field or argument, a missing required argument).",
    details: "`locations` of the error",
    action: "A bug in the app, or an app older than the API: regenerate its types from the current `schema.graphql`.",
  },
  QUERY_LIMIT_EXCEEDED: {
    meaning: "The query is too deep, too costly, has too many aliases, tokens or directives, or is too long (see Start, query limits).",
    details: "none",
    action: "Split the query or select less; never sent by queries of normal size.",
  },
  PAYLOAD_TOO_LARGE: {
    meaning: "The HTTP request body is over 100 KB (status 413).",
    details: "none",
    action: "Send less (one operation per request; no big uploads through GraphQL).",
  },
};

/** Every code a client can see, in the order of the table. */
export const ALL_ERROR_CODES: readonly (ErrorCode | ProtocolErrorCode)[] = [...ERROR_CODES, ...PROTOCOL_ERROR_CODES];

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** The Markdown table of docs/api/errors.md. */
export function errorTableMarkdown(): string {
  const rows = ALL_ERROR_CODES.map((code) => {
    const d = ERROR_DOCS[code];
    return `| \`${code}\` | ${cell(d.meaning)} | ${cell(d.details)} | ${cell(d.action)} |`;
  });
  return ["| code | meaning | `extensions` besides `code` | what the app should do |", "| --- | --- | --- | --- |", ...rows].join("\n");
}

export const TABLE_START = "<!-- error-table: generated by `pnpm docs:errors` from api/src/lib/error-catalog.ts; do not edit by hand -->";
export const TABLE_END = "<!-- /error-table -->";

/** The page with its generated table replaced by the current one. */
export function withErrorTable(page: string): string {
  const a = page.indexOf(TABLE_START);
  const b = page.indexOf(TABLE_END);
  if (a < 0 || b < a) throw new Error("errors.md has no error-table markers");
  return `${page.slice(0, a + TABLE_START.length)}\n${errorTableMarkdown()}\n${page.slice(b)}`;
}
