// Bench-only API process: the real buildApp() (same yoga, same graphql-ws, same node http server),
// plus /bench/* routes that exist only here and only with BENCH_BASELINE=1:
//   GET  /bench/baseline/board?first=N  one hand-written SQL (json_agg) returning the live board JSON
//   GET  /bench/baseline/user?id=ID     one hand-written SQL for the primary-key query
//   GET  /bench/stats[?gc=1]            SQL statement counter, memory, subscriber count
//   POST /bench/seed                    sessions (+ presence), users with tokens
//   POST /bench/publish                 stamps a session's topic with the time and publishes the update
// Started by tests/bench/run.ts as a child process: `tsx tests/bench/server.ts` (env as for api/src/main.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import { buildApp } from "../../api/src/app.js";
import { newSecret, sha256 } from "../../api/src/lib/ids.js";
import { multiplexStats } from "../../api/src/realtime/multiplex.js";
import type { Role } from "../../api/src/generated/prisma/enums.js";

if (process.env.BENCH_BASELINE !== "1") {
  console.error("tests/bench/server.ts serves benchmark-only routes: set BENCH_BASELINE=1");
  process.exit(2);
}

const app = await buildApp();
const db = app.database.db;
const now = () => performance.timeOrigin + performance.now();

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
/** timestamptz columns */
const tz = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', ${ISO})`;
/** timestamp(3) columns (Prisma stores UTC) */
const ts = (col: string) => `to_char(${col}, ${ISO})`;

// The same JSON as the GraphQL LiveBoard query (tests/bench/queries.ts), key order included.
const BOARD_SQL = `
SELECT json_build_object('data', json_build_object('sessions', json_build_object('edges', COALESCE(json_agg(json_build_object('node', json_build_object(
  'id', s.id, 'state', s.state, 'topic', s.topic, 'startsAt', ${tz('s."startsAt"')}, 'endsAt', ${tz('s."endsAt"')},
  'durationMinutes', s."durationMinutes", 'liveAt', ${ts('s."liveAt"')}, 'endedAt', ${ts('s."endedAt"')}, 'endedBy', s."endedBy",
  'endReason', s."endReason", 'mentorJoinedAt', ${ts('s."mentorJoinedAt"')}, 'menteeJoinedAt', ${ts('s."menteeJoinedAt"')},
  'mentorLateMinutes', s."mentorLateMinutes", 'mentorNoShow', s."mentorNoShow", 'menteeNoShow', s."menteeNoShow",
  'cancelledAt', ${ts('s."cancelledAt"')},
  'mentor', json_build_object('id', m.id, 'displayName', m."displayName"),
  'mentee', json_build_object('id', e.id, 'displayName', e."displayName"),
  'presence', COALESCE((SELECT json_agg(json_build_object('id', p.id, 'party', p.party, 'kind', p.kind, 'source', p.source, 'at', ${ts("p.at")}) ORDER BY p.at, p.id)
                        FROM "SessionPresence" p WHERE p."sessionId" = s.id), '[]'::json)
)) ORDER BY s."startsAt" DESC, s.id), '[]'::json))))::text AS body
FROM (SELECT * FROM "Session" ORDER BY "startsAt" DESC, id LIMIT $1) s
JOIN "User" m ON m.id = s."mentorId"
JOIN "User" e ON e.id = s."menteeId"`;

const USER_SQL = `
SELECT json_build_object('data', json_build_object('user', json_build_object(
  'id', u.id, 'displayName', u."displayName", 'role', u.role, 'status', u.status, 'timeZone', u."timeZone", 'createdAt', ${ts('u."createdAt"')}
)))::text AS body FROM "User" u WHERE u.id = $1`;

async function readJson(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {};
}
function sendJson(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

let userSeq = 0;
async function createUsers(role: Role, count: number, approved = true) {
  const out: { id: string; token: string }[] = [];
  const expiresAt = new Date(Date.now() + 24 * 3_600_000);
  for (let i = 0; i < count; i++) {
    const n = ++userSeq;
    const u = await db.user.create({
      data: {
        email: `bench-${role.toLowerCase()}-${n}@bench.local`,
        displayName: `${role.charAt(0)}${role.slice(1).toLowerCase()} ${n}`,
        role,
        timeZone: "UTC",
        passwordHash: "bench-no-login",
        ...(role === "MENTOR" ? { mentorProfile: { create: { expertise: [], approved, hourlyRateMinor: 6000, currency: "USD" } } } : {}),
      },
    });
    const token = newSecret();
    await db.authSession.create({ data: { userId: u.id, tokenHash: sha256(token), expiresAt } });
    out.push({ id: u.id, token });
  }
  return out;
}

let sessionSeq = 0;
/** `count` more sessions among a pool of mentors/mentees, 3 presence events each. */
async function seedSessions(count: number, pool: { mentors: string[]; mentees: string[] }) {
  const base = Date.UTC(2026, 0, 5, 8, 0, 0);
  const states = ["LIVE", "SCHEDULED", "ENDED"] as const;
  const sessions = [];
  const presence = [];
  for (let i = 0; i < count; i++) {
    const k = sessionSeq++;
    // distinct 60-minute windows 90 minutes apart: no overlap for any mentor or mentee
    const startsAt = new Date(base + k * 90 * 60_000);
    const endsAt = new Date(startsAt.getTime() + 60 * 60_000);
    const state = states[k % 3];
    const id = `bench-s-${String(k).padStart(7, "0")}`;
    const joined = new Date(startsAt.getTime() + (k % 7) * 60_000);
    sessions.push({
      id,
      mentorId: pool.mentors[k % pool.mentors.length],
      menteeId: pool.mentees[k % pool.mentees.length],
      startsAt,
      endsAt,
      durationMinutes: 60,
      topic: `Topic ${k}`,
      state,
      hourlyRateMinor: 6000,
      feeMultiplierBps: 10000,
      priceMinor: 6000,
      currency: "USD",
      policyVersion: 1,
      channelName: `bench-${k}`,
      liveAt: state === "SCHEDULED" ? null : joined,
      endedAt: state === "ENDED" ? endsAt : null,
      endedBy: state === "ENDED" ? ("SYSTEM" as const) : null,
      endReason: state === "ENDED" ? "stipulated end" : null,
      mentorJoinedAt: state === "SCHEDULED" ? null : joined,
      menteeJoinedAt: state === "SCHEDULED" ? null : startsAt,
      mentorLateMinutes: state === "SCHEDULED" ? null : k % 7,
    });
    for (let j = 0; j < 3; j++) {
      presence.push({
        id: `bench-p-${String(k).padStart(7, "0")}-${j}`,
        sessionId: id,
        userId: j === 1 ? pool.mentees[k % pool.mentees.length] : pool.mentors[k % pool.mentors.length],
        party: j === 1 ? ("MENTEE" as const) : ("MENTOR" as const),
        kind: j === 2 ? ("LEAVE" as const) : ("JOIN" as const),
        source: j === 0 ? ("WEBHOOK" as const) : ("CLIENT" as const),
        at: new Date(startsAt.getTime() + j * 60_000),
      });
    }
  }
  for (let i = 0; i < sessions.length; i += 500) await db.session.createMany({ data: sessions.slice(i, i + 500) });
  for (let i = 0; i < presence.length; i += 1500) await db.sessionPresence.createMany({ data: presence.slice(i, i + 1500) });
  return sessions.map((s) => s.id);
}

const routes = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (!url.pathname.startsWith("/bench/")) return false;
  switch (url.pathname) {
    case "/bench/baseline/board": {
      const rows = await db.$queryRawUnsafe<{ body: string }[]>(BOARD_SQL, Number(url.searchParams.get("first") ?? 10));
      sendJson(res, 200, rows[0].body);
      return true;
    }
    case "/bench/baseline/user": {
      const rows = await db.$queryRawUnsafe<{ body: string }[]>(USER_SQL, url.searchParams.get("id") ?? "");
      if (!rows.length) sendJson(res, 404, `{"errors":[{"message":"not found"}]}`);
      else sendJson(res, 200, rows[0].body);
      return true;
    }
    case "/bench/stats": {
      if (url.searchParams.get("gc") === "1" && typeof globalThis.gc === "function") {
        for (let i = 0; i < 3; i++) {
          globalThis.gc();
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      const m = process.memoryUsage();
      sendJson(
        res,
        200,
        JSON.stringify({
          statements: app.database.statements.count,
          statementsMs: app.database.statements.ms,
          phases: app.phases,
          viewers: app.viewers.stats(),
          multiplex: multiplexStats,
          rss: m.rss,
          heapUsed: m.heapUsed,
          heapTotal: m.heapTotal,
          external: m.external,
          sessionUpdatedListeners: app.listenerCount("sessionUpdated"),
          sockets: wsClients(),
          cpu: process.cpuUsage(),
        }),
      );
      return true;
    }
    case "/bench/seed": {
      const body = await readJson(req);
      const out: Record<string, unknown> = {};
      if (body.users) out.users = await createUsers(body.users.role, body.users.count, body.users.approved ?? true);
      if (body.sessions) out.sessionIds = await seedSessions(body.sessions.count, body.sessions.pool);
      sendJson(res, 200, JSON.stringify(out));
      return true;
    }
    case "/bench/publish": {
      const { id } = await readJson(req);
      const t = now();
      // The time goes into a field the subscribers select, so every receiver can compute its latency.
      await db.session.update({ where: { id }, data: { topic: `bench@${t.toFixed(3)}` } });
      const sent = now();
      app.pubsub.publish("sessionUpdated", id, { id });
      sendJson(res, 200, JSON.stringify({ stampedAt: t, publishedAt: sent }));
      return true;
    }
  }
  sendJson(res, 404, `{"error":"no such bench route"}`);
  return true;
};

let wsClients = () => 0;
{
  // Put the bench routes in front of buildApp's own request handler, on the same server.
  const server = app.server;
  const original = server.listeners("request") as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners("request");
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith("/bench/")) return void original.forEach((h) => h(req, res));
    routes(req, res).catch((err) => {
      console.error(err);
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    });
  });
  let count = 0;
  server.on("upgrade", (_req, socket) => {
    count++;
    socket.once("close", () => count--);
  });
  wsClients = () => count;
}

const url = await app.start();
// Same line as api/src/main.ts, so tests/helpers/process.ts finds the URL.
console.log(JSON.stringify({ msg: "API listening", url: `${url}/graphql` }));
for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => void app.stop().then(() => process.exit(0)));
