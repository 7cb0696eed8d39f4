// /metrics: Prometheus text that moves with requests, errors, sockets, events, job runs and the
// e-mail outbox; open in development, behind a bearer token when one is configured.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, subscribe, type TestApp } from "../helpers/app.js";

/** The value of one sample (0 when the series does not exist yet). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split("\n")) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return 0;
}

let t: TestApp;
const scrape = async (headers: Record<string, string> = {}) => {
  const res = await fetch(`${t.url}/metrics`, { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/plain");
  return res.text();
};

beforeAll(async () => {
  t = await startTestApp({ jobs: true, config: { jobIntervalMs: 3_600_000 } });
});
afterAll(() => t?.close());

describe("/metrics", () => {
  it("counts operations by name and errors by extensions.code", async () => {
    const before = await scrape();
    await t.ok(`query PlatformName { platform { platformName } }`);
    await t.ok(`query PlatformName { platform { platformName } }`);
    const bad = await t.gql(`{ noSuchField }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const after = await scrape();
    const count = (s: string) => sample(s, "graphql_operation_duration_seconds_count", { operation: "PlatformName", type: "query" });
    expect(count(after) - count(before)).toBe(2);
    const errs = (s: string) => sample(s, "graphql_errors_total", { code: "GRAPHQL_VALIDATION_FAILED" });
    expect(errs(after) - errs(before)).toBe(1);
    expect(sample(after, "http_graphql_requests_in_flight")).toBe(0);
    // process metrics come along
    expect(after).toMatch(/^process_resident_memory_bytes \d+/m);
    // the PostgreSQL pool (the embedded database has none)
    if (t.app.database.kind === "postgres") {
      for (const state of ["in_use", "idle", "waiting"]) expect(after).toMatch(new RegExp(`^db_pool_connections\\{state="${state}"\\} \\d+`, "m"));
    } else expect(after).not.toMatch(/^db_pool_connections\{/m);
  });

  it("shows job runs and the e-mail outbox backlog, which a job run drains", async () => {
    const u = await t.user("MENTEE");
    await t.db.notification.create({
      data: { userId: u.id, kind: "test", channel: "EMAIL", subject: "s", body: "b", dedupeKey: `metrics-${u.id}`, createdAt: new Date(t.clock.now().getTime() - 3_600_000), sendAfter: t.clock.now() },
    });
    const before = await scrape();
    expect(sample(before, "email_outbox_backlog")).toBe(1);
    expect(sample(before, "email_outbox_oldest_age_seconds")).toBeGreaterThanOrEqual(3600);
    const runs = (s: string) => sample(s, "job_runs_total", { job: "notifications.deliverEmails", outcome: "ok" });

    const result = await t.app.jobs!.tick();
    expect(result["notifications.deliverEmails"]).toBe(1);
    const after = await scrape();
    expect(runs(after) - runs(before)).toBe(1);
    expect(sample(after, "job_items_handled_total", { job: "notifications.deliverEmails" }) - sample(before, "job_items_handled_total", { job: "notifications.deliverEmails" })).toBe(1);
    expect(after).toMatch(/^job_lag_seconds\{job="notifications.deliverEmails"\} \d/m);
    expect(sample(after, "email_outbox_backlog")).toBe(0);
    expect(sample(after, "email_outbox_oldest_age_seconds")).toBe(0);
  });

  it("counts open sockets, subscriptions and events published and delivered", async () => {
    const u = await t.user("MENTEE");
    const before = await scrape();
    const client = t.ws(u.token);
    const sub = subscribe(client, `subscription { notificationAdded { id } }`);
    await t.listening("notificationAdded");
    const during = await scrape();
    expect(sample(during, "ws_open_sockets")).toBe(sample(before, "ws_open_sockets") + 1);
    expect(sample(during, "ws_active_operations")).toBe(sample(before, "ws_active_operations") + 1);
    const n = await t.db.notification.create({ data: { userId: u.id, kind: "test", channel: "IN_APP", subject: "s", body: "b", dedupeKey: `metrics-ws-${u.id}` } });
    t.app.pubsub.publish("notificationAdded", u.id, { id: n.id });
    await sub.until(() => sub.events.length === 1);
    const after = await scrape();
    const pub = (s: string) => sample(s, "pubsub_events_published_total", { topic: "notificationAdded" });
    const del = (s: string) => sample(s, "pubsub_events_delivered_total", { topic: "notificationAdded" });
    expect(pub(after) - pub(before)).toBe(1);
    expect(del(after) - del(before)).toBe(1);
    sub.dispose();
  });

  it("needs the bearer token when one is configured", async () => {
    const token = "a-metrics-token-of-some-length";
    const guarded = await startTestApp({ config: { metrics: { token, port: undefined } } });
    try {
      expect((await fetch(`${guarded.url}/metrics`)).status).toBe(401);
      expect((await fetch(`${guarded.url}/metrics`, { headers: { authorization: "Bearer wrong-token-of-some-length!" } })).status).toBe(401);
      const ok = await fetch(`${guarded.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain("graphql_errors_total");
    } finally {
      await guarded.close();
    }
  });

  it("is never open in production without a token", async () => {
    const prod = await startTestApp({ config: { production: true, metrics: { token: undefined, port: undefined } } });
    try {
      expect((await fetch(`${prod.url}/metrics`)).status).toBe(401);
    } finally {
      await prod.close();
    }
  });

  it("listens on its own port with METRICS_PORT, and not on the API port", async () => {
    const own = await startTestApp({ config: { metrics: { token: undefined, port: 0 } } });
    try {
      expect((await fetch(`${own.url}/metrics`)).status).toBe(404);
      const port = own.app.metrics.port();
      expect(port).toBeGreaterThan(0);
      const res = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("ws_open_sockets");
    } finally {
      await own.close();
    }
  });
});
