// Bench section "scaleout": the live board through 2 API processes vs 1 (same run, same
// database), and subscription fan-out across 2 processes through Redis. On a 2-core machine with
// the load generator on the same cores a second process adds overhead, not capacity: the table
// reports what was measured either way.
import { WebSocket } from "ws";
import { createClient, type Client } from "graphql-ws";
import { ensureRedis } from "../helpers/cluster.js";
import { BOARD_QUERY, SUBSCRIPTION_QUERY } from "./queries.js";

interface Proc {
  url: string;
  stop(): Promise<void>;
}
interface Load {
  rps: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
}
export interface ScaleOutDeps {
  databaseUrl: string;
  /** An already seeded, running API process (the 1-process row). */
  api: Proc;
  token: string;
  sessionId: string;
  startApi(env: Record<string, string>): Promise<Proc>;
  load(opts: { url: string; connections: number; method?: "GET" | "POST"; body?: string; token?: string }): Promise<Load>;
  log(...a: unknown[]): void;
}

const now = () => performance.timeOrigin + performance.now();
const f = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : "n/a");
const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);
const get = async (url: string) => JSON.parse(await (await fetch(url)).text());

export async function benchScaleOut(d: ScaleOutDeps, opts: { connections: number; clients: number; events: number }): Promise<{ lines: string[] }> {
  const redis = await ensureRedis();
  const started: Proc[] = [];
  try {
    // Two processes with Redis (the way several processes are run), on the seeded database.
    const env = { DATABASE_URL: d.databaseUrl, REDIS_URL: redis.url };
    const a = await d.startApi(env);
    started.push(a);
    const b = await d.startApi(env);
    started.push(b);
    const body = JSON.stringify({ query: BOARD_QUERY, variables: { first: 10, filter: {} } });
    // Warm-up by count, not by time: fresh processes compile and fill their pools on the first
    // requests, which on a loaded machine can take longer than the load generator's warm-up.
    for (const p of [d.api, a, b])
      for (let i = 0; i < 20; i++) {
        const r = await fetch(`${p.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${d.token}` }, body });
        if (!r.ok) throw new Error(`scale-out warm-up: ${r.status} ${await r.text()}`);
        await r.text();
      }

    d.log(`scale-out: board through 1 process, c=${opts.connections}`);
    const one = await d.load({ url: `${d.api.url}/graphql`, connections: opts.connections, method: "POST", body, token: d.token });
    d.log(`scale-out: board through 2 processes, round-robin connections, c=${opts.connections}`);
    // Round-robin by connection: half of the client's connections to each process, concurrently.
    const half = Math.max(1, Math.floor(opts.connections / 2));
    const [ra, rb] = await Promise.all([a, b].map((p) => d.load({ url: `${p.url}/graphql`, connections: half, method: "POST", body, token: d.token })));
    const two = { rps: ra.rps + rb.rps, p50: Math.max(ra.p50, rb.p50), p99: Math.max(ra.p99, rb.p99), errors: ra.errors + rb.errors + ra.non2xx + rb.non2xx };

    const fan = opts.clients > 0 ? (d.log(`scale-out: fan-out, ${opts.clients} subscribers over 2 processes`), await fanOutAcross([a, b], d.token, d.sessionId, opts.clients, opts.events)) : undefined;
    const lines = [
      "## 6. Scale-out: 2 processes",
      "",
      `Board: the live board query (list size 10) as in section 1, ${opts.connections} connections to ONE process vs the same ${opts.connections} connections split round-robin ` +
        `(${half} + ${half}) over TWO processes (both with REDIS_URL, same PostgreSQL), measured one after the other in this run. On this machine the two processes, ` +
        "the database and the load generator share the same cores: this shows the cost of a second process, not a speed-up.",
      "",
      "| processes | conns | req/s | p50 ms | p99 ms (worst process) | errors/non-2xx |",
      "|---|---|---|---|---|---|",
      `| 1 | ${opts.connections} | ${f(one.rps)} | ${one.p50} | ${one.p99} | ${one.errors + one.non2xx} |`,
      `| 2 (round-robin) | ${opts.connections} | ${f(two.rps)} | ${two.p50} | ${two.p99} | ${two.errors} |`,
      "",
      `2 / 1 processes: ${f(two.rps / one.rps, 2)}x the requests per second.`,
      "",
      ...(fan
        ? [
            `Fan-out through Redis: ${fan.clients} graphql-ws subscribers of \`sessionUpdated(id)\`, half on each process; ${opts.events} updates published by process A only ` +
              "(`POST /bench/publish`, the publish time in the payload); subscribers on B receive them through Redis" + (redis.owned ? " (a private redis-server started by the bench)" : ` (${redis.url})`) + ".",
            "",
            "| subscribers | on A / on B | delivered / expected | lost | p50 ms | p99 ms | p99 on A | p99 on B |",
            "|---|---|---|---|---|---|---|---|",
            `| ${fan.clients} | ${fan.perProcess[0]} / ${fan.perProcess[1]} | ${fan.delivered} / ${fan.expected} | ${fan.expected - fan.delivered} | ${f(fan.p50, 1)} | ${f(fan.p99, 1)} | ${f(fan.p99A, 1)} | ${f(fan.p99B, 1)} |`,
            "",
          ]
        : ["Fan-out across two processes through Redis: section 3b (delivered / expected, p99) of this run.", ""]),
    ];
    return { lines };
  } finally {
    for (const p of started) await p.stop();
    await redis.stop();
  }
}

async function fanOutAcross(procs: Proc[], token: string, sessionId: string, clients: number, events: number) {
  const latencies: number[][] = procs.map(() => []);
  const sockets: Client[] = [];
  const perProcess = procs.map(() => 0);
  for (let i = 0; i < clients; i++) {
    const p = i % procs.length;
    perProcess[p]++;
    const c = createClient({ url: procs[p].url.replace("http", "ws") + "/graphql", webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0, lazy: false });
    sockets.push(c);
    c.subscribe(
      { query: SUBSCRIPTION_QUERY, variables: { id: sessionId } },
      {
        next: (v) => {
          const topic = (v.data as { sessionUpdated?: { topic?: string } } | undefined)?.sessionUpdated?.topic ?? "";
          const m = /^bench@([\d.]+)$/.exec(topic);
          if (m) latencies[p].push(now() - Number(m[1]));
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
  }
  try {
    // Subscribed everywhere (each process counts its own listeners), then publish on the first.
    const end = Date.now() + 60_000;
    for (;;) {
      const counts = await Promise.all(procs.map(async (p) => (await get(`${p.url}/bench/stats`)).sessionUpdatedListeners as number));
      if (counts.every((n, i) => n >= perProcess[i])) break;
      if (Date.now() > end) throw new Error(`fan-out: only ${counts.join("/")} of ${perProcess.join("/")} subscribed`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const expected = clients * events;
    for (let e = 0; e < events; e++) {
      const before = latencies.flat().length;
      await fetch(`${procs[0].url}/bench/publish`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ id: sessionId }) });
      // next event once this one has arrived everywhere (or after a bounded wait: then it counts as lost)
      const until = Date.now() + 10_000;
      while (latencies.flat().length < before + clients && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    }
    const all = latencies.flat().sort((x, y) => x - y);
    const p99Of = (xs: number[]) => quantile([...xs].sort((x, y) => x - y), 0.99);
    return { clients, perProcess, expected, delivered: all.length, p50: quantile(all, 0.5), p99: quantile(all, 0.99), p99A: p99Of(latencies[0]), p99B: p99Of(latencies[1]) };
  } finally {
    await Promise.all(sockets.map((s) => s.dispose()));
  }
}
