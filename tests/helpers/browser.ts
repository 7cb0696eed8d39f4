// Real-browser helpers for tests/console: builds the console once when console/dist is missing
// or older than its sources, and launches Debian's Chromium through playwright-core (never a
// downloaded browser).
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync, existsSync } from "node:fs";
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
  /** A new browser profile (own storage, so its own login) with one tab at 1280x800. */
  page(): Promise<Page>;
  /** Another tab in the same profile as `of` (shares its sign-in). */
  tab(of: Page): Promise<Page>;
  /** Uncaught exceptions thrown in any tab (tests check it stays empty). */
  errors: string[];
  close(): Promise<void>;
}

/** Debian's Chromium; every `page()` is a fresh profile, so users never share a sign-in by accident. */
export async function launchBrowser(): Promise<BrowserHandle> {
  const browser = await chromium.launch({
    // The same lookup as scripts/preflight.mjs, which checked it exists before any test ran.
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
    return page;
  };
  return {
    errors,
    async page() {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      context.setDefaultTimeout(10_000);
      contexts.push(context);
      return watch(await context.newPage());
    },
    async tab(of) {
      return watch(await of.context().newPage());
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
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
