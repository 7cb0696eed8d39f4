// The goals table of RESULTS.md: every figure of the performance issue with its goal, met or
// missed, and for a missed goal the measured cause and the next lever. Built from this run only.
import type { Phase } from "./phases.js";

export interface LoadRow {
  size: number;
  conns: number;
  gql: { rps: number; mean: number; total: number };
  base: { rps: number };
  stmtsGql: number;
  phase?: Phase;
}

export interface FanoutFigures {
  clients: number;
  connectMs: number;
  p99: number;
  delivered: number;
  expected: number;
  mem: { before: { rss: number; heapUsed: number }; during: { gc: { heapUsed: number } }; afterClose: { rss: number; heapUsed: number } };
  sqlPerSubscribe?: number;
  executionsPerEvent?: number;
}

const f = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : "n/a");
const ratioOf = (r: LoadRow) => (r.base.rps > 0 ? r.gql.rps / r.base.rps : NaN);
/** The row with the lowest ratio (a row without a ratio counts as the worst). */
const rank = (r: LoadRow) => (Number.isFinite(ratioOf(r)) ? ratioOf(r) : -1);
const worstOf = (rows: LoadRow[]) => rows.reduce((w, r) => (rank(r) < rank(w) ? r : w), rows[0]);
/** The worst row's cause; when nothing completed there, the worst row that has phase figures. */
const causeOf = (rows: LoadRow[]) => {
  const worst = worstOf(rows);
  const done = rows.filter((r) => r.gql.total > 0);
  const shown = worst.gql.total || !done.length ? worst : worstOf(done);
  const head = `worst row ${worst.size > 1 ? `list ${worst.size}, ` : ""}${worst.conns} conns${worst.gql.total ? "" : " (no request completed in the window)"}`;
  return shown === worst ? `${head}; ${leverFor(worst)}` : `${head}; worst completed row ${shown.size > 1 ? `list ${shown.size}, ` : ""}${shown.conns} conns: ${leverFor(shown)}`;
};

/** Which phase of a request took the most time, and what would cut it next. */
function leverFor(r: LoadRow | undefined): string {
  const p = r?.phase;
  if (!r || !p) return "no phase figures in this run";
  if (!r.gql.total) return "no GraphQL request completed within the measuring window (responses slower than the window on this machine at this load); next lever: see the other rows' largest phase";
  const other = r.gql.mean - p.authMs - p.executeMs;
  const cpu = p.executeMs - p.sqlMs;
  const parts: [string, number, string][] = [
    ["auth", p.authMs, `viewer resolution (cache hit rate ${f(p.hitRate * 100, 1)}%): it should be ~0 once warm; check that tokens are not re-resolved`],
    [
      "SQL",
      p.sqlMs,
      "the data statement as Prisma times it (including the wait for a pooled connection and for the CPU): compare with the baseline's latency on the same pool; next: a larger pg pool for this load, then the statement's plan (index, fewer selected columns)",
    ],
    [
      "execution CPU",
      cpu,
      "Pothos resolvers, CASL's accessibleBy and Prisma 7's JavaScript query compiler/result mapping run per request: cache the compiled Prisma query per selection shape, or serve this fixed console document through a persisted operation with a precompiled executor (graphql-jit does not work with graphql 17 here: it hands resolvers graphql-16-shaped variableValues)",
    ],
    [
      "HTTP/yoga and queueing",
      other,
      "time outside auth and execution (node http → fetch-API adaptation, envelop hooks, JSON serialisation, and waiting for the shared CPU): persisted documents (skip parse/validate/cost hooks by id) and a leaner HTTP adapter for GraphQL POST",
    ],
  ];
  parts.sort((a, b) => b[1] - a[1]);
  const [name, ms, lever] = parts[0];
  return `largest phase: ${name} ${f(ms)} ms of ${f(r.gql.mean, 1)} ms mean (auth ${f(p.authMs)}, execution ${f(p.executeMs)} incl. SQL ${f(p.sqlMs)}, other ${f(other, 1)}). Next lever: ${lever}`;
}

export function goalsTable(x: { board?: LoadRow[]; pk?: LoadRow[]; fan?: { g: FanoutFigures; r: FanoutFigures }; fan2?: FanoutFigures; booking?: string }): string[] {
  const rows: string[] = [];
  const push = (n: string, goal: string, measured: string, met: boolean, cause: string) =>
    rows.push(`| ${n} | ${goal} | ${measured} | ${met ? "met ✅" : "missed ❌"} | ${met ? "" : cause} |`);

  if (x.board?.length) {
    const ratios = x.board.map(ratioOf);
    push(
      "1",
      "live board, list 10 and 100, 16 and 64 connections: GraphQL req/s ÷ raw-SQL req/s ≥ 0.5 in every row",
      x.board.map((r) => `${r.size}/${r.conns}: ${f(ratioOf(r))}`).join(", "),
      ratios.every((q) => q >= 0.5),
      causeOf(x.board),
    );
  }
  const stmtRows = [...(x.board ?? []).filter((r) => r.conns === 16), ...(x.pk ?? []).filter((r) => r.conns === 16)];
  if (stmtRows.length) {
    push(
      "2",
      "SQL statements per request with a warm token: 1 (constant in list size), live board and user(id)",
      stmtRows.map((r) => `${r.size === 1 ? "user(id)" : `board ${r.size}`}: ${f(r.stmtsGql)}`).join(", "),
      stmtRows.every((r) => r.stmtsGql === 1),
      "a statement besides the data ran: see the per-phase table (auth ms > 0 means the token was read from the database)",
    );
  }
  if (x.pk?.length) {
    const ratios = x.pk.map(ratioOf);
    push("3", "`user(id)`, 16 and 64 connections: GraphQL req/s ÷ raw-SQL req/s ≥ 0.35", x.pk.map((r) => `${r.conns} conns: ${f(ratioOf(r))}`).join(", "), ratios.every((q) => q >= 0.35), causeOf(x.pk));
  }
  if (x.fan) {
    const { g, r } = x.fan;
    const p99 = g.p99 / r.p99;
    push(
      "4",
      "10,000 graphql-ws subscribers: publish→receive p99 ÷ raw `ws` broadcast p99 ≤ 2×",
      `${g.clients} clients; ${f(g.p99, 0)} vs ${f(r.p99, 0)} ms = ${f(p99, 2)}×; shared executions per event ${f(g.executionsPerEvent ?? NaN, 1)}`,
      g.clients >= 10_000 && p99 <= 2,
      g.clients < 10_000
        ? `only ${g.clients} clients subscribed within the ramp cap. Next lever: the subscribe path (goal 5)`
        : "every subscriber still gets its own graphql-ws `next` message object, envelop result hooks and a socket write; the execution and serialisation are shared. Next lever: group sends per multiplexed class (one pre-framed buffer per class written with ws' `sendFrame`-level API) and drop per-subscriber envelop hooks on the multiplexed path",
    );
    const rate = g.clients / (g.connectMs / 1000);
    const rawRate = r.clients / (r.connectMs / 1000);
    push(
      "5",
      "subscribe rate ÷ raw `ws` connect rate ≥ 0.5",
      `${f(rate, 0)} vs ${f(rawRate, 0)} per s = ${f(rate / rawRate)}; SQL per subscription ${f(g.sqlPerSubscribe ?? NaN)}`,
      rate / rawRate >= 0.5,
      `per subscription the API runs connection_init (token → viewer cache), parse/validate (cached), the envelop subscribe hooks and the field's subscribe (visibility from the cached ability; ${f(g.sqlPerSubscribe ?? NaN)} SQL statements per subscription). Next lever: ${
        (g.sqlPerSubscribe ?? 0) >= 0.5 ? "remove the remaining statement per subscription (tokens repeat: the viewer cache should make it ~0)" : "resolve the multiplex key and source stream once per (document, variables, class) group and attach later subscribers to the group's stream instead of building a stream each"
      }`,
    );
    const heapPer = (g.mem.during.gc.heapUsed - g.mem.before.heapUsed) / Math.max(1, g.clients) / 1024;
    const rawPer = (r.mem.during.gc.heapUsed - r.mem.before.heapUsed) / Math.max(1, r.clients) / 1024;
    push(
      "6",
      "heap per subscription while subscribed ≤ 15 KB",
      `≈${f(heapPer, 1)} KB (raw ws ≈${f(rawPer, 1)} KB)`,
      heapPer <= 15,
      "each subscription holds its graphql-ws context, envelop-wrapped async iterators (pubsub repeater → filter → map) and its own GraphQL context object with deps. Next lever: the group stream of goal 5 (one pubsub iterator per group, subscribers as a plain list) and a context without per-request closures for sockets",
    );
    const back = (g.mem.afterClose.rss - g.mem.before.rss) / g.mem.before.rss;
    push("7", "lost events 0; memory back within 10% after all close", `lost ${g.expected - g.delivered} of ${g.expected}; RSS ${f(back * 100, 1)}% vs before`, g.delivered === g.expected && back <= 0.1, "see section 3");
  }
  if (x.fan2) {
    const t = x.fan2;
    push(
      "8",
      "two API processes through Redis: every event reaches every subscriber on both (0 lost)",
      `${t.clients} clients over 2 processes, p99 ${f(t.p99, 0)} ms, lost ${t.expected - t.delivered}`,
      t.delivered === t.expected && t.clients > 0,
      "events or subscriptions lost between processes: check the Redis subscriber connection in the servers' logs",
    );
  }
  if (x.booking) rows.push(x.booking);
  return ["| # | goal | measured | verdict | measured cause and next lever (missed goals) |", "|---|---|---|---|---|", ...rows];
}
