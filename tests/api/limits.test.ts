import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, subscribe, codes, type TestApp, type TestUser } from "../helpers/app.js";

let t: TestApp;
let support: TestUser;
beforeAll(async () => {
  t = await startTestApp();
  support = await t.user("SUPPORT");
});
afterAll(() => t?.close());

const deep = (n: number) => {
  let q = "id";
  for (let i = 0; i < n; i++) q = i % 2 === 0 ? `user { ${q} }` : `members { ${q} }`;
  return `{ programs { ${q} } }`;
};

describe("query limits (HTTP)", () => {
  it("rejects a query deeper than the limit with a coded error", async () => {
    const r = await t.gql(deep(14), {}, support.token);
    expect(codes(r)).toContain("QUERY_LIMIT_EXCEEDED");
    expect(r.data ?? null).toBeNull();
  });

  it("rejects too many aliases", async () => {
    const q = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: platform { platformName }`).join(" ")} }`;
    expect(codes(await t.gql(q))).toContain("QUERY_LIMIT_EXCEEDED");
  });

  it("rejects too many tokens", async () => {
    const q = `{ platform { ${Array.from({ length: 2500 }, () => "platformName").join(" ")} } }`;
    expect(codes(await t.gql(q))).toContain("QUERY_LIMIT_EXCEEDED");
  });

  it("rejects a query that is too costly", async () => {
    const fields = `id displayName email role status timeZone createdAt mentorProfile { headline bio expertise currency approved user { id displayName role programMemberships { role program { id name members { role user { id } } } } } }`;
    const q = `{ a: users(first: 100) { edges { node { ${fields} } } } b: users(first: 100) { edges { node { ${fields} } } } }`;
    expect(codes(await t.gql(q, {}, support.token))).toContain("QUERY_LIMIT_EXCEEDED");
  });

  it("refuses page sizes above the cap instead of clamping silently", async () => {
    // a literal huge page is already priced out by the cost limit...
    const r = await t.gql(`{ users(first: 99999) { edges { node { id } } } }`, {}, support.token);
    expect(codes(r)).toEqual(["QUERY_LIMIT_EXCEEDED"]);
    // ...and one just above the cap, or hidden in a variable, by the page-size check
    expect(codes(await t.gql(`{ users(first: 101) { edges { node { id } } } }`, {}, support.token))).toEqual(["BAD_USER_INPUT"]);
    const v = await t.gql(`query($n: Int) { users(first: $n) { edges { node { id } } } }`, { n: 5000 }, support.token);
    expect(codes(v)).toEqual(["BAD_USER_INPUT"]);
  });

  it("refuses a huge document before parsing it", async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ platform { platformName } } # ${"x".repeat(200_000)}` }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses batched operations", async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([{ query: "{ platform { platformName } }" }, { query: "{ platform { platformName } }" }]),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
  });

  it("malformed queries get GRAPHQL_PARSE_FAILED and unknown fields GRAPHQL_VALIDATION_FAILED", async () => {
    expect(codes(await t.gql(`{ platform { `))).toEqual(["GRAPHQL_PARSE_FAILED"]);
    expect(codes(await t.gql(`{ platform { nope } }`))).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
  });
});

describe("query limits (WebSocket)", () => {
  it("the same limits apply over graphql-ws", async () => {
    const s = subscribe(t.ws(support.token), deep(14));
    await s.until(() => s.error !== undefined || s.completed);
    const errs = (Array.isArray(s.error) ? s.error : []) as { extensions?: { code?: string } }[];
    expect(errs.map((e) => e.extensions?.code)).toContain("QUERY_LIMIT_EXCEEDED");
  });
});

describe("health", () => {
  it("reports the database as reachable", async () => {
    const res = await fetch(`${t.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok" });
  });
});
