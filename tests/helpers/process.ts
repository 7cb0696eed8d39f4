// Starts the API as a separate OS process (the real entry point), for scale-out and fault tests.
// The child is `node` itself (TypeScript through `--import tsx`, or the compiled output), never a
// wrapper: a signal reaches the API and not a launcher that leaves it orphaned. Every child is
// written to a registry (.tmp/processes) that `.ci/run` checks for leftovers after the run, and is
// killed when the test worker exits, even if a test forgot to stop it.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "../../api/src/lib/config.js";

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface StartOptions {
  /** `source` (default): api/src/main.ts through tsx; `built`: plain node on api/dist (run `pnpm build` first). */
  entry?: "source" | "built";
  /** Extra arguments after the entry file. */
  args?: string[];
}

export const PROCESS_REGISTRY = path.join(repoRoot, ".tmp", "processes");

const live = new Set<ChildProcess>();
let exitHookInstalled = false;
function track(child: ChildProcess, what: string) {
  mkdirSync(PROCESS_REGISTRY, { recursive: true });
  const entry = path.join(PROCESS_REGISTRY, String(child.pid));
  writeFileSync(entry, JSON.stringify({ pid: child.pid, what, parent: process.pid }));
  live.add(child);
  child.once("exit", () => {
    live.delete(child);
    rmSync(entry, { force: true });
  });
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // Last resort when a test fails before its teardown: no API outlives its test worker.
    process.once("exit", () => {
      for (const c of live) c.kill("SIGKILL");
    });
  }
}

/** Registers a process started by a test helper other than startApiProcess (e.g. a database server). */
export function registerProcess(pid: number, what: string): () => void {
  mkdirSync(PROCESS_REGISTRY, { recursive: true });
  const entry = path.join(PROCESS_REGISTRY, String(pid));
  writeFileSync(entry, JSON.stringify({ pid, what, parent: process.pid }));
  return () => rmSync(entry, { force: true });
}

export function apiCommand(entry: "source" | "built" = "source"): string[] {
  return entry === "built"
    ? [process.execPath, path.join(repoRoot, "api", "dist", "src", "main.js")]
    : [process.execPath, "--import", "tsx", path.join(repoRoot, "api", "src", "main.ts")];
}

export async function startApiProcess(env: Record<string, string | undefined>, timeoutMs = 60_000, opts: StartOptions = {}): Promise<ApiProcess> {
  const [cmd, ...args] = apiCommand(opts.entry);
  const child = spawn(cmd, [...args, ...(opts.args ?? [])], {
    cwd: repoRoot,
    // Rate-limit counters live in the shared Redis when REDIS_URL is set: each process gets its own
    // prefix so one test's sign-ups or log-ins never count against another's.
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", CONSOLE_DIST: "/nonexistent", RATE_LIMIT_PREFIX: `test-${process.pid}-${Date.now().toString(36)}`, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  track(child, `api ${opts.entry ?? "source"}`);
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const stop = (signal: NodeJS.Signals = "SIGTERM") =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode) return resolve();
      child.once("exit", () => resolve());
      child.kill(signal);
    });
  let url: string;
  try {
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`API process did not start:\n${out}`)), timeoutMs);
      const check = () => {
        const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)\/graphql"/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      child.stdout!.on("data", check);
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`API process exited with ${code}:\n${out}`));
      });
    });
  } catch (err) {
    await stop("SIGKILL");
    throw err;
  }
  return { url, child, output: () => out, stop };
}

export async function gqlAt(url: string, query: string, variables?: unknown, token?: string): Promise<any> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}
