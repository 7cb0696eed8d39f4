// PostgreSQL restarted under load: requests fail fast with a coded error, and the API process
// recovers by itself once the server is back. Runs its own PostgreSQL (Debian binaries) on a
// private port so that other test files are unaffected.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiProcess, gqlAt, registerProcess, type ApiProcess } from "../helpers/process.js";
import { missing, postgresBinDir, titled } from "../helpers/requirements.js";

const absent = await missing("postgres-binaries");
const binDir = postgresBinDir();
const asRoot = process.getuid?.() === 0;
const port = 55_000 + (process.pid % 5000);
let dataDir = "";
let api: ApiProcess | undefined;

function pg(args: string[]) {
  const cmd = path.join(binDir!, "pg_ctl");
  const full = ["-D", dataDir, ...args];
  return asRoot ? execFileSync("runuser", ["-u", "postgres", "--", cmd, ...full], { stdio: "pipe" }) : execFileSync(cmd, full, { stdio: "pipe" });
}
let unregister = () => {};
const startPg = () => {
  pg(["-o", `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1`, "-w", "-t", "30", "-l", path.join(dataDir, "log"), "start"]);
  // pg_ctl daemonizes the server: record its pid so that the leftover check sees it.
  unregister = registerProcess(Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]), "postgres (outage test)");
};
const stopPg = () => {
  pg(["-m", "immediate", "-w", "stop"]);
  unregister();
};

beforeAll(async () => {
  if (absent) return;
  const parent = mkdtempSync(path.join(os.tmpdir(), "pgfault-"));
  chmodSync(parent, 0o777);
  dataDir = path.join(parent, "data");
  const initdb = path.join(binDir!, "initdb");
  const args = ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8"];
  if (asRoot) execFileSync("runuser", ["-u", "postgres", "--", initdb, ...args], { stdio: "pipe" });
  else execFileSync(initdb, args, { stdio: "pipe" });
  startPg();
  api = await startApiProcess({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/postgres`, JOBS: "off" });
}, 180_000);

afterAll(async () => {
  await api?.stop();
  try {
    stopPg();
  } catch {
    // already stopped
  }
  if (dataDir) rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

const probe = async () => {
  const started = Date.now();
  const r = await gqlAt(api!.url, `{ platform { platformName } }`);
  return { ms: Date.now() - started, code: r.errors?.[0]?.extensions?.code as string | undefined, ok: !!r.data?.platform };
};

describe.skipIf(!!absent)(titled("database outage", absent), () => {
  it("fails fast with SERVICE_UNAVAILABLE while PostgreSQL is down, /ready answers 503 then 200, and it recovers without a restart", async () => {
    expect((await probe()).ok).toBe(true);
    stopPg();
    const during = await Promise.all(Array.from({ length: 8 }, probe));
    for (const d of during) {
      expect(d.ok).toBe(false);
      expect(d.code).toBe("SERVICE_UNAVAILABLE");
      expect(d.ms).toBeLessThan(7_000);
    }
    // Liveness stays up (no restart loop during an outage); readiness takes the process out of rotation.
    expect((await fetch(`${api!.url}/health`)).status).toBe(200);
    const down = await fetch(`${api!.url}/ready`);
    expect(down.status).toBe(503);
    expect((await down.json()).checks.database.ok).toBe(false);
    startPg();
    let recovered = false;
    for (let i = 0; i < 50 && !recovered; i++) {
      recovered = (await probe()).ok;
      if (!recovered) await new Promise((r) => setTimeout(r, 200));
    }
    expect(recovered).toBe(true);
    const up = await fetch(`${api!.url}/ready`);
    expect(up.status).toBe(200);
    expect(await up.json()).toMatchObject({ status: "ready", checks: { database: { ok: true }, migrations: { ok: true } } });
    expect(api!.child.exitCode).toBeNull();
  }, 120_000);
});
