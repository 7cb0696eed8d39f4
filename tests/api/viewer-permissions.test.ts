// viewer.permissions drives what the console shows; allRows tells "any row" from "only some rows".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app.js";

const Q = `{ viewer { permissions { action subject allRows } } }`;
type P = { action: string; subject: string; allRows: boolean };

describe("viewer.permissions", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const perms = async (role: "ADMIN" | "SUPPORT" | "MENTEE") => {
    const u = await t.user(role);
    const d = await t.ok<{ viewer: { permissions: P[] } }>(Q, {}, u.token);
    return (action: string, subject: string) => d.viewer.permissions.find((p) => p.action === action && p.subject === subject);
  };

  it("marks conditional grants as some rows only", async () => {
    const support = await perms("SUPPORT");
    expect(support("read", "User")?.allRows).toBe(true);
    expect(support("update", "User")?.allRows).toBe(false); // only themselves
    expect(support("update", "PolicyVersion")).toBeUndefined();
    const mentee = await perms("MENTEE");
    expect(mentee("read", "User")?.allRows).toBe(false);
    const admin = await perms("ADMIN");
    expect(admin("update", "User")?.allRows).toBe(true);
    expect(admin("update", "PolicyVersion")?.allRows).toBe(true);
  });
});
