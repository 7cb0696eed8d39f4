// The compiled production build: plain `node` on api/dist (no TypeScript loader) with
// NODE_ENV=production serves the API, the console and the operations endpoints.
// `pnpm test` runs `pnpm build` first; run `pnpm build` before this file when running it alone.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../api/src/lib/config.js";
import { apiCommand, gqlAt, startApiProcess, type ApiProcess } from "../helpers/process.js";

const consoleDist = path.join(repoRoot, "console", "dist");
const dir = mkdtempSync(path.join(os.tmpdir(), "pglite-built-"));
let api: ApiProcess | undefined;
afterAll(async () => {
  await api?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const token = "built-output-metrics-token";
const prodEnv = { NODE_ENV: "production", DATABASE_URL: "", DATA_DIR: dir, JOBS: "off", METRICS_TOKEN: token, BAN_EMAIL_HMAC_SECRET: "build-test-ban-email-secret", AGORA_APP_ID: "app", AGORA_APP_CERTIFICATE: "cert" };

describe("compiled production build", () => {
  it("runs under plain node without a TypeScript loader", () => {
    const [node, ...args] = apiCommand("built");
    expect(node).toBe(process.execPath);
    expect(args.join(" ")).not.toMatch(/tsx|ts-node|--import|--loader/);
    expect(existsSync(args[0]), `${args[0]} is missing: run \`pnpm build\``).toBe(true);
    expect(existsSync(path.join(consoleDist, "index.html")), "console/dist is missing: run `pnpm build`").toBe(true);
  });

  it("serves the API, the console, /health, /ready and token-guarded /metrics in production", async () => {
    api = await startApiProcess({ ...prodEnv, CONSOLE_DIST: consoleDist }, 90_000, { entry: "built" });
    const r = await gqlAt(api.url, `{ platform { platformName } }`);
    expect(r.data?.platform?.platformName).toBeTruthy();
    // production: introspection is off
    expect((await gqlAt(api.url, `{ __schema { types { name } } }`)).errors?.length).toBeGreaterThan(0);
    const page = await fetch(`${api.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<div id=");
    expect((await fetch(`${api.url}/health`)).status).toBe(200);
    expect((await fetch(`${api.url}/ready`)).status).toBe(200);
    expect((await fetch(`${api.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  }, 120_000);
});
