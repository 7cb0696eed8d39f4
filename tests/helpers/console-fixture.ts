// One fixture for the real-browser console tests: a test app serving the built console, a
// Chromium, a check that the page threw nothing after each test, and teardown even on failure.
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { startTestApp, type TestApp } from "./app.js";
import { ensureConsoleBuilt, launchBrowser, type BrowserHandle } from "./browser.js";

export interface ConsoleEnv {
  t: TestApp;
  browser: BrowserHandle;
}

/** Registers the suite's hooks; `ready` hands the started app and browser to the suite. */
export function useConsoleApp(opts: { now?: string | Date }, ready: (env: ConsoleEnv) => void | Promise<void>): void {
  let env: Partial<ConsoleEnv> = {};
  beforeAll(async () => {
    const dist = await ensureConsoleBuilt();
    const t = await startTestApp({ now: opts.now, config: { consoleDist: dist } });
    env = { t };
    env.browser = await launchBrowser();
    await ready(env as ConsoleEnv);
  });
  afterEach(() => {
    expect(env.browser?.errors.splice(0), "uncaught errors in the page").toEqual([]);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.t?.close();
  });
}
