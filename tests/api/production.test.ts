import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, type TestApp } from "../helpers/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ config: { production: true } });
});
afterAll(() => t?.close());

describe("production mode", () => {
  it("turns introspection off", async () => {
    const r = await t.gql(`{ __schema { queryType { name } } }`);
    expect(new Set(codes(r))).toEqual(new Set(["GRAPHQL_VALIDATION_FAILED"]));
    expect(r.errors![0].message).toMatch(/introspection/i);
  });

  it("gives no field suggestions", async () => {
    const r = await t.gql(`{ platform { platformNam } }`);
    expect(codes(r)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    expect(r.errors![0].message).not.toMatch(/Did you mean/);
  });

  it("serves no GraphiQL page", async () => {
    const res = await fetch(`${t.url}/graphql`, { headers: { accept: "text/html" } });
    expect(await res.text()).not.toMatch(/graphiql/i);
  });

  it("masks unexpected errors", async () => {
    // A broken database connection is unexpected: the client sees a coded, masked error.
    const r = await t.gql(`mutation { logIn(input: { email: "a@b.co", password: "x" }) { token } }`);
    expect(codes(r)).toEqual(["UNAUTHENTICATED"]);
    const db = t.db as unknown as { user: { findUnique: unknown } };
    const original = db.user.findUnique;
    db.user.findUnique = () => Promise.reject(new Error("secret internal detail"));
    try {
      const broken = await t.gql(`mutation { logIn(input: { email: "a@b.co", password: "x" }) { token } }`);
      expect(codes(broken)).toEqual(["INTERNAL_SERVER_ERROR"]);
      expect(JSON.stringify(broken)).not.toContain("secret internal detail");
    } finally {
      db.user.findUnique = original;
    }
  });
});
