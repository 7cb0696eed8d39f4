// The log redaction rule: no secret reaches a log line. Keys that name a secret (password,
// token, secret, authorization, ...) are masked at any depth; in GraphQL documents the string
// literals of such arguments/fields are masked, and so are the variables used in those places
// (whatever the variable is called); variables of a sensitive input type are masked whole.
import { Kind, parse, print, visit, type DocumentNode } from "graphql";

export const REDACTED = "[REDACTED]";
const SECRET_KEY = /pass(word|phrase)?|token|secret|authorization|cookie|api[-_]?key|credential|otp/i;
// Input types whose every field is sensitive (log-in, sign-up, password changes, account deletion).
const SECRET_INPUT_TYPE = /^(LogIn|SignUp|ChangePassword|DeleteAccount|ResetPassword)\w*Input$/;

export const isSecretKey = (key: string) => SECRET_KEY.test(key);

export function redactDeep(value: unknown, extraKeys: ReadonlySet<string> = new Set(), depth = 0): unknown {
  if (depth > 20 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, extraKeys, depth + 1));
  if (value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = isSecretKey(k) || extraKeys.has(k) ? REDACTED : redactDeep(v, extraKeys, depth + 1);
  return out;
}

/** The document with secret literals masked, and the names of variables that carry secrets. */
export function redactDocument(doc: DocumentNode): { doc: DocumentNode; secretVariables: Set<string> } {
  const secretVariables = new Set<string>();
  const mask = { kind: Kind.STRING, value: REDACTED } as const;
  const out = visit(doc, {
    VariableDefinition(node) {
      let t = node.type;
      while (t.kind !== Kind.NAMED_TYPE) t = t.type;
      if (SECRET_INPUT_TYPE.test(t.name.value)) secretVariables.add(node.variable.name.value);
    },
    Argument(node) {
      if (!isSecretKey(node.name.value)) return undefined;
      if (node.value.kind === Kind.VARIABLE) secretVariables.add(node.value.name.value);
      return { ...node, value: mask };
    },
    ObjectField(node) {
      if (!isSecretKey(node.name.value)) return undefined;
      if (node.value.kind === Kind.VARIABLE) secretVariables.add(node.value.name.value);
      return { ...node, value: mask };
    },
  });
  return { doc: out, secretVariables };
}

/** A GraphQL request ({ query, variables }) made safe to log. */
export function redactOperation(query: unknown, variables: unknown): { query?: string; variables?: unknown } {
  let text: string | undefined;
  let secretVariables = new Set<string>();
  if (typeof query === "string") {
    try {
      const r = redactDocument(parse(query, { noLocation: true }));
      text = print(r.doc);
      secretVariables = r.secretVariables;
    } catch {
      // Unparseable: keep nothing of it rather than risk a secret.
      text = `[unparseable document, ${query.length} characters]`;
    }
  }
  return { query: text, variables: redactDeep(variables, secretVariables) };
}

/** Free text that may quote a document or JSON: masks `password: "..."` and `"token":"..."` forms. */
export function redactText(text: string): string {
  return text.replace(/((?:["']?)[\w-]*(?:pass(?:word|phrase)?|token|secret|authorization|api[-_]?key)[\w-]*["']?\s*[:=]\s*)("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s,}&]+)/gi, `$1"${REDACTED}"`);
}
