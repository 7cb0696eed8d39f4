// Per-phase breakdown of a GraphQL request, from the API process's own counters (tests/bench/server.ts
// /bench/stats): viewer resolution (auth), execution, and the SQL time inside execution, each the
// mean per request over one measured load window (warm-up included: same requests, same shape).
export interface Phase {
  requests: number;
  authMs: number;
  executeMs: number;
  sqlMs: number;
  statements: number;
  /** Viewer cache over the window: hits / (hits + loads). */
  hitRate: number;
}

interface Stats {
  statements: number;
  statementsMs: number;
  phases: { requests: number; authMs: number; executions: number; executeMs: number };
  viewers: { hits: number; loads: number };
}

export function phaseOf(before: Stats, after: Stats): Phase {
  const requests = after.phases.requests - before.phases.requests;
  const per = (a: number, b: number) => (requests > 0 ? (a - b) / requests : NaN);
  const hits = after.viewers.hits - before.viewers.hits;
  const loads = after.viewers.loads - before.viewers.loads;
  return {
    requests,
    authMs: per(after.phases.authMs, before.phases.authMs),
    executeMs: per(after.phases.executeMs, before.phases.executeMs),
    sqlMs: per(after.statementsMs, before.statementsMs),
    statements: per(after.statements, before.statements),
    hitRate: hits + loads > 0 ? hits / (hits + loads) : NaN,
  };
}

const f = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : "n/a");

export function phaseTable(rows: { label: string; conns: number; meanMs: number; phase?: Phase }[]): string[] {
  return [
    "| query | conns | mean latency ms (client) | auth ms | execution ms | of which SQL ms | other ms (HTTP, yoga, parse/validate cache, serialise, queueing) | SQL statements/req under load | viewer cache hit rate |",
    "|---|---|---|---|---|---|---|---|---|",
    ...rows.map((r) => {
      const p = r.phase;
      if (!p) return `| ${r.label} | ${r.conns} | ${f(r.meanMs, 1)} | n/a | n/a | n/a | n/a | n/a | n/a |`;
      // autocannon reports a mean of 0 when nothing completed in the window: no "other" then.
      const other = r.meanMs > 0 ? r.meanMs - p.authMs - p.executeMs : NaN;
      return `| ${r.label} | ${r.conns} | ${f(r.meanMs, 1)} | ${f(p.authMs)} | ${f(p.executeMs)} | ${f(p.sqlMs)} | ${f(other, 1)} | ${f(p.statements)} | ${f(p.hitRate * 100, 1)}% |`;
    }),
  ];
}
