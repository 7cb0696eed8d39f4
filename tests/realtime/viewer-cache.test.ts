// The viewer cache across two API instances sharing one database and one (private) Redis:
// a change made through one instance is honoured by the other on the very next request, and
// while Redis is away the cache is bypassed, so a ban still takes effect at once.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, type App } from "../../api/src/app.js";
import { FakeClock } from "../../api/src/lib/clock.js";
import { newSecret, sha256 } from "../../api/src/lib/ids.js";
import type { Role } from "../../api/src/generated/prisma/enums.js";
import { createTestDatabase } from "../helpers/db.js";
import { reachable } from "../helpers/services.js";
import { gqlAt, registerProcess } from "../helpers/process.js";
import { missing, titled } from "../helpers/requirements.js";

const absent = await missing("redis-binary");

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** A redis-server of this test alone, so stopping it disturbs nobody. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  child.once("exit", registerProcess(child.pid!, "redis-server (viewer cache test)"));
  const end = Date.now() + 10_000;
  while (!(await reachable(`redis://127.0.0.1:${port}`))) {
    if (Date.now() > end) throw new Error("private redis-server did not start");
    await new Promise((r) => setTimeout(r, 20));
  }
  return child;
}
const stopRedis = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });

/** Bounded polling on a state the app exposes (no sleeping on guesses). */
async function until(what: string, pred: () => boolean, ms = 15_000) {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

let redis: ChildProcess;
let redisPort: number;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let a: App, b: App;
let urlA: string, urlB: string;
const clock = new FakeClock("2026-03-02T09:00:00Z");

async function user(role: Role) {
  const u = await database.db.user.create({
    data: { email: `${role.toLowerCase()}-${newSecret().slice(0, 8)}@cache.test`, displayName: role, role, timeZone: "UTC", passwordHash: "no-login" },
  });
  const token = newSecret();
  await database.db.authSession.create({ data: { userId: u.id, tokenHash: sha256(token), expiresAt: new Date(clock.now().getTime() + 86_400_000), createdAt: clock.now() } });
  return { id: u.id, token };
}

const VIEWER = `query { viewer { id } }`;
const ban = (userId: string) => ({ i: { userId, kind: "BAN", reason: "scam", idempotencyKey: `ban-${userId}` } });
const BAN = `mutation($i: IssueEnforcementInput!) { issueEnforcement(input: $i) { id } }`;

beforeAll(async () => {
  if (absent) return;
  redisPort = await freePort();
  redis = await startRedis(redisPort);
  database = await createTestDatabase();
  const config = { jobsEnabled: false, consoleDist: undefined, redisUrl: `redis://127.0.0.1:${redisPort}` };
  a = await buildApp({ clock, database, migrate: false, config });
  b = await buildApp({ clock, database, migrate: false, config });
  urlA = await a.start(0);
  urlB = await b.start(0);
  await until("both caches trust the channel", () => a.viewers.stats().channelUp && b.viewers.stats().channelUp);
}, 60_000);

afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await database?.drop();
  if (redis) await stopRedis(redis);
});

describe.skipIf(!!absent)(titled("viewer cache across instances", absent), () => {
  it("serves a warm token from memory: one SQL statement for the data, none for the token", async () => {
    const mentee = await user("MENTEE");
    expect((await gqlAt(urlB, VIEWER, {}, mentee.token)).data.viewer.id).toBe(mentee.id);
    const before = { sql: database.statements.count, hits: b.viewers.stats().hits, loads: b.viewers.stats().loads };
    const r = await gqlAt(urlB, `query($id: ID!) { user(id: $id) { id role } }`, { id: mentee.id }, mentee.token);
    expect(r.data.user).toEqual({ id: mentee.id, role: "MENTEE" });
    expect(database.statements.count - before.sql).toBe(1);
    expect(b.viewers.stats().hits).toBe(before.hits + 1);
    expect(b.viewers.stats().loads).toBe(before.loads);
  });

  it("a log-out through instance A is refused by instance B on the next request", async () => {
    const mentee = await user("MENTEE");
    expect((await gqlAt(urlB, VIEWER, {}, mentee.token)).data.viewer.id).toBe(mentee.id);
    expect((await gqlAt(urlB, VIEWER, {}, mentee.token)).data.viewer.id).toBe(mentee.id); // cached on B now
    expect((await gqlAt(urlA, `mutation { logOut }`, {}, mentee.token)).data.logOut).toBe(true);
    const r = await gqlAt(urlB, VIEWER, {}, mentee.token);
    expect(r.errors[0].extensions.code).toBe("UNAUTHENTICATED");
  });

  it("a ban issued through instance A is refused by instance B on the next request", async () => {
    const staff = await user("SUPPORT");
    const mentee = await user("MENTEE");
    await gqlAt(urlB, VIEWER, {}, mentee.token);
    const hits = b.viewers.stats().hits;
    await gqlAt(urlB, VIEWER, {}, mentee.token);
    expect(b.viewers.stats().hits).toBe(hits + 1);
    expect((await gqlAt(urlA, BAN, ban(mentee.id), staff.token)).errors).toBeUndefined();
    expect((await gqlAt(urlB, VIEWER, {}, mentee.token)).errors[0].extensions.code).toBe("UNAUTHENTICATED");
  });

  it("a feature suspension through A changes the viewer's ability on B without ending the token", async () => {
    const staff = await user("SUPPORT");
    const mentee = await user("MENTEE");
    await gqlAt(urlB, VIEWER, {}, mentee.token);
    const suspend = { i: { userId: mentee.id, kind: "STRIKE", scope: "FEATURE", feature: "booking", reason: "no-shows", idempotencyKey: `fs-${mentee.id}` } };
    expect((await gqlAt(urlA, BAN, suspend, staff.token)).errors).toBeUndefined();
    // The token stays valid; the next request on B loads the viewer again, with the suspension.
    const loads = b.viewers.stats().loads;
    expect((await gqlAt(urlB, VIEWER, {}, mentee.token)).data.viewer.id).toBe(mentee.id);
    expect(b.viewers.stats().loads).toBe(loads + 1);
  });

  it("an entry ends when the restriction it carries ends", async () => {
    const staff = await user("SUPPORT");
    const mentee = await user("MENTEE");
    const suspend = { i: { userId: mentee.id, kind: "STRIKE", scope: "FEATURE", feature: "booking", reason: "late", idempotencyKey: `fe-${mentee.id}` } };
    expect((await gqlAt(urlA, BAN, suspend, staff.token)).errors).toBeUndefined();
    await gqlAt(urlB, VIEWER, {}, mentee.token);
    const hits = b.viewers.stats().hits;
    await gqlAt(urlB, VIEWER, {}, mentee.token);
    expect(b.viewers.stats().hits).toBe(hits + 1);
    const { endsAt } = await database.db.enforcement.findFirstOrThrow({ where: { userId: mentee.id }, select: { endsAt: true } });
    clock.set(new Date(endsAt!.getTime()));
    const loads = b.viewers.stats().loads;
    await gqlAt(urlB, VIEWER, {}, mentee.token);
    expect(b.viewers.stats().loads).toBe(loads + 1);
  });

  it("with Redis stopped the cache is bypassed, so a ban still takes effect on the next request; it is trusted again once Redis is back", async () => {
    const staff = await user("SUPPORT");
    const mentee = await user("MENTEE");
    await gqlAt(urlB, VIEWER, {}, mentee.token);
    await gqlAt(urlB, VIEWER, {}, mentee.token);
    expect(b.viewers.stats().entries).toBeGreaterThan(0);

    await stopRedis(redis);
    await until("both instances notice Redis is gone", () => !a.viewers.stats().channelUp && !b.viewers.stats().channelUp);
    expect(b.viewers.stats().entries).toBe(0);
    const bypassed = b.viewers.stats().bypassed;
    // The ban's announcement cannot reach B; B reads the database instead of its memory.
    expect((await gqlAt(urlA, BAN, ban(mentee.id), staff.token)).errors).toBeUndefined();
    expect((await gqlAt(urlB, VIEWER, {}, mentee.token)).errors[0].extensions.code).toBe("UNAUTHENTICATED");
    expect((await gqlAt(urlB, VIEWER, {}, staff.token)).data.viewer.id).toBe(staff.id);
    expect((await gqlAt(urlB, VIEWER, {}, staff.token)).data.viewer.id).toBe(staff.id);
    expect(b.viewers.stats().bypassed).toBe(bypassed + 3);
    expect(b.viewers.stats().entries).toBe(0);

    redis = await startRedis(redisPort);
    await until("both instances trust the channel again", () => a.viewers.stats().channelUp && b.viewers.stats().channelUp, 20_000);
    await gqlAt(urlB, VIEWER, {}, staff.token);
    const hits = b.viewers.stats().hits;
    expect((await gqlAt(urlB, VIEWER, {}, staff.token)).data.viewer.id).toBe(staff.id);
    expect(b.viewers.stats().hits).toBe(hits + 1);
  }, 60_000);
});
