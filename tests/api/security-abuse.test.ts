// Abuse from a signed-in user or an anonymous client: content floods, socket floods, NUL and
// bidi characters, oversized chunked bodies, static-file path tricks.
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import http from "node:http";
import { WebSocket } from "ws";
import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, type TestApp, type TestUser } from "../helpers/app.js";
import { activeMentorship } from "../helpers/mentorships.js";

const START = `mutation($c: ID!, $t: String!, $b: String!) { startForumThread(input: { categoryId: $c, title: $t, body: $b }) { id } }`;
const POST = `mutation($t: ID!, $b: String!) { postToForumThread(input: { threadId: $t, body: $b }) { id } }`;
const CHAT = `mutation($m: ID!, $b: String!) { sendChatMessage(input: { mentorshipId: $m, body: $b }) { id } }`;
const REPORT = `mutation($s: ID!, $d: String) { fileReport(input: { subjectId: $s, category: OTHER, description: $d }) { id } }`;
const TICKET = `mutation($s: String!) { openSupportTicket(input: { subject: $s, body: "Help please" }) { id } }`;
const PROFILE = `mutation($n: String!) { updateMyProfile(input: { displayName: $n }) { displayName } }`;

let t: TestApp;
let admin: TestUser, support: TestUser, mentee: TestUser;
let categoryId: string;
let dist: string;
beforeAll(async () => {
  const root = mkdtempSync(path.join(tmpdir(), "static-"));
  dist = path.join(root, "dist");
  mkdirSync(dist);
  mkdirSync(path.join(root, "dist-private"));
  writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>console</title>");
  writeFileSync(path.join(root, "dist-private", "secret.txt"), "TOP-SECRET");
  t = await startTestApp({ config: { consoleDist: dist } });
  [admin, support, mentee] = await Promise.all([t.user("ADMIN"), t.user("SUPPORT"), t.user("MENTEE")]);
  categoryId = (await t.ok(`mutation { createForumCategory(input: { name: "General" }) { id } }`, {}, support.token)).createForumCategory.id;
});
afterAll(() => t?.close());

async function policy(changes: Record<string, unknown>) {
  await t.ok(`mutation($c: JSON!) { updatePolicy(input: { changes: $c, reason: "abuse test" }) { version } }`, { c: changes }, admin.token);
}

/** Sends `n` requests in a row and returns the codes of the first error of each. */
async function burst(n: number, send: (i: number) => Promise<{ errors?: { extensions?: Record<string, any> }[] }>) {
  const out: (string | undefined)[] = [];
  for (let i = 0; i < n; i++) out.push((await send(i)).errors?.[0]?.extensions?.code);
  return out;
}

describe("content rate limits (policy rateLimits)", () => {
  it("forum threads and posts per user per hour, with the retry time; the window passes", async () => {
    await policy({ rateLimits: { forumThreadsPerHour: 2, forumPostsPerHour: 3 } });
    try {
      const u = await t.user("MENTEE");
      const threads = await burst(3, (i) => t.gql(START, { c: categoryId, t: `Thread number ${i}`, b: "body" }, u.token));
      expect(threads).toEqual([undefined, undefined, "RATE_LIMITED"]);
      const threadId = (await t.ok(START, { c: categoryId, t: "Another thread", b: "b" }, mentee.token)).startForumThread.id;
      const posts = await burst(4, (i) => t.gql(POST, { t: threadId, b: `post ${i}` }, u.token));
      expect(posts).toEqual([undefined, undefined, undefined, "RATE_LIMITED"]);
      const limited = await t.gql(POST, { t: threadId, b: "again" }, u.token);
      expect(limited.errors![0].extensions).toMatchObject({ code: "RATE_LIMITED", limit: "content-forumPost" });
      expect(limited.errors![0].extensions!.retryAfterSeconds).toBe(3600);
      // Another user is not affected; after the hour the author may post again.
      expect(codes(await t.gql(POST, { t: threadId, b: "other user" }, mentee.token))).toEqual([]);
      t.clock.advanceMinutes(60);
      expect(codes(await t.gql(POST, { t: threadId, b: "an hour later" }, u.token))).toEqual([]);
    } finally {
      await policy({ rateLimits: { forumThreadsPerHour: 10, forumPostsPerHour: 60 } });
    }
  });

  it("chat messages, reports and support tickets", async () => {
    await policy({ rateLimits: { chatMessagesPerMinute: 2, reportsPerDay: 1, supportTicketsPerDay: 1 } });
    try {
      const { mentee: m, mentor, mentorshipId } = await activeMentorship(t);
      expect(await burst(3, (i) => t.gql(CHAT, { m: mentorshipId, b: `hello ${i}` }, m.token))).toEqual([undefined, undefined, "RATE_LIMITED"]);
      expect(await burst(2, (i) => t.gql(REPORT, { s: mentor.id, d: `report ${i}` }, m.token))).toEqual([undefined, "RATE_LIMITED"]);
      expect(await burst(2, (i) => t.gql(TICKET, { s: `Ticket number ${i}` }, m.token))).toEqual([undefined, "RATE_LIMITED"]);
    } finally {
      await policy({ rateLimits: { chatMessagesPerMinute: 30, reportsPerDay: 20, supportTicketsPerDay: 10 } });
    }
  });
});

describe("sockets per user (policy rateLimits.socketsPerUser)", () => {
  it("past the cap the oldest socket closes with 4429", async () => {
    await policy({ rateLimits: { socketsPerUser: 2 } });
    const clients: ReturnType<typeof createClient>[] = [];
    try {
      const u = await t.user("MENTEE");
      const closed: (number | undefined)[] = [];
      const open = (i: number) =>
        new Promise<void>((resolve, reject) => {
          const c = createClient({
            url: t.wsUrl,
            webSocketImpl: WebSocket,
            lazy: false,
            retryAttempts: 0,
            connectionParams: { authorization: `Bearer ${u.token}` },
            on: { connected: () => resolve(), closed: (e) => void (closed[i] = (e as { code?: number }).code), error: reject },
          });
          clients.push(c);
        });
      for (let i = 0; i < 3; i++) await open(i);
      const end = Date.now() + 10_000;
      while (closed[0] === undefined && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      expect(closed[0]).toBe(4429);
      expect(closed[1]).toBeUndefined();
      expect(closed[2]).toBeUndefined();
    } finally {
      await Promise.all(clients.map((c) => c.dispose()));
      await policy({ rateLimits: { socketsPerUser: 10 } });
    }
  });
});

describe("input hygiene", () => {
  it("NUL anywhere is BAD_USER_INPUT, never a 500", async () => {
    const threadId = (await t.ok(START, { c: categoryId, t: "Hygiene thread", b: "b" }, mentee.token)).startForumThread.id;
    const viaVariable = await t.gql(POST, { t: threadId, b: "before\u0000after" }, mentee.token);
    expect(codes(viaVariable)).toEqual(["BAD_USER_INPUT"]);
    const viaLiteral = await t.gql(`mutation { postToForumThread(input: { threadId: "${threadId}", body: "x\\u0000y" }) { id } }`, {}, mentee.token);
    expect(codes(viaLiteral)).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await t.gql(`mutation($i: LogInInput!) { logIn(input: $i) { token } }`, { i: { email: "a@b.co", password: "\u0000" } }))).toEqual(["BAD_USER_INPUT"]);
  });

  it("names and titles refuse control and bidirectional-override characters", async () => {
    for (const name of ["Admin\u202Etoor", "Ali\u2066ce", "Bob\u0007", "Eve\nAdmin", "Zed\u200F"])
      expect(codes(await t.gql(PROFILE, { n: name }, mentee.token)), JSON.stringify(name)).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await t.gql(START, { c: categoryId, t: "Title \u202E spoof", b: "b" }, mentee.token))).toEqual(["BAD_USER_INPUT"]);
    // Ordinary names in any script stay fine.
    expect((await t.ok(PROFILE, { n: "Zoë Ångström-李" }, mentee.token)).updateMyProfile.displayName).toBe("Zoë Ångström-李");
  });
});

function raw(pathname: string, opts: { method?: string; headers?: Record<string, string>; chunks?: number; chunkBytes?: number } = {}) {
  const { port } = new URL(t.url);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: pathname, method: opts.method ?? "GET", headers: opts.headers }, (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode!, body }));
    });
    req.on("error", reject);
    if (opts.chunks) {
      const chunk = Buffer.alloc(opts.chunkBytes ?? 64 * 1024, "a");
      let i = 0;
      const pump = () => {
        while (i < opts.chunks!) {
          i++;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        req.end();
      };
      req.on("response", () => (i = opts.chunks!));
      pump();
    } else req.end();
  });
}

describe("HTTP edges", () => {
  it("a chunked body past 100 KB is refused with 413 (bytes counted, not Content-Length)", async () => {
    const r = await raw("/graphql", { method: "POST", headers: { "content-type": "application/json", "transfer-encoding": "chunked" }, chunks: 4, chunkBytes: 64 * 1024 });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("static files: a sibling folder is not served and malformed paths get 400", async () => {
    const sibling = await raw("/..%2fdist-private%2fsecret.txt");
    expect(sibling.body).not.toContain("TOP-SECRET");
    expect(sibling.status).toBe(404);
    expect((await raw("/%E0%A4%A")).status).toBe(400);
    expect((await raw("/some/client/route")).body).toContain("console");
  });
});
