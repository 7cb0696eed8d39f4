// Abuse limits, on from day one, shared by HTTP and WebSocket (both run through yoga's envelop).
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { GraphQLError, Lexer, Source, TokenKind } from "graphql";
import type { Plugin } from "graphql-yoga";
import { isGraphQLError } from "../lib/errors.js";

export const LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 2000,
  // Armor multiplies a list's cost by its page size: a staff list of 50 rows with nested fields
  // prices at 15-20 thousand, while nested pages of 100 (the abuse this stops) price in millions.
  maxCost: 50_000,
  maxDirectives: 20,
  maxDocumentBytes: 20_000,
};

// Armor throws its rejections with code BAD_USER_INPUT; we report them as validation errors
// instead, so they carry our QUERY_LIMIT_EXCEEDED code like every other limit.
const reject = {
  propagateOnRejection: false,
  onReject: [
    (ctx: { reportError(e: GraphQLError): void } | null, err: GraphQLError) =>
      ctx?.reportError(new GraphQLError(err.message, { extensions: { code: "QUERY_LIMIT_EXCEEDED" } })),
  ],
};

/** Armor's cost rule options: shared with the check that runs once variables are known (execution-limits.ts). */
export const COST_OPTIONS = { maxCost: LIMITS.maxCost, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 };

export function armorPlugin() {
  return EnvelopArmorPlugin({
    maxDepth: { n: LIMITS.maxDepth, flattenFragments: true, ...reject },
    maxAliases: { n: LIMITS.maxAliases, ...reject },
    // Tokens are counted by tokenLimitPlugin before parsing.
    maxTokens: { enabled: false },
    costLimit: { ...COST_OPTIONS, ...reject },
    maxDirectives: { n: LIMITS.maxDirectives, ...reject },
    // Armor's own suggestion blocker checks `instanceof GraphQLError`, which fails across the ESM
    // and CJS copies of graphql; validationCodesPlugin hides suggestions instead.
    blockFieldSuggestion: { enabled: false },
  });
}

const limitError = (message: string) => new GraphQLError(message, { extensions: { code: "QUERY_LIMIT_EXCEEDED" } });

/** Counts lexical tokens before parsing, so an oversized document costs no parse work. */
export function tokenLimitPlugin(maxTokens = LIMITS.maxTokens): Plugin {
  // Documents already counted and accepted (clients repeat the same few): counted once each.
  const accepted = new Set<string>();
  return {
    onParse({ params }) {
      const body = typeof params.source === "string" ? params.source : params.source.body;
      if (accepted.has(body)) return;
      if (body.length > LIMITS.maxDocumentBytes) throw limitError(`Document of ${body.length} characters exceeds ${LIMITS.maxDocumentBytes}`);
      const lexer = new Lexer(new Source(body));
      let n = 0;
      try {
        while (lexer.advance().kind !== TokenKind.EOF) if (++n > maxTokens) throw limitError(`Token limit of ${maxTokens} exceeded`);
      } catch (e) {
        if (isGraphQLError(e) && e.extensions?.code === "QUERY_LIMIT_EXCEEDED") throw e;
        // lexing errors are reported by the parser itself with its own message
      }
      if (accepted.size >= 1000) accepted.clear();
      accepted.add(body);
    },
  };
}

/** Gives every parse/validation error a stable code; the abuse limits get QUERY_LIMIT_EXCEEDED. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;
/** Field, argument and enum suggestions reveal the schema: production strips them. */
export const withoutSuggestions = (message: string) => message.replace(SUGGESTION, "");

export function validationCodesPlugin(production = false): Plugin {
  const isLimit = (m: string) => /limit of \d+ exceeded|exceeds? \d+|too (many|deep|costly)/i.test(m);
  const withCode = (e: GraphQLError, fallback: string) => {
    const code = isLimit(e.message) ? "QUERY_LIMIT_EXCEEDED" : ((e.extensions?.code as string | undefined) ?? fallback);
    const message = production ? withoutSuggestions(e.message) : e.message;
    return code === e.extensions?.code && message === e.message
      ? e
      : new GraphQLError(message, { nodes: e.nodes, source: e.source, positions: e.positions, path: e.path, originalError: e.originalError, extensions: { ...e.extensions, code } });
  };
  return {
    onParse() {
      return ({ result, replaceParseResult }) => {
        if (isGraphQLError(result)) replaceParseResult(withCode(result, "GRAPHQL_PARSE_FAILED"));
      };
    },
    onValidate() {
      return ({ result, setResult }) => {
        if (result.length) setResult(result.map((e) => withCode(e, "GRAPHQL_VALIDATION_FAILED")));
      };
    },
  };
}
