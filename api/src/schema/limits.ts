// Abuse limits, on from day one, shared by HTTP and WebSocket (both run through yoga's envelop).
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { GraphQLError, Kind, Lexer, Source, TokenKind, type DocumentNode, type ValueNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import { MAX_PAGE_SIZE } from "./builder.js";
import { isGraphQLError } from "../lib/errors.js";

export const LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 2000,
  maxCost: 5000,
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

export function armorPlugin(production: boolean) {
  return EnvelopArmorPlugin({
    maxDepth: { n: LIMITS.maxDepth, flattenFragments: true, ...reject },
    maxAliases: { n: LIMITS.maxAliases, ...reject },
    // Tokens are counted by tokenLimitPlugin before parsing.
    maxTokens: { enabled: false },
    costLimit: { maxCost: LIMITS.maxCost, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5, ...reject },
    maxDirectives: { n: LIMITS.maxDirectives, ...reject },
    blockFieldSuggestion: { enabled: production },
  });
}

type PageArg = { literal: number } | { variable: string };

// The walk over the document runs once per parsed document (yoga caches parsed documents by
// text); each request only looks up its variables in the list found.
const pageArgsByDocument = new WeakMap<DocumentNode, PageArg[]>();

function pageArgsOf(doc: DocumentNode): PageArg[] {
  let found = pageArgsByDocument.get(doc);
  if (found) return found;
  found = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    const n = node as { kind?: string; arguments?: { name: { value: string }; value: ValueNode }[] };
    if (n.kind === Kind.FIELD && n.arguments) {
      for (const a of n.arguments) {
        if (a.name.value === "first" || a.name.value === "last" || a.name.value === "limit") {
          if (a.value.kind === Kind.INT) found!.push({ literal: Number(a.value.value) });
          else if (a.value.kind === Kind.VARIABLE) found!.push({ variable: a.value.name.value });
        }
      }
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === "object" && "kind" in value) visit(value);
    }
  };
  visit(doc);
  pageArgsByDocument.set(doc, found);
  return found;
}

function findOversizePage(doc: DocumentNode, variables: Record<string, unknown> | undefined): number | undefined {
  for (const arg of pageArgsOf(doc)) {
    const v = "literal" in arg ? arg.literal : variables?.[arg.variable];
    if (typeof v === "number" && (v > MAX_PAGE_SIZE || v < 0)) return v;
  }
  return undefined;
}

/** Page sizes above the cap are refused with a coded error instead of being silently clamped. */
export function pageSizePlugin(): Plugin {
  return {
    onExecute({ args }) {
      const bad = findOversizePage(args.document, args.variableValues as Record<string, unknown> | undefined);
      if (bad !== undefined)
        throw new GraphQLError(`Page size ${bad} is outside 0..${MAX_PAGE_SIZE}`, { extensions: { code: "BAD_USER_INPUT", maxPageSize: MAX_PAGE_SIZE } });
    },
    onSubscribe({ args }) {
      const bad = findOversizePage(args.document, args.variableValues as Record<string, unknown> | undefined);
      if (bad !== undefined)
        throw new GraphQLError(`Page size ${bad} is outside 0..${MAX_PAGE_SIZE}`, { extensions: { code: "BAD_USER_INPUT", maxPageSize: MAX_PAGE_SIZE } });
    },
  };
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
export function validationCodesPlugin(): Plugin {
  const isLimit = (m: string) => /limit of \d+ exceeded|exceeds? \d+|too (many|deep|costly)/i.test(m);
  const withCode = (e: GraphQLError, fallback: string) => {
    const code = isLimit(e.message) ? "QUERY_LIMIT_EXCEEDED" : ((e.extensions?.code as string | undefined) ?? fallback);
    return code === e.extensions?.code
      ? e
      : new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, path: e.path, originalError: e.originalError, extensions: { ...e.extensions, code } });
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
