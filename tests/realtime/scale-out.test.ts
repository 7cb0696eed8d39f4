// Two stateless API processes over one PostgreSQL, subscriptions fanned out through Redis.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { createClient } from "graphql-ws";
import pg from "pg";
import { startApiProcess, gqlAt, type ApiProcess } from "../helpers/process.js";
import { scratchDatabase, REDIS_URL } from "../helpers/services.js";
import { subscribe } from "../helpers/app.js";
import { hashPassword } from "../../api/src/lib/password.js";
import { missing, titled } from "../helpers/requirements.js";

const absent = await missing("postgres-server", "redis");

let a: ApiProcess, b: ApiProcess;
let db: { url: string; drop(): Promise<void> };

beforeAll(async () => {
  if (absent) return;
  db = await scratchDatabase();
  const env = { DATABASE_URL: db.url, REDIS_URL, PASSWORD_HASH_COST: "10" };
  a = await startApiProcess(env); // applies the migrations
  b = await startApiProcess(env);
  // an admin, created the way an operator would (directly in the database)
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  await c.query(`INSERT INTO "User" (id, email, "passwordHash", "displayName", role, "updatedAt") VALUES ('admin-1', 'ops@example.com', $1, 'Ops', 'ADMIN', now())`, [
    await hashPassword("long-enough-pw", 10),
  ]);
  await c.end();
}, 180_000);

afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await db?.drop();
});

const login = async (url: string) => (await gqlAt(url, `mutation { logIn(input: { email: "ops@example.com", password: "long-enough-pw" }) { token } }`)).data.logIn.token as string;

describe.skipIf(!!absent)(titled("scale-out through Redis", absent), () => {
  it("an event published by one process reaches a subscriber on the other", async () => {
    const tokenA = await login(a.url);
    const tokenB = await login(b.url);
    const client = createClient({ url: a.url.replace("http", "ws") + "/graphql", webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${tokenA}` }, retryAttempts: 0 });
    const sub = subscribe(client, `subscription { auditEntryAdded { action subjectType } }`);
    // The subscription is live once process A has subscribed in Redis; publish until it is.
    let n = 0;
    await sub.until(() => {
      if (sub.events.length === 0 && n++ % 10 === 0) void gqlAt(b.url, `mutation { updatePlatform(input: { platformName: "Scaled ${n}" }) { platformName } }`, {}, tokenB);
      return sub.events.length > 0;
    }, 20_000);
    expect(sub.events[0].data).toEqual({ auditEntryAdded: { action: "platform.update", subjectType: "PlatformConfig" } });
    await client.dispose();
  });

  it("logging out on one process closes the user's socket on the other", async () => {
    const tokenA = await login(a.url);
    const client = createClient({ url: a.url.replace("http", "ws") + "/graphql", webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${tokenA}` }, retryAttempts: 0 });
    const sub = subscribe(client, `subscription { auditEntryAdded { action } }`);
    const tokenB = await login(b.url);
    // wait until the socket is connected and subscribed (an event flows)
    let n = 0;
    await sub.until(() => {
      if (sub.events.length === 0 && n++ % 10 === 0) void gqlAt(b.url, `mutation { updatePlatform(input: { platformName: "Live ${n}" }) { platformName } }`, {}, tokenB);
      return sub.events.length > 0;
    }, 20_000);
    // the same token logs out through process B
    expect((await gqlAt(b.url, `mutation { logOut }`, {}, tokenA)).data.logOut).toBe(true);
    await sub.until(() => sub.error !== undefined || sub.completed, 10_000);
    expect((sub.error as { code?: number }).code).toBe(4403);
    await client.dispose();
  });
});
