// Extracts the GraphQL examples of a Markdown page and runs them, in page order, against a test
// app. The format (documented in docs/api/README.md, "How the examples run"):
//   <!-- as: mentee -->                 the demo login to send it as (none: anonymous;
//                                       `$name`: a token captured earlier)
//   <!-- clock: +15m -->                move the test clock first (+Nm, +Nh, +Nd or an ISO instant)
//   <!-- expect-error: FORBIDDEN -->     the example documents an error: it must fail with that code
//   <!-- expect: data.a.b = "X" -->     a fact the text states about the result ("{{name}}": a captured value)
//   ```graphql ... ```                   the operation (a subscription runs over graphql-ws)
//   ```json ... ```                      optional: its variables; "{{name}}" is a captured value
//   <!-- capture: name = data.a.b -->   remember a value of the result for later examples
// `capture` and `expect` belong to the example above them; the others to the example below.
import { createClient, type Client } from "graphql-ws";
import { WebSocket } from "ws";
import type { TestApp } from "./app.js";
import type { Topics } from "../../api/src/lib/pubsub.js";

export interface DocExample {
  line: number;
  query: string;
  variables?: string;
  as?: string;
  clock?: string;
  expectError?: string;
  expects: { path: string; value: unknown }[];
  captures: { name: string; path: string }[];
}

const COMMENT = /^<!--\s*([a-z-]+):\s*(.*?)\s*-->\s*$/;

export function extractExamples(markdown: string): DocExample[] {
  const lines = markdown.split("\n");
  const out: DocExample[] = [];
  let pending: Partial<DocExample> = {};
  let last: DocExample | undefined;
  let lastEnded = -1; // line index after the last graphql block (its variables may follow)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    const c = COMMENT.exec(line);
    if (c) {
      const [, key, value] = c;
      if (key === "capture") {
        const m = /^(\w+)\s*=\s*(\S+)$/.exec(value);
        if (!m || !last) throw new Error(`line ${i + 1}: capture needs "name = path" after an example`);
        last.captures.push({ name: m[1], path: m[2] });
      } else if (key === "as") pending.as = value;
      else if (key === "clock") pending.clock = value;
      else if (key === "expect-error") pending.expectError = value;
      else if (key === "expect") {
        const m = /^(\S+)\s*=\s*(.+)$/.exec(value);
        if (!m || !last) throw new Error(`line ${i + 1}: expect needs "path = value" after an example`);
        last.expects.push({ path: m[1], value: JSON.parse(m[2]) });
      }
      continue;
    }
    const fence = /^```(\w*)/.exec(line);
    if (!fence) {
      if (line) lastEnded = -1; // prose between: a json block further down is not variables
      continue;
    }
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i].trim().startsWith("```"); i++) body.push(lines[i]);
    if (fence[1] === "graphql") {
      last = { line: start + 1, query: body.join("\n"), expects: [], captures: [], ...pending } as DocExample;
      out.push(last);
      pending = {};
      lastEnded = i;
    } else if (fence[1] === "json" && last && lastEnded >= 0) {
      last.variables = body.join("\n");
      lastEnded = -1;
    } else lastEnded = -1;
  }
  return out;
}

export function get(obj: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o == null ? undefined : (o as Record<string, unknown>)[/^\d+$/.test(k) ? Number(k) : k]), obj);
}

function substitute(text: string, values: Record<string, unknown>, where: string): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`${where}: {{${name}}} was not captured by an earlier example`);
    return String(values[name]).replace(/["\\]/g, (ch) => `\\${ch}`);
  });
}

function captured(values: Record<string, unknown>, name: string, where: string): string {
  if (!(name in values)) throw new Error(`${where}: ${name} was not captured by an earlier example`);
  return String(values[name]);
}

function moveClock(t: TestApp, spec: string): void {
  const rel = /^\+(\d+)([mhd])$/.exec(spec);
  if (rel) t.clock.advance(Number(rel[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[rel[2] as "m"]);
  else if (!Number.isNaN(Date.parse(spec))) t.clock.set(spec);
  else throw new Error(`bad clock "${spec}"`);
}

const TOPICS: (keyof Topics)[] = ["auditEntryAdded", "sessionUpdated", "liveSessions", "notificationAdded", "messageAdded", "safetyFeed", "disputeUpdated", "disputeQueue"];

interface RunOptions {
  /** Bearer token for a role name used in `as:` (demo logins, logged in once). */
  token(role: string): Promise<string>;
  /** How long a subscription may wait for its first event at the end of the page. */
  eventWaitMs?: number;
}

/** Runs a page's examples in order; throws with the page line on the first failure. */
export async function runExamples(t: TestApp, page: string, examples: DocExample[], opts: RunOptions): Promise<{ ran: number; events: number }> {
  const values: Record<string, unknown> = {};
  const subs: { where: string; events: unknown[]; errors: unknown[]; client: Client }[] = [];
  let ran = 0;
  try {
    for (const ex of examples) {
      const where = `${page}:${ex.line}`;
      if (ex.clock) moveClock(t, ex.clock);
      const token = !ex.as ? undefined : ex.as.startsWith("$") ? captured(values, ex.as.slice(1), where) : await opts.token(ex.as);
      let variables: Record<string, unknown> | undefined;
      try {
        variables = ex.variables ? JSON.parse(substitute(ex.variables, values, where)) : undefined;
      } catch (e) {
        throw new Error(`${where}: variables are not valid JSON: ${(e as Error).message}`);
      }
      const query = substitute(ex.query, values, where);
      if (/^\s*subscription\b/m.test(query)) {
        ran++;
        if (ex.expectError) {
          await refusedSubscription(t, where, query, variables, token, ex.expectError);
          continue;
        }
        subs.push(await startSubscription(t, where, query, variables, token));
        continue;
      }
      const r = await t.gql(query, variables, token);
      ran++;
      const got = (r.errors ?? []).map((e) => e.extensions?.code);
      if (ex.expectError) {
        if (!got.includes(ex.expectError)) throw new Error(`${where}: expected error ${ex.expectError}, got ${JSON.stringify(r.errors ?? r.data)}`);
        continue;
      }
      if (r.errors?.length) throw new Error(`${where}: ${r.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join("; ")}`);
      for (const e of ex.expects) {
        const v = get(r, e.path);
        // An expected value may name a captured one ("{{sessionId}}": the replay returns the first booking).
        const want = typeof e.value === "string" ? substitute(e.value, values, where) : e.value;
        if (JSON.stringify(v) !== JSON.stringify(want)) throw new Error(`${where}: expected ${e.path} = ${JSON.stringify(want)}, got ${JSON.stringify(v)}`);
      }
      for (const c of ex.captures) {
        const v = get(r, c.path);
        if (v === undefined || v === null) throw new Error(`${where}: capture ${c.name}: nothing at ${c.path} in ${JSON.stringify(r.data)}`);
        values[c.name] = v;
      }
    }
    // A subscription on the page must have delivered at least one event, without errors.
    for (const s of subs) {
      const end = Date.now() + (opts.eventWaitMs ?? 10_000);
      while (!s.events.length && !s.errors.length && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      if (s.errors.length) throw new Error(`${s.where}: subscription failed: ${JSON.stringify(s.errors)}`);
      if (!s.events.length) throw new Error(`${s.where}: the subscription received no event from the examples after it`);
    }
    return { ran, events: subs.reduce((n, s) => n + s.events.length, 0) };
  } finally {
    await Promise.all(subs.map((s) => s.client.dispose()));
  }
}

async function startSubscription(t: TestApp, where: string, query: string, variables: Record<string, unknown> | undefined, token?: string) {
  const client = createClient({
    url: t.wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
  });
  const s = { where, events: [] as unknown[], errors: [] as unknown[], client };
  const total = () => TOPICS.reduce((n, topic) => n + t.app.listenerCount(topic), 0);
  const before = total();
  client.subscribe(
    { query, variables },
    {
      next: (v) => (v.errors?.length ? s.errors.push(...v.errors) : s.events.push(v.data)),
      error: (e) => s.errors.push(e instanceof Error ? e.message : e),
      complete: () => {},
    },
  );
  // The examples below it must happen after the server listens: wait for its listener.
  const end = Date.now() + 10_000;
  while (total() <= before && !s.errors.length) {
    if (Date.now() > end) throw new Error(`${where}: the subscription never started listening`);
    await new Promise((r) => setTimeout(r, 10));
  }
  if (s.errors.length) throw new Error(`${where}: subscription refused: ${JSON.stringify(s.errors)}`);
  return s;
}

/** A subscription the page shows being refused: it must fail with that code. */
async function refusedSubscription(t: TestApp, where: string, query: string, variables: Record<string, unknown> | undefined, token: string | undefined, code: string) {
  const client = createClient({ url: t.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: token ? { authorization: `Bearer ${token}` } : {} });
  try {
    let timer: NodeJS.Timeout | undefined;
    const got = await new Promise<unknown>((resolve) => {
      timer = setTimeout(() => resolve("no answer within 10 s"), 10_000);
      client.subscribe({ query, variables }, { next: (v) => resolve(v.errors ?? v.data), error: resolve, complete: () => resolve("completed") });
    }).finally(() => clearTimeout(timer));
    const codes = Array.isArray(got) ? got.map((e: { extensions?: { code?: string } }) => e.extensions?.code) : [];
    if (!codes.includes(code)) throw new Error(`${where}: expected the subscription to fail with ${code}, got ${JSON.stringify(got)}`);
  } finally {
    await client.dispose();
  }
}
