import { WebSocket } from "ws";
import { createClient, type Client } from "graphql-ws";
import { buildApp, type App } from "../../api/src/app.js";
import { FakeClock } from "../../api/src/lib/clock.js";
import { createTestDatabase } from "./db.js";
import { hashPassword } from "../../api/src/lib/password.js";
import type { Role } from "../../api/src/generated/prisma/enums.js";
import type { Logger } from "../../api/src/lib/logger.js";

export interface GqlResult<T = any> {
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  status: number;
}

export interface TestApp {
  app: App;
  url: string;
  wsUrl: string;
  clock: FakeClock;
  db: App["database"]["db"];
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>>;
  /** Runs and fails the test on any GraphQL error. */
  ok<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  /** Creates a user directly (fast) and returns a signed-in token for it. */
  user(role: Role, opts?: { email?: string; approved?: boolean; timeZone?: string; rate?: number; displayName?: string }): Promise<TestUser>;
  ws(token?: string, opts?: { lazy?: boolean }): Client;
  /** Waits until `n` subscribers listen on `topic` in the API process (no sleeping on guesses). */
  listening(topic: Parameters<App["listenerCount"]>[0], n?: number): Promise<void>;
  close(): Promise<void>;
}

export interface TestUser {
  id: string;
  email: string;
  token: string;
  role: Role;
}

export const PASSWORD = "correct-horse-battery";
let hashed: Promise<string> | undefined;

export async function startTestApp(opts: { now?: string | Date; config?: Record<string, unknown>; jobs?: boolean; logger?: Logger } = {}): Promise<TestApp> {
  const clock = new FakeClock(opts.now ?? "2026-03-02T09:00:00Z");
  const database = await createTestDatabase();
  const app = await buildApp({
    clock,
    database,
    migrate: false,
    logger: opts.logger,
    config: { jobsEnabled: opts.jobs ?? false, consoleDist: undefined, redisUrl: undefined, ...opts.config },
  });
  const url = await app.start(0);
  const sockets: Client[] = [];
  let seq = 0;
  const gql = async (query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult> => {
    const res = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GqlResult;
    return { ...body, status: res.status };
  };
  const t: TestApp = {
    app,
    url,
    wsUrl: url.replace("http", "ws") + "/graphql",
    clock,
    db: database.db,
    gql,
    async ok(query, variables, token) {
      const r = await gql(query, variables, token);
      if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
      return r.data;
    },
    async user(role, o = {}) {
      hashed ??= hashPassword(PASSWORD, 10);
      const email = o.email ?? `${role.toLowerCase()}${++seq}-${Math.random().toString(36).slice(2, 8)}@test.local`;
      const u = await database.db.user.create({
        data: {
          email,
          displayName: o.displayName ?? `${role} ${seq}`,
          role,
          timeZone: o.timeZone ?? "UTC",
          passwordHash: await hashed,
          ...(role === "MENTOR"
            ? { mentorProfile: { create: { expertise: [], approved: o.approved ?? true, hourlyRateMinor: o.rate ?? 6000, currency: "USD" } } }
            : {}),
        },
      });
      const r = await gql(`mutation($i: LogInInput!) { logIn(input: $i) { token } }`, { i: { email, password: PASSWORD } });
      if (!r.data) throw new Error(JSON.stringify(r.errors));
      return { id: u.id, email, token: r.data.logIn.token, role };
    },
    ws(token, o = {}) {
      const c = createClient({
        url: t.wsUrl,
        webSocketImpl: WebSocket,
        lazy: o.lazy ?? true,
        retryAttempts: 0,
        connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      });
      sockets.push(c);
      return c;
    },
    async listening(topic, n = 1) {
      const end = Date.now() + 15_000;
      while (app.listenerCount(topic) < n) {
        if (Date.now() > end) throw new Error(`no ${n} listeners on ${topic}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async close() {
      await Promise.all(sockets.map((s) => s.dispose()));
      await app.stop();
      await database.drop();
    },
  };
  return t;
}

/** Collects results of a graphql-ws subscription. */
export function subscribe<T = any>(client: Client, query: string, variables?: Record<string, unknown>) {
  const events: { data?: T; errors?: any[] }[] = [];
  let error: unknown;
  let completed = false;
  const waiters: (() => void)[] = [];
  const notify = () => waiters.splice(0).forEach((w) => w());
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (v) => {
        events.push(v as never);
        notify();
      },
      error: (e) => {
        error = e;
        notify();
      },
      complete: () => {
        completed = true;
        notify();
      },
    },
  );
  return {
    events,
    get error() {
      return error;
    },
    get completed() {
      return completed;
    },
    dispose,
    /** Waits (bounded) until `pred` holds; real I/O, no fake timers. */
    async until(pred: () => boolean, ms = 15_000): Promise<void> {
      const end = Date.now() + ms;
      while (!pred()) {
        if (Date.now() > end) throw new Error(`condition not met within ${ms} ms; events: ${JSON.stringify(events)} error: ${String(error)}`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 50);
        });
      }
    },
  };
}

export const codes = (r: GqlResult) => (r.errors ?? []).map((e) => e.extensions?.code);
