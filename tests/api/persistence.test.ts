import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildApp } from "../../api/src/app.js";
import { createTestDatabase } from "../helpers/db.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function signUpAndLogIn(url: string) {
  const call = (query: string, variables: unknown) =>
    fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) }).then((r) => r.json() as Promise<any>);
  return { call };
}

describe("data survives a restart", () => {
  it("an account created before a restart can log in after it", async () => {
    // Embedded: a PGlite data folder. Server: the same PostgreSQL database opened again.
    const pg = process.env.DATABASE_URL?.startsWith("postgres") ? await createTestDatabase() : undefined;
    const dataDir = pg ? undefined : mkdtempSync(path.join(os.tmpdir(), "pglite-"));
    if (dataDir) dirs.push(dataDir);
    const config = { databaseUrl: pg?.url, dataDir: dataDir ?? "", jobsEnabled: false, consoleDist: undefined };

    const first = await buildApp({ config });
    const url1 = await first.start(0);
    const { call } = await signUpAndLogIn(url1);
    const s = await call(`mutation($i: SignUpInput!) { signUp(input: $i) { user { id } } }`, {
      i: { email: "keep@example.com", password: "long-enough-pw", displayName: "Keep", role: "MENTEE" },
    });
    expect(s.data.signUp.user.id).toBeTruthy();
    await first.stop();

    const second = await buildApp({ config });
    const url2 = await second.start(0);
    const again = await signUpAndLogIn(url2);
    const l = await again.call(`mutation($i: LogInInput!) { logIn(input: $i) { user { id } } }`, { i: { email: "keep@example.com", password: "long-enough-pw" } });
    expect(l.data.logIn.user.id).toBe(s.data.signUp.user.id);
    // migrations were applied once: the second start found nothing pending
    const applied = await second.database.db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM _prisma_migrations`);
    expect(applied[0].n).toBeGreaterThan(0);
    await second.stop();
    await pg?.drop();
  });
});
