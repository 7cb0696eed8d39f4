// Real-browser helpers for tests/console: builds the console once when console/dist is missing
// or older than its sources, and launches Debian's Chromium through playwright-core (never a
// downloaded browser).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const CONSOLE_DIST = path.join(ROOT, "console/dist");
export const ARTIFACTS = path.join(ROOT, "tests/artifacts");
const LOCK = path.join(ROOT, ".tmp/console-build.lock");

function newestMtime(p: string): number {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = s.mtimeMs;
  for (const e of readdirSync(p)) max = Math.max(max, newestMtime(path.join(p, e)));
  return max;
}

function isStale(): boolean {
  const built = path.join(CONSOLE_DIST, ".vite/manifest.json");
  if (!existsSync(built)) return true;
  const sources = ["console/src", "console/index.html", "console/vite.config.ts", "console/package.json"].map((p) => path.join(ROOT, p));
  return Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;
}

/** Builds console/dist if needed; a lock directory keeps parallel test files from building twice. */
export async function ensureConsoleBuilt(): Promise<string> {
  mkdirSync(path.dirname(LOCK), { recursive: true });
  const end = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock older than the longest build is left over from a killed run.
      if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })!.mtimeMs > 180_000) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > end) throw new Error("timed out waiting for another console build");
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (isStale()) execFileSync("pnpm", ["--filter", "console", "build"], { cwd: ROOT, stdio: "pipe" });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
  return CONSOLE_DIST;
}

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface BrowserHandle {
  context: BrowserContext;
  /** A new tab (its own sessionStorage, so its own login) at 1280x800. */
  page(): Promise<Page>;
  /** Uncaught exceptions thrown in any tab (tests check it stays empty). */
  errors: string[];
  close(): Promise<void>;
}

/** Chromium with a fresh profile directory (removed on close). */
export async function launchBrowser(): Promise<BrowserHandle> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), "console-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
  });
  context.setDefaultTimeout(10_000);
  const errors: string[] = [];
  return {
    context,
    errors,
    async page() {
      const page = await context.newPage();
      page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
      return page;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

export async function logIn(page: Page, baseUrl: string, email: string, password: string, at = "/") {
  await page.goto(baseUrl + at);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("viewer").waitFor();
}
