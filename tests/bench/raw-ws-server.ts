// Baseline for the fan-out benchmark: a plain `ws` server that speaks just enough
// graphql-transport-ws (ack, subscribe, complete) and broadcasts one pre-serialised "next" message,
// with the same payload shape as the API's sessionUpdated, to every subscriber. No GraphQL, no DB.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

const now = () => performance.timeOrigin + performance.now();
const subscribers = new Set<WebSocket>();

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname === "/publish") {
    const id = url.searchParams.get("id") ?? "s";
    const t = now();
    const msg = JSON.stringify({ id: "1", type: "next", payload: { data: { sessionUpdated: { id, topic: `bench@${t.toFixed(3)}`, state: "LIVE" } } } });
    for (const ws of subscribers) ws.send(msg);
    res.end(JSON.stringify({ stampedAt: t, sent: subscribers.size }));
  } else if (url.pathname === "/stats") {
    if (url.searchParams.get("gc") === "1" && typeof globalThis.gc === "function") globalThis.gc();
    const m = process.memoryUsage();
    res.end(JSON.stringify({ rss: m.rss, heapUsed: m.heapUsed, subscribers: subscribers.size }));
  } else {
    res.writeHead(404).end();
  }
});
const wss = new WebSocketServer({ server, path: "/graphql", perMessageDeflate: false });
wss.on("connection", (ws) => {
  ws.on("message", (data) => {
    const m = JSON.parse(String(data));
    if (m.type === "connection_init") ws.send(JSON.stringify({ type: "connection_ack" }));
    else if (m.type === "subscribe") subscribers.add(ws);
    else if (m.type === "complete") subscribers.delete(ws);
  });
  ws.on("close", () => subscribers.delete(ws));
});
server.listen(0, "127.0.0.1", () => {
  console.log(JSON.stringify({ msg: "raw ws listening", url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
});
process.once("SIGTERM", () => process.exit(0));
