// A client process for the fan-out benchmark: opens `count` WebSockets speaking graphql-transport-ws
// (connection_init -> ack -> subscribe), records publish->receive latency from the timestamp each
// update carries in `topic` ("bench@<ms since epoch>"). Driven by tests/bench/run.ts over IPC.
import WebSocket from "ws";

const now = () => performance.timeOrigin + performance.now();

type Cmd =
  | { cmd: "connect"; url: string; tokens: string[]; query: string; variables: Record<string, unknown>; count: number; concurrency: number; deadline: number }
  | { cmd: "collect" }
  | { cmd: "unsubscribe" }
  | { cmd: "close" };

const sockets: WebSocket[] = [];
let latencies: number[] = [];
const perStamp = new Map<string, number>();
let errors = 0;
let firstError: string | undefined;
let closedEarly = 0;
let closing = false;
let connectError: string | undefined;

function open(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, "graphql-transport-ws", { perMessageDeflate: false });
    let subscribed = false;
    ws.on("open", () => ws.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${token}` } })));
    ws.on("message", (data) => {
      const msg = JSON.parse(String(data));
      if (msg.type === "connection_ack") {
        ws.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query, variables } }));
        subscribed = true;
        resolve(ws);
      } else if (msg.type === "next") {
        const topic: string | undefined = msg.payload?.data?.sessionUpdated?.topic;
        const at = topic?.startsWith("bench@") ? Number(topic.slice(6)) : NaN;
        if (msg.payload?.errors) {
          errors++;
          firstError ??= JSON.stringify(msg.payload.errors).slice(0, 300);
        }
        if (Number.isFinite(at)) {
          latencies.push(now() - at);
          const key = topic!.slice(6);
          perStamp.set(key, (perStamp.get(key) ?? 0) + 1);
        }
      } else if (msg.type === "error") {
        errors++;
        firstError ??= JSON.stringify(msg.payload).slice(0, 300);
      } else if (msg.type === "ping") {
        ws.send(JSON.stringify({ type: "pong" }));
      }
    });
    ws.on("error", (e) => {
      if (!subscribed) reject(e);
    });
    ws.on("close", () => {
      if (!subscribed) reject(new Error("closed before ack"));
      else if (!closing) closedEarly++;
    });
  });
}

process.on("message", async (m: Cmd) => {
  if (m.cmd === "connect") {
    let failures = 0;
    let next = 0;
    const started = now();
    const lane = async () => {
      while (next < m.count && Date.now() < m.deadline) {
        const i = next++;
        try {
          sockets.push(await open(m.url, m.tokens[i % m.tokens.length], m.query, m.variables));
        } catch (e) {
          failures++;
          connectError ??= String((e as Error)?.message ?? e).slice(0, 300);
        }
      }
    };
    await Promise.all(Array.from({ length: m.concurrency }, lane));
    process.send!({ evt: "connected", n: sockets.length, failures, ms: now() - started, connectError });
  } else if (m.cmd === "collect") {
    process.send!({ evt: "collected", latencies, perStamp: Object.fromEntries(perStamp), errors, firstError, closedEarly });
    latencies = [];
    perStamp.clear();
    errors = 0;
  } else if (m.cmd === "unsubscribe") {
    for (const ws of sockets) if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ id: "1", type: "complete" }));
    process.send!({ evt: "unsubscribed" });
  } else if (m.cmd === "close") {
    closing = true;
    await Promise.all(
      sockets.map(
        (ws) =>
          new Promise<void>((r) => {
            if (ws.readyState === WebSocket.CLOSED) return r();
            ws.once("close", () => r());
            ws.close(1000);
          }),
      ),
    );
    sockets.length = 0;
    process.send!({ evt: "closed" });
  }
});
process.send!({ evt: "ready" });
