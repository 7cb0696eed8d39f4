// The test command's preflight: without Chromium and without the rights to install it, it stops
// with one line saying what to install (and so before any test runs: `pnpm test` runs it first).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../api/src/lib/config.js";

const preflight = path.join(repoRoot, "scripts", "preflight.mjs");

describe("preflight", () => {
  it("is the first step of the README's test command", () => {
    const scripts = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")).scripts;
    expect(scripts.test.startsWith("node scripts/preflight.mjs && ")).toBe(true);
  });

  it("stops with one line naming what to install when Chromium is missing and it may not install", () => {
    const r = spawnSync(process.execPath, [preflight], {
      env: { ...process.env, CHROMIUM_PATH: "/nonexistent/chromium", PREFLIGHT_AS_NON_ROOT: "1" },
      encoding: "utf8",
    });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^preflight: Chromium not found at \/nonexistent\/chromium: install it .*apt-get install chromium.*CHROMIUM_PATH/);
  });

  it("passes when Chromium is where CHROMIUM_PATH says", () => {
    const r = spawnSync(process.execPath, [preflight], { env: { ...process.env, CHROMIUM_PATH: process.execPath, PREFLIGHT_AS_NON_ROOT: "1" }, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
  });
});
