// kill -9 under write load, then restart: every acknowledged write is there.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startApiProcess, gqlAt } from "../helpers/process.js";
import { scratchDatabase } from "../helpers/services.js";
import { missing, titled } from "../helpers/requirements.js";

const onPostgres = !!process.env.DATABASE_URL?.startsWith("postgres");
const absent = onPostgres ? await missing("postgres-server") : undefined;

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function target(): Promise<Record<string, string>> {
  if (onPostgres) {
    const db = await scratchDatabase(`${process.env.TEST_DB_PREFIX ?? "mt"}_kill`);
    cleanups.push(() => db.drop());
    return { DATABASE_URL: db.url };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "pglite-kill-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return { DATABASE_URL: "", DATA_DIR: dir };
}

describe.skipIf(!!absent)(titled("crash safety", absent), () => {
  it("keeps every acknowledged sign-up after kill -9 and restart", async () => {
    // Many clients sign up (each from its own address behind a trusted local proxy), so the
    // per-address sign-up limit does not stop the write load.
    const env = { ...(await target()), PASSWORD_HASH_COST: "10", JOBS: "off", TRUST_PROXY: "loopback" };
    const first = await startApiProcess(env);
    cleanups.push(() => first.stop("SIGKILL"));
    const acknowledged: string[] = [];
    let stop = false;
    let seq = 0;
    const writer = async () => {
      while (!stop) {
        const email = `w${seq++}@example.com`;
        try {
          const n = seq;
          const res = await fetch(`${first.url}/graphql`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
            body: JSON.stringify({ query: `mutation($i: SignUpInput!) { signUp(input: $i) { user { id } } }`, variables: { i: { email, password: "long-enough-pw", displayName: "W", role: "MENTEE" } } }),
          });
          const r = (await res.json()) as { data?: { signUp?: { user?: { id?: string } } } };
          if (r.data?.signUp?.user?.id) acknowledged.push(email);
        } catch {
          // the process died mid-request: not acknowledged
        }
      }
    };
    const writers = [writer(), writer(), writer(), writer()];
    while (acknowledged.length < 30) await new Promise((r) => setTimeout(r, 20));
    first.child.kill("SIGKILL");
    stop = true;
    await Promise.all(writers);
    await first.stop("SIGKILL");

    const second = await startApiProcess(env);
    cleanups.push(() => second.stop());
    for (const email of acknowledged) {
      const r = await gqlAt(second.url, `mutation($i: LogInInput!) { logIn(input: $i) { token } }`, { i: { email, password: "long-enough-pw" } });
      expect(r.data?.logIn?.token, `${email} was acknowledged but is gone: ${JSON.stringify(r.errors)}`).toBeTruthy();
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(30);
  }, 180_000);
});
