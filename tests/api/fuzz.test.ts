// Property-based fuzzing of the API surface (fast-check): whatever strings, page sizes and
// variable defaults a client sends, the answer is a coded client error or data, never an
// INTERNAL_SERVER_ERROR or an HTTP 5xx. Runs are few so CI stays fast; a failure prints the
// shrunk counterexample and its seed.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type GqlResult, type TestApp, type TestUser } from "../helpers/app.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);

let t: TestApp;
let mentee: TestUser, support: TestUser;
let categoryId: string, threadId: string;
beforeAll(async () => {
  t = await startTestApp();
  [mentee, support] = await Promise.all([t.user("MENTEE"), t.user("SUPPORT")]);
  categoryId = (await t.ok(`mutation { createForumCategory(input: { name: "Fuzz" }) { id } }`, {}, support.token)).createForumCategory.id;
  threadId = (await t.ok(`mutation { startForumThread(input: { categoryId: "${categoryId}", title: "Fuzz thread", body: "b" }) { id } }`, {}, mentee.token)).startForumThread.id;
  // Plenty of room: the fuzzer probes input handling, not the content limits.
  const admin = await t.user("ADMIN");
  await t.ok(`mutation { updatePolicy(input: { changes: { rateLimits: { forumPostsPerHour: 1000, forumThreadsPerHour: 1000 }, auth: { signUpsPerAddressPerHour: 1000, loginMaxAttemptsPerAddress: 100000, loginMaxFailures: 1000 } }, reason: "fuzzing" }) { version } }`, {}, admin.token);
});
afterAll(() => t?.close());

// Generators: control characters, NUL, bidi overrides, lone surrogates, mixed with ordinary text.
const nasty = fc.constantFrom("\u0000", "\u0001", "\u0007", "\u001b", "\u007f", "\u0085", "\u202e", "\u2066", "\u200f", "\ufeff", "\ud800", "\udfff", "\n", "\t", "\r");
const nastyString = fc
  .array(fc.oneof({ weight: 2, arbitrary: nasty }, { weight: 3, arbitrary: fc.string({ maxLength: 8 }) }, { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 4 }) }), { maxLength: 12 })
  .map((parts) => parts.join(""));
const pageSize = fc.oneof(
  fc.integer({ min: -2_147_483_648, max: 2_147_483_647 }),
  fc.constantFrom(-1, 0, 1, 100, 101, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 1e300, -1e300, 0.5, -0.0),
  fc.constantFrom(null, "100", true, [], {}),
);

function assertNoServerError(r: GqlResult) {
  expect(r.status).toBeLessThan(500);
  const codes = (r.errors ?? []).map((e) => e.extensions?.code);
  expect(codes).not.toContain("INTERNAL_SERVER_ERROR");
  expect(codes).not.toContain(undefined);
}

describe("fuzzing: no input yields a 500", () => {
  it("strings with control characters, NUL and bidi overrides in names, titles, bodies and credentials", async () => {
    await fc.assert(
      fc.asyncProperty(nastyString, nastyString, async (a, b) => {
        assertNoServerError(await t.gql(`mutation($t: ID!, $b: String!) { postToForumThread(input: { threadId: $t, body: $b }) { id } }`, { t: threadId, b: a }, mentee.token));
        assertNoServerError(await t.gql(`mutation($c: ID!, $t: String!, $b: String!) { startForumThread(input: { categoryId: $c, title: $t, body: $b }) { id } }`, { c: categoryId, t: a, b }, mentee.token));
        assertNoServerError(await t.gql(`mutation($n: String!) { updateMyProfile(input: { displayName: $n }) { id } }`, { n: a }, mentee.token));
        assertNoServerError(await t.gql(`mutation($i: LogInInput!) { logIn(input: $i) { token } }`, { i: { email: a, password: b } }));
        assertNoServerError(await t.gql(`query($id: ID!) { forumThread(id: $id) { id } }`, { id: a }, mentee.token));
      }),
      { numRuns: RUNS },
    );
  });

  it("huge, negative and ill-typed page sizes in variables", async () => {
    await fc.assert(
      fc.asyncProperty(pageSize, pageSize, async (a, b) => {
        const r = await t.gql(
          `query($a: Int, $b: Int) { forumCategories { threads(first: $a) { edges { node { posts(first: $b) { edges { node { id } } } } } } } }`,
          { a, b },
          mentee.token,
        );
        assertNoServerError(r);
      }),
      { numRuns: RUNS },
    );
  });

  it("huge and negative page sizes as variable defaults and literals", async () => {
    const intLiteral = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.constantFrom(-5, 0, 100, 101, 2_147_483_647, -2_147_483_648)).map(String);
    const bigLiteral = fc.constantFrom("99999999999999999999", "-99999999999999999999");
    await fc.assert(
      fc.asyncProperty(fc.oneof(intLiteral, bigLiteral), fc.oneof(intLiteral, bigLiteral), fc.boolean(), async (d, lit, last) => {
        const arg = last ? "last" : "first";
        assertNoServerError(await t.gql(`query($n: Int = ${d}) { forumCategories { threads(${arg}: $n) { edges { node { id } } } } }`, {}, mentee.token));
        assertNoServerError(await t.gql(`{ forumCategories { threads(${arg}: ${lit}) { edges { node { id } } } } }`, {}, mentee.token));
      }),
      { numRuns: RUNS },
    );
  });

  it("malformed request bodies", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(nastyString, fc.json(), fc.string({ unit: "binary", maxLength: 64 })), async (body) => {
        const res = await fetch(`${t.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body });
        expect(res.status).toBeLessThan(500);
        const text = await res.text();
        expect(text).not.toContain("INTERNAL_SERVER_ERROR");
      }),
      { numRuns: RUNS },
    );
  });
});
