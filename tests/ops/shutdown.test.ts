// SIGTERM under load on a real API process: every in-flight request gets its answer (no
// connection reset), WebSockets are closed with 1001 (Going Away), /ready turns 503 while
// draining, and the process exits 0.
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { startApiProcess, type ApiProcess } from "../helpers/process.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "pglite-shutdown-"));
let api: ApiProcess | undefined;
afterAll(async () => {
  await api?.stop("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

type Answer = { status: number; body: { data?: { signUp?: { user?: { id: string } } }; errors?: unknown } | string };
/** A POST on its own connection; a reset or refused connection comes back as status 0. */
function post(url: string, payload: unknown): Promise<Answer> {
  return new Promise((resolve) => {
    const req = http.request(url, { method: "POST", agent: false, headers: { "content-type": "application/json" } }, (res) => {
      let text = "";
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      res.on("error", (err) => resolve({ status: 0, body: String(err) }));
    });
    req.on("error", (err) => resolve({ status: 0, body: String(err) }));
    req.end(JSON.stringify(payload));
  });
}

const inFlight = async (url: string) => {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/^http_graphql_requests_in_flight (\d+)/m.exec(text)?.[1] ?? 0);
};

describe("graceful shutdown", () => {
  it("finishes in-flight requests, closes sockets with 1001 and exits 0 on SIGTERM", async () => {
    // A high password cost makes each sign-up take a while: requests are really in flight.
    api = await startApiProcess({ DATABASE_URL: "", DATA_DIR: dir, PASSWORD_HASH_COST: "16", JOBS: "off", SHUTDOWN_TIMEOUT_MS: "60000" });
    const url = api.url;

    // A graphql-ws socket, acknowledged by the server.
    const socket = new WebSocket(url.replace("http", "ws") + "/graphql", "graphql-transport-ws");
    const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.once("close", (code, reason) => resolve({ code, reason: reason.toString() })));
    await new Promise<void>((resolve, reject) => {
      socket.once("open", () => socket.send(JSON.stringify({ type: "connection_init" })));
      socket.on("message", (m) => JSON.parse(String(m)).type === "connection_ack" && resolve());
      socket.once("error", reject);
    });

    const N = 8;
    // One connection per request (no client-side queueing): every request is on the wire at once.
    const requests = Array.from({ length: N }, (_, i) => post(`${url}/graphql`, {
      query: `mutation($i: SignUpInput!) { signUp(input: $i) { user { id } } }`,
      variables: { i: { email: `drain${i}@example.com`, password: "long-enough-pw", displayName: "D", role: "MENTEE" } },
    }));
    // Signal only once the server is working on them (its own gauge, read over another connection).
    let seen = 0;
    for (let i = 0; i < 400 && seen < N / 2; i++) {
      seen = await inFlight(url);
    }
    expect(seen, "requests were in flight when SIGTERM was sent").toBeGreaterThanOrEqual(N / 2);

    const exited = new Promise<number | null>((resolve) => api!.child.once("exit", (code) => resolve(code)));
    api.child.kill("SIGTERM");

    const answers = await Promise.all(requests);
    for (const a of answers) {
      expect(a.status, JSON.stringify(a.body)).toBe(200);
      expect(typeof a.body === "object" && a.body.data?.signUp?.user?.id, JSON.stringify(a.body)).toBeTruthy();
    }
    expect(await closed).toEqual({ code: 1001, reason: "Server shutting down" });
    expect(await exited).toBe(0);
    expect(api.output()).toContain("shutdown complete");
    // once stopped, the port refuses new connections (nothing half-open is left behind)
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  }, 120_000);
});
