// Limits that need the variables: armor's cost rule runs at validation, when `first: $n` is still
// unknown, so a huge page passed as a variable (or as a variable's default) slipped through.
// Here, once the variables are known, every page-size argument gets its value as a literal and
// armor's own cost rule runs again on that document; the same pass refuses NUL characters in
// any string input (PostgreSQL text cannot store them).
import {
  GraphQLError,
  Kind,
  getOperationAST,
  validate,
  valueFromASTUntyped,
  visit,
  type ArgumentNode,
  type DocumentNode,
  type GraphQLSchema,
  type ValueNode,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { MAX_PAGE_SIZE } from "./builder.js";
import { COST_OPTIONS } from "./limits.js";

const PAGE_ARGS = new Set(["first", "last", "limit"]);

const limitError = (message: string) => new GraphQLError(message, { extensions: { code: "QUERY_LIMIT_EXCEEDED" } });
const badInput = (message: string, extensions: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", ...extensions } });

/** The value each variable will have at execution: the one sent, else its default. */
function effectiveVariables(doc: DocumentNode, operationName: string | null | undefined, sent: Record<string, unknown>): Record<string, unknown> {
  const op = getOperationAST(doc, operationName);
  const out: Record<string, unknown> = {};
  for (const def of op?.variableDefinitions ?? []) {
    const name = def.variable.name.value;
    if (Object.prototype.hasOwnProperty.call(sent, name)) out[name] = sent[name];
    else if (def.defaultValue) out[name] = valueFromASTUntyped(def.defaultValue);
  }
  return out;
}

function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (depth > 50 || value === null || typeof value !== "object") return false;
  return Object.entries(value).some(([k, v]) => k.includes("\u0000") || hasNul(v, depth + 1));
}

/** The document with every page-size variable replaced by its effective value. */
function withPageSizesInlined(doc: DocumentNode, vars: Record<string, unknown>): { doc: DocumentNode; changed: boolean } {
  let changed = false;
  const inlined = visit(doc, {
    Argument(node: ArgumentNode) {
      if (!PAGE_ARGS.has(node.name.value) || node.value.kind !== Kind.VARIABLE) return undefined;
      const v = vars[node.value.name.value];
      if (typeof v !== "number" || !Number.isFinite(v)) return undefined;
      changed = true;
      const value: ValueNode = { kind: Kind.INT, value: String(Math.trunc(v)) };
      return { ...node, value };
    },
  });
  return { doc: inlined, changed };
}

function pageSizeProblem(doc: DocumentNode): string | undefined {
  let problem: string | undefined;
  visit(doc, {
    Argument(node) {
      if (problem || !PAGE_ARGS.has(node.name.value) || node.value.kind !== Kind.INT) return;
      const n = Number(node.value.value);
      if (n > MAX_PAGE_SIZE || n < 0) problem = `Page size ${node.value.value} is outside 0..${MAX_PAGE_SIZE}`;
    },
  });
  return problem;
}

interface DocumentFacts {
  nulLiteral: boolean;
  literalProblem: string | undefined;
  /** Variables used as page sizes: only these need work per request. */
  pageVariables: boolean;
}

// One walk per parsed document (yoga caches parsed documents by text), not one per request.
const factsByDocument = new WeakMap<DocumentNode, DocumentFacts>();

function factsOf(doc: DocumentNode): DocumentFacts {
  let facts = factsByDocument.get(doc);
  if (facts) return facts;
  let nulLiteral = false;
  let pageVariables = false;
  visit(doc, {
    StringValue(node) {
      if (node.value.includes("\u0000")) nulLiteral = true;
    },
    Argument(node) {
      if (PAGE_ARGS.has(node.name.value) && node.value.kind === Kind.VARIABLE) pageVariables = true;
    },
  });
  facts = { nulLiteral, literalProblem: pageSizeProblem(doc), pageVariables };
  factsByDocument.set(doc, facts);
  return facts;
}

function check(args: { schema: GraphQLSchema; document: DocumentNode; operationName?: string | null; variableValues?: unknown }): void {
  const sent = (args.variableValues ?? {}) as Record<string, unknown>;
  const facts = factsOf(args.document);
  if (facts.nulLiteral || hasNul(sent)) throw badInput("Strings must not contain NUL characters");
  if (facts.literalProblem) throw badInput(facts.literalProblem, { maxPageSize: MAX_PAGE_SIZE });
  // Literal page sizes were priced by armor at validation; only variables need a second look.
  if (!facts.pageVariables) return;
  const vars = effectiveVariables(args.document, args.operationName, sent);
  const { doc, changed } = withPageSizesInlined(args.document, vars);
  const bad = pageSizeProblem(doc);
  if (bad) throw badInput(bad, { maxPageSize: MAX_PAGE_SIZE });
  if (!changed) return;
  const errors = validate(args.schema, doc, [costLimitRule({ ...COST_OPTIONS, propagateOnRejection: false, onReject: [(ctx, err) => ctx?.reportError(err)] })]);
  if (errors.length) throw limitError(errors[0].message.replace(/^Syntax Error: /, ""));
}

/** Page sizes and cost with the variables known; NUL refused in any string input. */
export function variableLimitsPlugin(): Plugin {
  return {
    onExecute({ args }) {
      check(args);
    },
    onSubscribe({ args }) {
      check(args);
    },
  };
}
