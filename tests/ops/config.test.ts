// Configuration: one zod schema reads every environment variable; a bad value stops the start with
// one line naming the variable; the README's Environment table and `--help` list the same
// variables, meanings and defaults.
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, checkStartConfig, envDocs, envHelp, envSchema, loadConfig, parseEnv, repoRoot } from "../../api/src/lib/config.js";
import { apiCommand } from "../helpers/process.js";

function readmeTable(): Map<string, { meaning: string; default: string }> {
  const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
  const section = readme.split(/^## /m).find((s) => s.startsWith("Environment"));
  expect(section, "README has an Environment section").toBeTruthy();
  const rows = new Map<string, { meaning: string; default: string }>();
  for (const line of section!.split("\n")) {
    const m = /^\| `([A-Z_]+)` \| (.*) \| (.*) \|$/.exec(line.trim());
    if (m) rows.set(m[1], { meaning: m[2], default: m[3] });
  }
  return rows;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === "generated" ? [] : sourceFiles(p);
    return d.name.endsWith(".ts") ? [p] : [];
  });
}

describe("configuration", () => {
  it("the README table lists exactly the schema's variables, with the same meanings and defaults", () => {
    const table = readmeTable();
    expect([...table.keys()].sort()).toEqual(Object.keys(envDocs).sort());
    for (const [name, doc] of Object.entries(envDocs)) expect(table.get(name), name).toEqual(doc);
    expect(Object.keys(envSchema.shape).sort()).toEqual(Object.keys(envDocs).sort());
  });

  it("every variable the API reads is in the schema", () => {
    // Variables set by the test runner or the platform, not configuration of this product.
    const notConfig = new Set(["VITEST"]);
    const read = new Set<string>();
    for (const f of [...sourceFiles(path.join(repoRoot, "api", "src")), ...sourceFiles(path.join(repoRoot, "api", "scripts"))]) {
      for (const m of readFileSync(f, "utf8").matchAll(/\b(?:process\.)?env\.([A-Z][A-Z0-9_]+)/g)) read.add(m[1]);
    }
    const unknown = [...read].filter((v) => !(v in envDocs) && !notConfig.has(v));
    expect(unknown, "read from the environment but missing from the schema and README").toEqual([]);
  });

  it("parses types and defaults", () => {
    const c = loadConfig({ PORT: "8080", JOBS: "off", PASSWORD_HASH_COST: "12", DATABASE_URL: "" });
    expect(c).toMatchObject({ port: 8080, jobsEnabled: false, passwordHashCost: 12, databaseUrl: undefined, host: "127.0.0.1", shutdownTimeoutMs: 10_000 });
  });

  it.each([
    ["PORT", "eighty", "an integer from 0 to 65535"],
    ["PORT", "70000", "an integer from 0 to 65535"],
    ["DATABASE_URL", "mysql://x", "a postgresql:// URL"],
    ["JOBS", "maybe", "on or off"],
    ["LOG_LEVEL", "loud", "fatal, error"],
    ["METRICS_TOKEN", "short", "at least 16 characters"],
  ])("rejects %s=%s naming the variable and what it expects", (name, value, expected) => {
    expect(() => parseEnv({ [name]: value })).toThrow(ConfigError);
    try {
      parseEnv({ [name]: value });
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg.split("\n")).toHaveLength(1);
      expect(msg).toContain(`${name}="${value}"`);
      expect(msg).toContain(expected);
    }
  });

  it("production refuses an open /metrics", () => {
    expect(() => checkStartConfig(loadConfig({ NODE_ENV: "production" }))).toThrow(/METRICS_TOKEN or METRICS_PORT/);
    expect(() => checkStartConfig(loadConfig({ NODE_ENV: "production", METRICS_PORT: "9464" }))).toThrow(/BAN_EMAIL_HMAC_SECRET/);
    expect(() => checkStartConfig(loadConfig({ NODE_ENV: "production", METRICS_PORT: "9464", BAN_EMAIL_HMAC_SECRET: "a-production-secret-value" }))).not.toThrow();
  });

  it("a real start with a bad value stops with exit 2 and one line; --help prints the listing", () => {
    const [cmd, ...args] = apiCommand("source");
    const bad = spawnSync(cmd, args, { cwd: repoRoot, env: { ...process.env, PORT: "eighty" }, encoding: "utf8", timeout: 60_000 });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split("\n")).toEqual(['configuration: PORT="eighty" is invalid: expected an integer from 0 to 65535']);
    const help = spawnSync(cmd, [...args, "--help"], { cwd: repoRoot, env: process.env, encoding: "utf8", timeout: 60_000 });
    expect(help.status).toBe(0);
    expect(help.stdout.trim()).toBe(envHelp());
    for (const name of Object.keys(envDocs)) expect(help.stdout).toContain(name);
  }, 120_000);
});
