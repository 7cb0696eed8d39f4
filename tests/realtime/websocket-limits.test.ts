import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { startTestApp, subscribe, type TestApp, type TestUser } from "../helpers/app.js";

let t: TestApp;
let admin: TestUser;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.user("ADMIN");
});
afterAll(() => t?.close());

function rawSocket(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(t.wsUrl, "graphql-transport-ws");
    ws.once("open", () => resolve(ws));
    ws.once("error", reject);
  });
}
const closed = (ws: WebSocket) => new Promise<{ code: number; reason: string }>((r) => ws.once("close", (code, reason) => r({ code, reason: reason.toString() })));

describe("graphql-ws limits", () => {
  it("closes a socket that never sends connection_init with 4408", async () => {
    const ws = await rawSocket();
    const c = await closed(ws);
    expect(c.code).toBe(4408);
  });

  it("closes a socket that sends an oversize message (1009)", async () => {
    const ws = await rawSocket();
    const c = closed(ws);
    ws.send(JSON.stringify({ type: "connection_init", payload: { pad: "x".repeat(200 * 1024) } }));
    expect((await c).code).toBe(1009);
  });

  it("caps the number of operations on one socket", async () => {
    const client = t.ws(admin.token);
    const subs = Array.from({ length: 51 }, () => subscribe(client, `subscription { auditEntryAdded { id } }`));
    await subs[50].until(() => subs[50].error !== undefined || subs[50].completed);
    const errs = subs[50].error as { extensions?: { code?: string } }[];
    expect(errs.map((e) => e.extensions?.code)).toEqual(["RATE_LIMITED"]);
    await t.listening("auditEntryAdded", 50);
    subs.forEach((s) => s.dispose());
  });

  it("refuses a subscription from an anonymous socket with UNAUTHENTICATED", async () => {
    const s = subscribe(t.ws(), `subscription { auditEntryAdded { id } }`);
    await s.until(() => s.error !== undefined || s.events.length > 0);
    const got = s.error ? (s.error as { extensions?: { code?: string } }[]).map((e) => e.extensions?.code) : s.events[0].errors?.map((e: any) => e.extensions?.code);
    expect(got).toEqual(["UNAUTHENTICATED"]);
  });
});
