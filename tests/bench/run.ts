// `pnpm bench`: measures, in one run, GraphQL against hand-written baselines on the same machine
// and writes tests/bench/RESULTS.md. Every figure in the file comes from this run.
// BENCH_SECTIONS=board,pk,fanout,fanout2,booking,scaleout,embedded selects sections (default: all);
// BENCH_DURATION (s, default 8), BENCH_CLIENTS (default 10000) scale it down for a quick look.
import { spawn, fork, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { repoRoot } from "../../api/src/lib/config.js";
import { scratchDatabase, PG_ADMIN_URL, reachable } from "../helpers/services.js";
import { benchScaleOut } from "./scale-out.js";
import { BOARD_QUERY, USER_QUERY, SUBSCRIPTION_QUERY, BOOK_MUTATION, WEEKLY_MUTATION, SLOTS_QUERY } from "./queries.js";
import { phaseOf, phaseTable, type Phase } from "./phases.js";
import { goalsTable, type FanoutFigures } from "./goals.js";
import { startPrivateRedis } from "./redis.js";

const started = Date.now();
const SECTIONS = new Set((process.env.BENCH_SECTIONS ?? "board,pk,fanout,fanout2,booking,scaleout,embedded").split(","));
const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const WARMUP = 1;
/** The ramp stops opening sockets after this many seconds (keeps the whole run under 10 minutes on a busy machine). */
const RAMP_SECONDS = Number(process.env.BENCH_RAMP_SECONDS ?? 90);
const load0 = os.loadavg();
const N = 10; // live board list size; 10N = 100 is the API's maximum page size
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10_000);
const CLIENT_PROCS = 4;
const EVENTS = 5;
const here = path.join(repoRoot, "tests", "bench");
/** BENCH_RESULTS: where to write (default tests/bench/RESULTS.md; a scratch path for quick looks). */
const RESULTS = path.resolve(process.env.BENCH_RESULTS ?? path.join(here, "RESULTS.md"));
const log = (...a: unknown[]) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s]`, ...a);

// ---------------------------------------------------------------- processes
interface Proc {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}
const children: ChildProcess[] = [];
function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode) return resolve();
    const t = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => (clearTimeout(t), resolve()));
    child.kill("SIGTERM");
  });
}
process.on("exit", () => children.forEach((c) => c.exitCode === null && c.kill("SIGKILL")));

/** Node with tsx and --expose-gc, file-descriptor limit raised to the hard limit. */
function spawnTs(file: string, env: Record<string, string | undefined>, pattern: RegExp): Promise<Proc> {
  const cmd = `ulimit -n $(ulimit -Hn) 2>/dev/null; exec "${process.execPath}" --import tsx --expose-gc --max-old-space-size=4096 ${process.env.BENCH_NODE_ARGS ?? ""} "${file}"`;
  const child = spawn("bash", ["-c", cmd], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let out = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${file} did not start:\n${out}`)), 120_000);
    const check = (d: Buffer) => {
      out += d;
      if (out.length > 200_000) out = out.slice(-100_000);
      const m = pattern.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], child, stop: () => stopChild(child) });
      }
    };
    child.stdout!.on("data", check);
    child.stderr!.on("data", (d) => {
      out += d;
      if (process.env.BENCH_VERBOSE) process.stderr.write(d);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${file} exited with ${code}:\n${out.slice(-4000)}`));
    });
  });
}

function startApi(env: Record<string, string | undefined>) {
  return spawnTs(path.join(here, "server.ts"), {
    BENCH_BASELINE: "1",
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    NODE_ENV: "production",
    JOBS: "off",
    REDIS_URL: "",
    CONSOLE_DIST: "/nonexistent",
    // The bench reads the statement counter (it costs Prisma a query event per statement).
    SQL_STATEMENT_COUNTER: "1",
    ...env,
  }, /"url":"(http:\/\/127\.0\.0\.1:\d+)\/graphql"/);
}

// ---------------------------------------------------------------- helpers
async function post(url: string, body: unknown, token?: string): Promise<any> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${url}: ${res.status} ${text.slice(0, 500)}`);
  }
}
async function get(url: string): Promise<any> {
  return JSON.parse(await (await fetch(url)).text());
}
const canonical = (text: string) => JSON.stringify(JSON.parse(text));
const sha = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 16);
const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);
const mb = (b: number) => (b / 1048576).toFixed(0);
const f = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : "n/a");

interface Load {
  mean: number;
  rps: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
}
async function load(opts: { url: string; connections: number; method?: "GET" | "POST"; body?: string; token?: string }): Promise<Load> {
  const base = {
    url: opts.url,
    connections: opts.connections,
    timeout: 30,
    method: opts.method ?? "GET",
    body: opts.body,
    headers: { "content-type": "application/json", ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) },
  };
  await autocannon({ ...base, duration: WARMUP });
  const r = await autocannon({ ...base, duration: DURATION });
  return { mean: r.latency.average, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, total: r.requests.total, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

/** SQL statements the API process sends per request: the counter's delta over `n` sequential requests. */
async function statementsPer(api: Proc, n: number, send: () => Promise<unknown>): Promise<number> {
  const before = (await get(`${api.url}/bench/stats`)).statements;
  for (let i = 0; i < n; i++) await send();
  const after = (await get(`${api.url}/bench/stats`)).statements;
  return (after - before) / n;
}

async function gqlText(api: Proc, query: string, variables: unknown, token: string): Promise<string> {
  const res = await fetch(`${api.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const text = await res.text();
  if (res.status !== 200 || JSON.parse(text).errors) throw new Error(`GraphQL failed: ${res.status} ${text.slice(0, 1000)}`);
  return text;
}

function checksums(gql: string, base: string, what: string) {
  const a = sha(canonical(gql));
  const b = sha(canonical(base));
  if (a !== b) {
    writeFileSync(path.join(here, `.mismatch-${what}-graphql.json`), JSON.stringify(JSON.parse(gql), null, 1));
    writeFileSync(path.join(here, `.mismatch-${what}-baseline.json`), JSON.stringify(JSON.parse(base), null, 1));
    throw new Error(`${what}: GraphQL and baseline responses differ (${a} vs ${b}); see tests/bench/.mismatch-${what}-*.json`);
  }
  return a;
}

// ---------------------------------------------------------------- sections
const report: string[] = [];
const stash: { board?: BoardRow[]; pk?: BoardRow[]; fan?: { g: FanoutResult; r: FanoutResult }; fan2?: FanoutResult; booking?: string } = {};

interface Seeded {
  support: { id: string; token: string }[];
  pool: { mentors: string[]; mentees: string[] };
  sessionIds: string[];
}
async function seedBase(api: Proc): Promise<Seeded> {
  const support = (await post(`${api.url}/bench/seed`, { users: { role: "SUPPORT", count: 20 } })).users;
  const mentors = (await post(`${api.url}/bench/seed`, { users: { role: "MENTOR", count: 20 } })).users.map((u: { id: string }) => u.id);
  const mentees = (await post(`${api.url}/bench/seed`, { users: { role: "MENTEE", count: 40 } })).users.map((u: { id: string }) => u.id);
  return { support, pool: { mentors, mentees }, sessionIds: [] };
}
async function seedSessions(api: Proc, s: Seeded, total: number) {
  const more = total - s.sessionIds.length;
  if (more > 0) s.sessionIds.push(...(await post(`${api.url}/bench/seed`, { sessions: { count: more, pool: s.pool } })).sessionIds);
}

interface BoardRow {
  size: number;
  conns: number;
  gql: Load;
  base: Load;
  stmtsGql: number;
  stmtsBase: number;
  checksum: string;
  bytes: number;
  /** Mean per GraphQL request over the measured load, from the API process's counters. */
  phase?: Phase;
}

async function boardAt(api: Proc, s: Seeded, size: number, conns: number[]): Promise<BoardRow[]> {
  const token = s.support[0].token;
  const variables = { first: size, filter: {} };
  const gText = await gqlText(api, BOARD_QUERY, variables, token);
  const bText = await (await fetch(`${api.url}/bench/baseline/board?first=${size}`)).text();
  const checksum = checksums(gText, bText, `board-${size}`);
  if (JSON.parse(gText).data.sessions.edges.length !== size) throw new Error("board: unexpected list size");
  const stmtsGql = await statementsPer(api, 20, () => gqlText(api, BOARD_QUERY, variables, token));
  const stmtsBase = await statementsPer(api, 20, () => fetch(`${api.url}/bench/baseline/board?first=${size}`).then((r) => r.text()));
  const rows: BoardRow[] = [];
  for (const c of conns) {
    log(`board N=${size} c=${c}`);
    const p0 = await get(`${api.url}/bench/stats`);
    const gql = await load({ url: `${api.url}/graphql`, connections: c, method: "POST", body: JSON.stringify({ query: BOARD_QUERY, variables }), token });
    const phase = phaseOf(p0, await get(`${api.url}/bench/stats`));
    const base = await load({ url: `${api.url}/bench/baseline/board?first=${size}`, connections: c });
    rows.push({ size, conns: c, gql, base, stmtsGql, stmtsBase, checksum, bytes: Buffer.byteLength(gText), phase });
  }
  return rows;
}

/** Lowest GraphQL/baseline ratio over rows where both sides completed requests; 0 when GraphQL completed none. */
function worstRatio(rows: BoardRow[]) {
  const ratios = rows.filter((r) => r.base.rps > 0).map((r) => r.gql.rps / r.base.rps);
  return ratios.length ? Math.min(...ratios) : NaN;
}

function loadTable(rows: BoardRow[], goal: number, label: string) {
  const out = [
    `| ${label} | conns | GraphQL req/s | p50 ms | p99 ms | baseline req/s | p50 ms | p99 ms | ratio | SQL/req GraphQL | SQL/req baseline | errors/non-2xx | checksum |`,
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const r of rows) {
    const ratio = r.gql.rps / r.base.rps;
    out.push(
      `| ${r.size} | ${r.conns} | ${f(r.gql.rps)} | ${r.gql.p50} | ${r.gql.p99} | ${f(r.base.rps)} | ${r.base.p50} | ${r.base.p99} | **${f(ratio, 2)}** ${ratio >= goal ? "✅" : "❌"} | ${f(r.stmtsGql, 2)} | ${f(r.stmtsBase, 2)} | ${r.gql.errors + r.gql.non2xx + r.base.errors + r.base.non2xx} | \`${r.checksum}\` |`,
    );
  }
  return out.join("\n");
}

// -- 1. nested query
async function benchBoard(api: Proc, s: Seeded) {
  await seedSessions(api, s, N);
  const small = await boardAt(api, s, N, [16, 64]);
  await seedSessions(api, s, 10 * N);
  const large = await boardAt(api, s, 10 * N, [16, 64]);
  const rows = [...small, ...large];
  const worst = worstRatio(rows);
  const constant = small[0].stmtsGql === large[0].stmtsGql;
  report.push(
    "## 1. Nested query (live board) vs one hand-written SQL",
    "",
    "GraphQL: the console's live board (`sessions(first, filter)` → edges → node with the board fields, `mentor { id displayName }`, `mentee { id displayName }`, " +
      "`presence { id party kind source at }`, 3 presence events per session) as a SUPPORT user. Baseline: `GET /bench/baseline/board` on the same node http server " +
      "(tests/bench/server.ts wraps buildApp's server), ONE SQL statement (json_build_object/json_agg, LIMIT) through the same Prisma client and pg pool, " +
      "its text sent as is. Checksum = sha256 of the canonical JSON (parsed and re-serialised, key order kept) — equal for both before measuring. " +
      `autocannon ${DURATION}s after ${WARMUP}s warm-up; list size = N = ${N} sessions, then 10N = ${10 * N} (the API's maximum page size) after seeding 10N sessions.`,
    "",
    loadTable(rows, 0.5, "list size"),
    "",
    `SQL statements per GraphQL request: ${small[0].stmtsGql} at N=${N}, ${large[0].stmtsGql} at 10N=${10 * N} (${constant ? "constant in N ✅" : "NOT constant ❌"}); ` +
      "the token is resolved from the viewer cache after the first request (context/viewer-cache.ts), so what remains is the data statement.",
    "",
  );
  stash.board = rows;
  return rows;
}

// -- 2. primary key
async function benchPk(api: Proc, s: Seeded) {
  const token = s.support[0].token;
  const id = s.pool.mentors[3];
  const variables = { id };
  const gText = await gqlText(api, USER_QUERY, variables, token);
  const bUrl = `${api.url}/bench/baseline/user?id=${encodeURIComponent(id)}`;
  const bText = await (await fetch(bUrl)).text();
  const checksum = checksums(gText, bText, "user");
  const stmtsGql = await statementsPer(api, 20, () => gqlText(api, USER_QUERY, variables, token));
  const stmtsBase = await statementsPer(api, 20, () => fetch(bUrl).then((r) => r.text()));
  const rows: BoardRow[] = [];
  for (const c of [16, 64]) {
    log(`pk c=${c}`);
    const p0 = await get(`${api.url}/bench/stats`);
    const gql = await load({ url: `${api.url}/graphql`, connections: c, method: "POST", body: JSON.stringify({ query: USER_QUERY, variables }), token });
    const phase = phaseOf(p0, await get(`${api.url}/bench/stats`));
    const base = await load({ url: bUrl, connections: c });
    rows.push({ size: 1, conns: c, gql, base, stmtsGql, stmtsBase, checksum, bytes: Buffer.byteLength(gText), phase });
  }
  const worst = worstRatio(rows);
  report.push(
    "## 2. Primary-key query vs one hand-written SQL",
    "",
    "GraphQL `user(id) { id displayName role status timeZone createdAt }` as SUPPORT; baseline `GET /bench/baseline/user?id=` (one SQL, same server and pool).",
    "",
    loadTable(rows, 0.6, "rows"),
    "",
  );
  stash.pk = rows;
}

// -- 3. fan-out
interface FanoutResult {
  clients: number;
  connectMs: number;
  failures: number;
  p50: number;
  p99: number;
  max: number;
  delivered: number;
  expected: number;
  mem: { before: any; during: any; afterUnsub: any; afterClose: any };
  errors: number;
  firstError?: string;
  closedEarly: number;
  /** API only: SQL statements per subscription while subscribing; shared executions per event. */
  sqlPerSubscribe?: number;
  executionsPerEvent?: number;
}

async function fanout(kind: "graphql" | "raw" | "graphql-2proc", CLIENTS: number, target: { url: string; wsUrl: string | string[] }, tokens: string[], sessionId: string, statsUrl: (gc: boolean) => string, publish: () => Promise<unknown>, ready: () => Promise<number>): Promise<FanoutResult> {
  const workers = await Promise.all(
    Array.from({ length: CLIENT_PROCS }, async () => {
      const w = fork(path.join(here, "fanout-worker.ts"), [], { execArgv: ["--import", "tsx", "--max-old-space-size=2048"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
      children.push(w);
      await new Promise((r) => w.once("message", r));
      return w;
    }),
  );
  const ask = (w: ChildProcess, msg: object, evt: string) =>
    new Promise<any>((resolve) => {
      const on = (m: any) => {
        if (m.evt === evt) {
          w.off("message", on);
          resolve(m);
        }
      };
      w.on("message", on);
      w.send(msg);
    });
  const before = await get(statsUrl(true));
  const per = Math.ceil(CLIENTS / CLIENT_PROCS);
  const t0 = Date.now();
  const connected = await Promise.all(
    workers.map((w, i) => ask(w, { cmd: "connect", url: Array.isArray(target.wsUrl) ? target.wsUrl[i % target.wsUrl.length] : target.wsUrl, tokens, query: SUBSCRIPTION_QUERY, variables: { id: sessionId }, count: Math.min(per, CLIENTS - i * per), concurrency: 25, deadline: Date.now() + RAMP_SECONDS * 1000 }, "connected")),
  );
  const n = connected.reduce((a, c) => a + c.n, 0);
  const failures = connected.reduce((a, c) => a + c.failures, 0);
  // Subscriptions are live once the server holds n subscribers.
  const deadline = Date.now() + 30_000;
  while ((await ready()) < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  const connectMs = Date.now() - t0;
  log(
    `${kind}: ${n} clients subscribed in ${connectMs} ms (client ramps ${connected.map((c) => Math.round(c.ms)).join("/")} ms; ${failures} failed${failures ? `: ${connected.find((c) => c.connectError)?.connectError}` : ""})`,
  );
  const subscribed = await get(statsUrl(false));
  const expectedPer = n;
  let during: any;
  const stamps: number[] = [];
  for (let e = 0; e < EVENTS; e++) {
    const r = (await publish()) as { stampedAt: number };
    stamps.push(r.stampedAt);
    // wait until every client has it (or 20 s)
    const until = Date.now() + 20_000;
    for (;;) {
      await new Promise((res) => setTimeout(res, 100));
      const counts = await Promise.all(workers.map((w) => ask(w, { cmd: "collect" }, "collected")));
      collected.push(...counts);
      const got = received(r.stampedAt);
      if (got >= expectedPer || Date.now() > until) break;
    }
    if (e === 0) during = await get(statsUrl(false));
  }
  const duringGc = await get(statsUrl(true));
  const perEventStats = await get(statsUrl(false));
  await Promise.all(workers.map((w) => ask(w, { cmd: "unsubscribe" }, "unsubscribed")));
  const until = Date.now() + 30_000;
  while ((await ready()) > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
  const afterUnsub = await get(statsUrl(true));
  await Promise.all(workers.map((w) => ask(w, { cmd: "close" }, "closed")));
  await new Promise((r) => setTimeout(r, 1000));
  const afterClose = await get(statsUrl(true));
  const final = await Promise.all(workers.map((w) => ask(w, { cmd: "collect" }, "collected")));
  collected.push(...final);
  await Promise.all(workers.map((w) => stopChild(w)));
  const lat = collected.flatMap((c) => c.latencies as number[]).sort((a, b) => a - b);
  const delivered = stamps.reduce((a, s) => a + received(s), 0);
  const res: FanoutResult = {
    clients: n,
    connectMs,
    failures,
    p50: quantile(lat, 0.5),
    p99: quantile(lat, 0.99),
    max: lat[lat.length - 1],
    delivered,
    expected: expectedPer * EVENTS,
    mem: { before, during: { ...during, gc: duringGc }, afterUnsub, afterClose },
    errors: collected.reduce((a, c) => a + c.errors, 0),
    firstError: collected.find((c) => c.firstError)?.firstError,
    closedEarly: collected.reduce((a, c) => Math.max(a, c.closedEarly), 0),
    sqlPerSubscribe: typeof before.statements === "number" && n ? (subscribed.statements - before.statements) / n : undefined,
    executionsPerEvent: before.multiplex ? (perEventStats.multiplex.executions - before.multiplex.executions) / EVENTS : undefined,
  };
  collected.length = 0;
  return res;

  function received(stamp: number) {
    const key = stamp.toFixed(3);
    return collected.reduce((a, c) => a + (c.perStamp[key] ?? 0), 0);
  }
}
const collected: any[] = [];
let fanoutEnd: number | undefined;

async function benchFanout(api: Proc, s: Seeded) {
  const sessionId = s.sessionIds[0];
  const tokens = s.support.map((u) => u.token);
  // The clients share a few staff accounts (hundreds of sockets each); the policy's per-user
  // socket cap is raised for the run, as an admin would for a load test.
  const admin = (await post(`${api.url}/bench/seed`, { users: { role: "ADMIN", count: 1 } })).users[0];
  const perUser = Math.ceil(CLIENTS / tokens.length);
  const raised = await post(`${api.url}/graphql`, { query: `mutation($c: JSON!) { updatePolicy(input: { changes: $c, reason: "fan-out benchmark" }) { version } }`, variables: { c: { rateLimits: { socketsPerUser: Math.min(1000, perUser) } } } }, admin.token);
  if (raised.errors) throw new Error(`cannot raise the socket cap: ${JSON.stringify(raised.errors)}`);
  log(`fan-out: graphql-ws, ${CLIENTS} clients in ${CLIENT_PROCS} processes`);
  const g = await fanout(
    "graphql",
    CLIENTS,
    { url: api.url, wsUrl: api.url.replace("http", "ws") + "/graphql" },
    tokens,
    sessionId,
    (gc) => `${api.url}/bench/stats${gc ? "?gc=1" : ""}`,
    () => post(`${api.url}/bench/publish`, { id: sessionId }),
    async () => (await get(`${api.url}/bench/stats`)).sessionUpdatedListeners,
  );
  log(`fan-out: raw ws baseline`);
  const raw = await spawnTs(path.join(here, "raw-ws-server.ts"), {}, /"url":"(http:\/\/127\.0\.0\.1:\d+)"/);
  // Same number of sockets as the API actually held (the ramp is time-capped).
  const r = await fanout(
    "raw",
    g.clients,
    { url: raw.url, wsUrl: raw.url.replace("http", "ws") + "/graphql" },
    tokens,
    sessionId,
    (gc) => `${raw.url}/stats${gc ? "?gc=1" : ""}`,
    () => get(`${raw.url}/publish?id=${sessionId}`),
    async () => (await get(`${raw.url}/stats`)).subscribers,
  );
  await raw.stop();
  const memRow = (x: FanoutResult) => {
    const m = x.mem;
    const back = (m.afterClose.rss - m.before.rss) / m.before.rss;
    const backHeap = (m.afterClose.heapUsed - m.before.heapUsed) / m.before.heapUsed;
    return { back, backHeap, cells: `${mb(m.before.rss)} / ${mb(m.before.heapUsed)} | ${mb(m.during.rss)} / ${mb(m.during.heapUsed)} | ${mb(m.afterUnsub.rss)} / ${mb(m.afterUnsub.heapUsed)} | ${mb(m.afterClose.rss)} / ${mb(m.afterClose.heapUsed)} | ${f(back * 100, 1)}% / ${f(backHeap * 100, 1)}%` };
  };
  const gm = memRow(g);
  const rm = memRow(r);
  report.push(
    "## 3. Subscription fan-out",
    "",
    `${CLIENT_PROCS} client processes (tests/bench/fanout-worker.ts, graphql-transport-ws over \`ws\`) open up to ${CLIENTS} sockets (ramp capped at ${RAMP_SECONDS} s) to ONE server process on 127.0.0.1, ` +
      `each subscribing \`sessionUpdated(id) { id topic state }\` on the same session (20 SUPPORT tokens). ${EVENTS} updates: \`POST /bench/publish\` writes ` +
      "the publish time into the session's `topic` and publishes through the app's pubsub; each receiver subtracts it from its own clock (same machine). " +
      "Baseline: a plain `ws` server (tests/bench/raw-ws-server.ts) sending one pre-serialised message of the same shape to the same number of sockets.",
    "",
    "| server | clients subscribed | ramp ms | connect failures | p50 ms | p99 ms | max ms | delivered / expected | lost | errors |",
    "|---|---|---|---|---|---|---|---|---|---|",
    `| graphql-ws (API) | ${g.clients} | ${g.connectMs} | ${g.failures} | ${f(g.p50, 1)} | ${f(g.p99, 1)} | ${f(g.max, 1)} | ${g.delivered} / ${g.expected} | ${g.expected - g.delivered} | ${g.errors} |`,
    `| raw ws broadcast | ${r.clients} | ${r.connectMs} | ${r.failures} | ${f(r.p50, 1)} | ${f(r.p99, 1)} | ${f(r.max, 1)} | ${r.delivered} / ${r.expected} | ${r.expected - r.delivered} | ${r.errors} |`,
    "",
    "Memory of the server process, MB RSS / heap used (after forced GC except *during*, which is taken right after the first event):",
    "",
    "| server | before | during (all subscribed) | after all unsubscribe | after all sockets closed | change after close vs before (RSS / heap) |",
    "|---|---|---|---|---|---|",
    `| graphql-ws (API) | ${gm.cells} |`,
    `| raw ws broadcast | ${rm.cells} |`,
    "",
    "| server | subscribe rate (subscriptions/s over the ramp) | heap per subscription while subscribed (after GC) | SQL statements per subscription | shared executions per event |",
    "|---|---|---|---|---|",
    `| graphql-ws (API) | ${f(g.clients / (g.connectMs / 1000), 0)} | ${f((g.mem.during.gc.heapUsed - g.mem.before.heapUsed) / Math.max(1, g.clients) / 1024, 1)} KB | ${f(g.sqlPerSubscribe ?? NaN, 2)} | ${f(g.executionsPerEvent ?? NaN, 1)} |`,
    `| raw ws broadcast | ${f(r.clients / (r.connectMs / 1000), 0)} | ${f((r.mem.during.gc.heapUsed - r.mem.before.heapUsed) / Math.max(1, r.clients) / 1024, 1)} KB | | |`,
    "",
    `p99 GraphQL / raw: ${f(g.p99 / r.p99, 1)}x. Sockets closed by the server during the run: ${g.closedEarly} (API), ${r.closedEarly} (raw).` +
      (g.firstError ? ` First error seen by a GraphQL client: \`${g.firstError}\`.` : "") +
      (g.clients < CLIENTS ? ` The ramp stopped at ${g.clients} of ${CLIENTS} sockets: it is capped at ${RAMP_SECONDS} s so the whole run stays under 10 minutes.` : ""),
    "",
  );
  stash.fan = { g, r };
  fanoutEnd = report.length;
  return { g, r };
}

// -- 3b. two API processes, events through Redis
async function benchFanout2(databaseUrl: string, s: Seeded) {
  const redis = await startPrivateRedis();
  const env = { DATABASE_URL: databaseUrl, REDIS_URL: redis.url };
  const a = await startApi(env);
  const b = await startApi(env);
  try {
    const sessionId = s.sessionIds[0];
    const tokens = s.support.map((u) => u.token);
    const clients = Number(process.env.BENCH_REDIS_CLIENTS ?? CLIENTS);
    // Fresh processes: warm both (JIT, pools, viewer cache) as sections 1-2 warmed the single one.
    for (const api of [a, b]) for (let i = 0; i < 50; i++) await gqlText(api, USER_QUERY, { id: s.pool.mentors[3] }, tokens[i % tokens.length]);
    log(`fan-out: two API processes through Redis, ${clients} clients`);
    const t = await fanout(
      "graphql-2proc",
      clients,
      { url: a.url, wsUrl: [a.url, b.url].map((u) => u.replace("http", "ws") + "/graphql") },
      tokens,
      sessionId,
      (gc) => `${a.url}/bench/stats${gc ? "?gc=1" : ""}`,
      () => post(`${a.url}/bench/publish`, { id: sessionId }),
      async () => (await get(`${a.url}/bench/stats`)).sessionUpdatedListeners + (await get(`${b.url}/bench/stats`)).sessionUpdatedListeners,
    );
    const one = stash.fan?.g;
    const before = report.length;
    report.push(
      "## 3b. Subscription fan-out across two API processes (Redis)",
      "",
      `The same clients and subscription as section 3, split evenly over TWO API processes on the same PostgreSQL database, with a private redis-server ` +
        "(tests/bench/redis.ts) carrying the events; updates are published through process A, so half the subscribers receive them through Redis. " +
        "Memory figures are process A's.",
      "",
      "| setup | clients subscribed | ramp ms | subscribe rate /s | connect failures | p50 ms | p99 ms | max ms | delivered / expected | lost | errors |",
      "|---|---|---|---|---|---|---|---|---|---|---|",
      `| two processes + Redis | ${t.clients} | ${t.connectMs} | ${f(t.clients / (t.connectMs / 1000), 0)} | ${t.failures} | ${f(t.p50, 1)} | ${f(t.p99, 1)} | ${f(t.max, 1)} | ${t.delivered} / ${t.expected} | ${t.expected - t.delivered} | ${t.errors} |`,
      one
        ? `| one process (section 3) | ${one.clients} | ${one.connectMs} | ${f(one.clients / (one.connectMs / 1000), 0)} | ${one.failures} | ${f(one.p50, 1)} | ${f(one.p99, 1)} | ${f(one.max, 1)} | ${one.delivered} / ${one.expected} | ${one.expected - one.delivered} | ${one.errors} |`
        : "",
      "",
    );
    stash.fan2 = t;
    // Shown right after section 3 (it runs later, once the single-process server has stopped).
    if (fanoutEnd !== undefined) report.splice(fanoutEnd, 0, ...report.splice(before));
  } finally {
    await a.stop();
    await b.stop();
    await redis.stop();
  }
}

// -- 4. booking contention
async function benchBooking(api: Proc) {
  const ROUNDS = 10;
  const WAY = 50;
  const mentor = (await post(`${api.url}/bench/seed`, { users: { role: "MENTOR", count: 1 } })).users[0];
  const mentees = (await post(`${api.url}/bench/seed`, { users: { role: "MENTEE", count: WAY } })).users;
  const all = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "00:00", end: "24:00" }));
  const w = await post(`${api.url}/graphql`, { query: WEEKLY_MUTATION, variables: { i: { rules: all } } }, mentor.token);
  if (w.errors) throw new Error(JSON.stringify(w.errors));
  const from = new Date(Date.now() + 2 * 86_400_000);
  const slots = await post(`${api.url}/graphql`, { query: SLOTS_QUERY, variables: { m: mentor.id, from: from.toISOString(), to: new Date(from.getTime() + 3 * 86_400_000).toISOString(), d: 60 } }, mentees[0].token);
  if (slots.errors) throw new Error(JSON.stringify(slots.errors));
  const starts: string[] = slots.data.availableSlots.map((x: { startsAt: string }) => x.startsAt);
  // non-overlapping starts, at least 3 h apart (buffers)
  const picked: string[] = [];
  for (const st of starts) if (!picked.length || Date.parse(st) - Date.parse(picked[picked.length - 1]) >= 3 * 3_600_000) picked.push(st);
  if (picked.length < ROUNDS) throw new Error(`only ${picked.length} slots`);
  const rounds: { ms: number; winners: number; codes: Record<string, number> }[] = [];
  const all500: number[] = [];
  const latencies: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    const results = await Promise.all(
      mentees.map(async (m: { token: string }) => {
        const s = performance.now();
        const res = await fetch(`${api.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${m.token}` },
          body: JSON.stringify({ query: BOOK_MUTATION, variables: { i: { mentorId: mentor.id, startsAt: picked[r], durationMinutes: 60 } } }),
        });
        const body = (await res.json()) as any;
        latencies.push(performance.now() - s);
        if (res.status >= 500) all500.push(res.status);
        return body;
      }),
    );
    const ms = performance.now() - t0;
    const codes: Record<string, number> = {};
    let winners = 0;
    for (const b of results) {
      if (b.data?.bookSession?.id) winners++;
      else {
        const code = b.errors?.[0]?.extensions?.code ?? "NONE";
        codes[code] = (codes[code] ?? 0) + 1;
      }
    }
    rounds.push({ ms, winners, codes });
  }
  const totalMs = rounds.reduce((a, r) => a + r.ms, 0);
  const lat = latencies.sort((a, b) => a - b);
  const exactlyOne = rounds.every((r) => r.winners === 1);
  const codes: Record<string, number> = {};
  for (const r of rounds) for (const [k, v] of Object.entries(r.codes)) codes[k] = (codes[k] ?? 0) + v;
  report.push(
    "## 4. Booking contention",
    "",
    `${ROUNDS} rounds; in each, ${WAY} different mentees call \`bookSession\` for the SAME mentor and start at once (HTTP, PostgreSQL).`,
    "",
    "| rounds | calls | winners per round | losers' error codes | 5xx | wall time per round (mean) ms | calls/s | bookings/s | call p50 ms | call p99 ms |",
    "|---|---|---|---|---|---|---|---|---|---|",
    `| ${ROUNDS} | ${ROUNDS * WAY} | ${rounds.map((r) => r.winners).join(", ")} | ${Object.entries(codes).map(([k, v]) => `${k}: ${v}`).join(", ")} | ${all500.length} | ${f(totalMs / ROUNDS, 0)} | ${f((ROUNDS * WAY) / (totalMs / 1000), 0)} | ${f(ROUNDS / (totalMs / 1000), 1)} | ${f(quantile(lat, 0.5), 0)} | ${f(quantile(lat, 0.99), 0)} |`,
    "",
  );
  stash.booking = `| 9 | 50-way overlapping bookings: exactly one winner, throughput reported | winners per round: ${rounds.map((r) => r.winners).join(",")}; ${f((ROUNDS * WAY) / (totalMs / 1000), 0)} calls/s | ${exactlyOne && !all500.length ? "met ✅" : "missed ❌"} | ${exactlyOne && !all500.length ? "" : "more or fewer than one winner, or a 5xx: see section 4"} |`;
}

// -- 5. embedded vs server
async function benchEmbedded(pgRows: BoardRow[] | undefined, pgPk: { rps: number; p50: number; p99: number } | undefined) {
  const api = await startApi({ DATABASE_URL: "", DATA_DIR: "memory://bench" });
  try {
    const s = await seedBase(api);
    await seedSessions(api, s, 10 * N);
    const token = s.support[0].token;
    const rows: string[] = [];
    for (const size of [N, 10 * N]) {
      const variables = { first: size, filter: {} };
      await gqlText(api, BOARD_QUERY, variables, token);
      log(`embedded board N=${size}`);
      const lite = await load({ url: `${api.url}/graphql`, connections: 16, method: "POST", body: JSON.stringify({ query: BOARD_QUERY, variables }), token });
      const liteBase = await load({ url: `${api.url}/bench/baseline/board?first=${size}`, connections: 16 });
      const stm = await statementsPer(api, 10, () => gqlText(api, BOARD_QUERY, variables, token));
      const pg = pgRows?.find((r) => r.size === size && r.conns === 16);
      rows.push(
        `| live board, list ${size} | ${f(lite.rps)} | ${lite.p50} | ${lite.p99} | ${pg ? f(pg.gql.rps) : "n/a"} | ${pg ? pg.gql.p50 : "n/a"} | ${pg ? pg.gql.p99 : "n/a"} | ${pg ? f(lite.rps / pg.gql.rps, 2) : "n/a"} | ${f(liteBase.rps)} / ${pg ? f(pg.base.rps) : "n/a"} | ${stm} |`,
      );
    }
    const id = s.pool.mentors[3];
    log("embedded pk");
    const lite = await load({ url: `${api.url}/graphql`, connections: 16, method: "POST", body: JSON.stringify({ query: USER_QUERY, variables: { id } }), token });
    rows.push(`| user(id) | ${f(lite.rps)} | ${lite.p50} | ${lite.p99} | ${pgPk ? f(pgPk.rps) : "n/a"} | ${pgPk?.p50 ?? "n/a"} | ${pgPk?.p99 ?? "n/a"} | ${pgPk ? f(lite.rps / pgPk.rps, 2) : "n/a"} | | |`);
    report.push(
      "## 5. Embedded (PGlite) vs server (PostgreSQL)",
      "",
      "The same bench server with `DATA_DIR=memory://` (PGlite in the API process) seeded the same way (10N sessions), 16 connections; " +
        "the PostgreSQL figures are the 16-connection rows of sections 1 and 2 of this run (same data size).",
      "",
      "| query | PGlite req/s | p50 ms | p99 ms | PostgreSQL req/s | p50 ms | p99 ms | PGlite / PostgreSQL | raw-SQL baseline req/s PGlite / PostgreSQL | SQL/req (PGlite) |",
      "|---|---|---|---|---|---|---|---|---|---|",
      ...rows,
      "",
    );
  } finally {
    await api.stop();
  }
}

/** Where a GraphQL request's time goes, per phase, from the API process's counters. */
function phases(): string[] {
  const rows = [
    ...(stash.board ?? []).map((r) => ({ label: `live board, list ${r.size}`, conns: r.conns, meanMs: r.gql.mean, phase: r.phase })),
    ...(stash.pk ?? []).map((r) => ({ label: "user(id)", conns: r.conns, meanMs: r.gql.mean, phase: r.phase })),
  ];
  if (!rows.length) return [];
  return [
    "## Per-phase breakdown of a GraphQL request",
    "",
    "Mean per request over each measured load of sections 1 and 2 (warm-up included), from the API process's own counters: *auth* = token → viewer and ability " +
      "(context/viewer-cache.ts), *execution* = envelop execute (resolvers, CASL, Prisma), *SQL* = Prisma's query-event durations inside it; *other* = client-measured mean latency " +
      "minus auth and execution (HTTP, yoga's fetch layer, parse/validate caches, JSON, and queueing for the CPU).",
    "",
    ...phaseTable(rows),
    "",
  ];
}

// ---------------------------------------------------------------- main
function versions() {
  const pkg = (name: string) => {
    try {
      for (const base of [path.join(repoRoot, "node_modules"), path.join(repoRoot, "api", "node_modules")]) {
        try {
          return JSON.parse(readFileSync(path.join(base, name, "package.json"), "utf8")).version as string;
        } catch {}
      }
    } catch {}
    return "?";
  };
  return ["graphql", "graphql-yoga", "@pothos/core", "@pothos/plugin-prisma", "@prisma/client", "@prisma/adapter-pg", "pg", "@electric-sql/pglite", "graphql-ws", "ws", "autocannon"]
    .map((n) => `${n} ${pkg(n)}`)
    .join(", ");
}

async function main() {
  if (!(await reachable(PG_ADMIN_URL))) throw new Error(`PostgreSQL is not reachable at ${PG_ADMIN_URL}`);
  const pgVersion = await (async () => {
    const pg = (await import("pg")).default;
    const c = new pg.Client({ connectionString: PG_ADMIN_URL });
    await c.connect();
    const v = (await c.query("SHOW server_version")).rows[0].server_version as string;
    await c.end();
    return v;
  })();
  const scratch = await scratchDatabase("bench");
  let pgRows: BoardRow[] | undefined;
  let pk: { rps: number; p50: number; p99: number } | undefined;
  let seeded: Seeded | undefined;
  try {
    log("starting API on PostgreSQL", scratch.url);
    const api = await startApi({ DATABASE_URL: scratch.url });
    try {
      const s = (seeded = await seedBase(api));
      await seedSessions(api, s, N);
      if (SECTIONS.has("board")) pgRows = await benchBoard(api, s);
      await seedSessions(api, s, 10 * N);
      if (SECTIONS.has("pk")) {
        await benchPk(api, s);
        pk = stash.pk?.find((r) => r.conns === 16)?.gql;
      }
      // Fan-out before booking so the sections appear in order; booking uses its own users.
      if (SECTIONS.has("fanout")) await benchFanout(api, s);
      if (SECTIONS.has("booking")) await benchBooking(api);
      if (SECTIONS.has("scaleout")) {
        const so = await benchScaleOut(
          { databaseUrl: scratch.url, api, token: s.support[0].token, sessionId: s.sessionIds[0], startApi: (env) => startApi(env), load, log },
          // Section 3b measures fan-out across two processes at full size; this one only when 3b is not run.
          { connections: 16, clients: SECTIONS.has("fanout2") ? 0 : Number(process.env.BENCH_SCALE_CLIENTS ?? 1000), events: EVENTS },
        );
        report.push(...so.lines);
      }
    } finally {
      await api.stop();
    }
    if (SECTIONS.has("fanout2") && seeded) await benchFanout2(scratch.url, seeded);
  } finally {
    await scratch.drop();
  }
  if (SECTIONS.has("embedded")) await benchEmbedded(pgRows, pk);

  const seconds = (Date.now() - started) / 1000;
  const header = [
    "# Benchmark results (`pnpm bench`)",
    "",
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}`,
    `- Node ${process.version}; PostgreSQL ${pgVersion} (127.0.0.1:5432, scratch database); ${versions()}`,
    `- API process: tests/bench/server.ts = buildApp() with NODE_ENV=production, LOG_LEVEL=warn, jobs off, no Redis (except the two-process fan-out: a private redis-server), pg pool 10, SQL statement counter on; everything on this machine (load generator included).`,
    `- Load average (1/5/15 min) at start ${load0.map((x) => x.toFixed(1)).join(" / ")}, at end ${os.loadavg().map((x) => x.toFixed(1)).join(" / ")} — the machine is shared; absolute figures move with it, ratios less so.`,
    `- Sections run: ${[...SECTIONS].join(", ")}; autocannon ${DURATION}s per measurement; whole run ${f(seconds, 0)} s.`,
    "",
    "Ratios compare figures measured in this run only. Generated by tests/bench/run.ts — do not edit by hand.",
    "",
    "## Goals",
    "",
    ...goalsTable(stash),
    "",
    ...phases(),
  ];
  writeFileSync(RESULTS, [...header, ...report].join("\n"));
  log(`wrote ${path.relative(repoRoot, RESULTS)} in ${f(seconds, 0)} s`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
