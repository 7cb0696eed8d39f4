// With REDIS_URL set the limits count in Redis (rate-limiter-flexible's atomic scripts): the same
// parallel attack on two API processes still gets at most loginMaxFailures tries.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, PASSWORD, type GqlResult, type TestApp } from "../helpers/app.js";
import { buildApp, type App } from "../../api/src/app.js";
import { REDIS_URL, reachable } from "../helpers/services.js";

const LOG_IN = `mutation($i: LogInInput!) { logIn(input: $i) { token } }`;
// Own key namespace on the shared Redis: no other run sees these counters.
const prefix = `rl-test-${randomUUID()}`;

let t: TestApp;
let second: App;
let secondUrl: string;
beforeAll(async () => {
  expect(await reachable(REDIS_URL), "Redis must run for this test").toBe(true);
  const config = { redisUrl: REDIS_URL, rateLimitPrefix: prefix };
  t = await startTestApp({ config });
  second = await buildApp({ clock: t.clock, database: t.app.database, migrate: false, config: { jobsEnabled: false, consoleDist: undefined, ...config } });
  secondUrl = await second.start(0);
});
// The app's own Redis client for the limits (the tests' package does not depend on ioredis).
const redis = () => second.contextDeps.limits!.redis!;

afterAll(async () => {
  if (second) {
    const keys = await redis().keys(`${prefix}:*`);
    if (keys.length) await redis().del(...keys);
    await second.stop();
  }
  await t?.close();
});

describe("log-in limits in Redis", () => {
  it("30 parallel guesses over two processes: at most loginMaxFailures are tried, the rest get retryAfterSeconds", async () => {
    const victim = await t.user("MENTEE");
    const results = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const res = await fetch(`${i % 2 ? secondUrl : t.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: LOG_IN, variables: { i: { email: victim.email, password: i === 11 ? PASSWORD : `guess-${i}` } } }),
        });
        return (await res.json()) as GqlResult;
      }),
    );
    const limited = results.filter((r) => codes(r).includes("RATE_LIMITED"));
    expect(results.length - limited.length).toBeLessThanOrEqual(5);
    for (const r of limited) expect(r.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
    expect((await redis().keys(`${prefix}:login-account-address:*`)).length).toBe(1);
  });
});
