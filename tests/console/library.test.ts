// Resource library in real Chromium: support creates a draft, publishes and archives it.
import { describe, expect, it } from "vitest";
import { PASSWORD, type TestApp } from "../helpers/app.js";
import { logIn, screenshot, type BrowserHandle } from "../helpers/browser.js";
import { useConsoleApp } from "../helpers/console-fixture.js";

// Multi-step flows in a real browser on a shared 2-core machine: allow more than the default minute.
describe("console: resource library", { timeout: 180_000 }, () => {
  let t: TestApp;
  let browser: BrowserHandle;
  useConsoleApp({}, (env) => {
    ({ t, browser } = env);
  });

  it("support creates, publishes and archives an item", async () => {
    const support = await t.user("SUPPORT");
    const page = await browser.page();
    await logIn(page, t.url, support.email, PASSWORD);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Library" }).click();
    await page.getByRole("button", { name: "New item…" }).click();
    const dialog = page.getByRole("dialog", { name: "New library item" });
    await dialog.getByLabel("Title").fill("Setting goals with your mentor");
    await dialog.getByLabel("Summary").fill("A one-page guide");
    await dialog.getByLabel(/Text/).fill("Start with one goal you can reach in four weeks.");
    await dialog.getByLabel(/Tags/).fill("goals, onboarding");
    await dialog.getByRole("button", { name: "Create draft" }).click();
    await dialog.waitFor({ state: "detached" });

    const row = page.getByTestId("library-item").filter({ hasText: "Setting goals with your mentor" });
    await row.and(page.locator('[data-status="DRAFT"]')).waitFor();
    await row.getByRole("button", { name: "Publish" }).click();
    await row.and(page.locator('[data-status="PUBLISHED"]')).waitFor();
    await screenshot(page, "library-published");
    await row.getByRole("button", { name: "Archive" }).click();
    await row.and(page.locator('[data-status="ARCHIVED"]')).waitFor();
    const item = await t.db.libraryItem.findFirst({ where: { title: "Setting goals with your mentor" } });
    expect(item?.status).toBe("ARCHIVED");
    expect(item?.tags).toEqual(["goals", "onboarding"]);
    await page.close();
  });
});
