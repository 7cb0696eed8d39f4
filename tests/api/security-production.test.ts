// Attacks tried against the API in production mode (NODE_ENV=production semantics): secrets in
// logs, cost by variables, field suggestions, CSRF and CORS, malformed bodies.
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, type GqlResult, type TestApp, type TestUser } from "../helpers/app.js";
import { createLogger } from "../../api/src/lib/logger.js";

const lines: string[] = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    lines.push(String(chunk));
    done();
  },
});

let t: TestApp;
let mentee: TestUser;
beforeAll(async () => {
  t = await startTestApp({ config: { production: true, corsOrigins: ["https://console.example.org"] }, logger: createLogger("debug", sink) });
  mentee = await t.user("MENTEE");
});
afterAll(() => t?.close());

const post = (body: string, headers: Record<string, string>) => fetch(`${t.url}/graphql`, { method: "POST", headers, body });

describe("logs (production)", () => {
  it("never contain a password, and client errors are not logged as errors", async () => {
    const secret = "Zebra-Quokka-7781-secret";
    const literal = "Literal-Walrus-5512-pw";
    lines.length = 0;
    await t.ok(`mutation($i: SignUpInput!) { signUp(input: $i) { token } }`, { i: { email: "logs@example.com", password: secret, displayName: "Logs", role: "MENTEE" } });
    expect(codes(await t.gql(`mutation($i: LogInInput!) { logIn(input: $i) { token } }`, { i: { email: "logs@example.com", password: `${secret}-wrong` } }))).toEqual(["UNAUTHENTICATED"]);
    // The password as a literal in the document and as a loose variable.
    await t.gql(`mutation { logIn(input: { email: "logs@example.com", password: "${literal}" }) { token } }`);
    await t.gql(`mutation($p: String!) { logIn(input: { email: "logs@example.com", password: $p }) { token } }`, { p: literal });
    // Bad input: invalid enum value next to the password.
    await t.gql(`mutation($i: SignUpInput!) { signUp(input: $i) { token } }`, { i: { email: "x@example.com", password: secret, displayName: "X", role: "GOD" } });
    const all = lines.join("");
    expect(all.length).toBeGreaterThan(0);
    expect(all).not.toContain(secret);
    expect(all).not.toContain(literal);
    const levels = lines.map((l) => JSON.parse(l).level as number);
    expect(levels.filter((l) => l >= 50)).toEqual([]);
  });
});

describe("cost with variables (production)", () => {
  const q = `query($a: Int, $b: Int) { forumCategories { threads(first: $a) { edges { node { ${Array.from({ length: 14 }, (_, i) => `p${i}: posts(first: $b) { edges { node { id body } } }`).join(" ")} } } } } }`;

  it("prices page sizes passed as variables: a=b=100 is refused with QUERY_LIMIT_EXCEEDED", async () => {
    const r = await t.gql(q, { a: 100, b: 100 }, mentee.token);
    expect(codes(r)).toEqual(["QUERY_LIMIT_EXCEEDED"]);
    expect(r.data ?? null).toBeNull();
    // the same shape with small pages is fine
    expect(codes(await t.gql(q, { a: 1, b: 1 }, mentee.token))).toEqual([]);
  });

  it("prices variables' default values too, and refuses a negative default page size", async () => {
    const withDefaults = q.replace("$a: Int, $b: Int", "$a: Int = 100, $b: Int = 100");
    expect(codes(await t.gql(withDefaults, {}, mentee.token))).toEqual(["QUERY_LIMIT_EXCEEDED"]);
    const negative = await t.gql(`query($n: Int = -5) { forumCategories { threads(first: $n) { edges { node { id } } } } }`, {}, mentee.token);
    expect(codes(negative)).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("field suggestions (production)", () => {
  it("are not given for fields, arguments or enum values", async () => {
    const r = await t.gql(`{ viewr { id } }`, {}, mentee.token);
    expect(codes(r)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    expect(JSON.stringify(r)).not.toMatch(/Did you mean|viewer/);
    const e = await t.gql(`mutation($i: SignUpInput!) { signUp(input: $i) { token } }`, { i: { email: "e@example.com", password: "violet-harbor-quantum", displayName: "E", role: "MENTR" } });
    expect(codes(e)).toEqual(["BAD_USER_INPUT"]);
    expect(JSON.stringify(e)).not.toMatch(/Did you mean|MENTOR/);
  });
});

describe("CSRF and CORS (production)", () => {
  it("a form-encoded POST does not execute a mutation", async () => {
    const res = await post(`query=${encodeURIComponent(`mutation { logOut }`)}`, {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Bearer ${mentee.token}`,
    });
    expect(res.status).toBe(403);
    const body = await res.text();
    expect(body).not.toContain('"logOut"');
    // The token still works: logOut did not run.
    expect(codes(await t.gql(`{ viewer { id } }`, {}, mentee.token))).toEqual([]);
  });

  it("a GET without the CSRF header is refused; with it, it runs", async () => {
    const url = `${t.url}/graphql?query=${encodeURIComponent("{ platform { platformName } }")}`;
    expect((await fetch(url)).status).toBe(403);
    expect((await fetch(url, { headers: { "x-graphql-yoga-csrf": "1" } })).status).toBe(200);
  });

  it("CORS answers only allowlisted origins and never with credentials", async () => {
    const ask = (origin: string) =>
      fetch(`${t.url}/graphql`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" } });
    const evil = await ask("https://evil.example.com");
    expect(evil.headers.get("access-control-allow-origin")).toBeNull();
    expect(evil.headers.get("access-control-allow-credentials")).toBeNull();
    const good = await ask("https://console.example.org");
    expect(good.headers.get("access-control-allow-origin")).toBe("https://console.example.org");
    expect(good.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("the console's own requests (same origin, JSON) keep working", async () => {
    const res = await post(JSON.stringify({ query: "{ viewer { id } }" }), {
      "content-type": "application/json",
      origin: t.url,
      authorization: `Bearer ${mentee.token}`,
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as GqlResult).data?.viewer.id).toBe(mentee.id);
  });
});

describe("malformed bodies (production)", () => {
  it("return a code and a short message, never the body back", async () => {
    const marker = "ECHO-ME-BACK-4242";
    const res = await post(`{"query": "{ platform { platformName } }", "x": "${marker}"`, { "content-type": "application/json" });
    expect(res.status).toBeLessThan(500);
    const text = await res.text();
    expect(text).not.toContain(marker);
    expect(text).not.toContain("originalError");
    const body = JSON.parse(text) as GqlResult;
    expect(body.errors![0].extensions!.code).toBe("BAD_REQUEST");
  });
});
