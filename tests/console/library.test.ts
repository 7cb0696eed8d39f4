// Resource library in real Chromium: support creates a draft, previews it as readers will see it,
// publishes it from the preview after confirming, and archives it.
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

  it("support creates an item, previews it, publishes it from the preview and archives it", async () => {
    const support = await t.user("SUPPORT");
    const page = await browser.page();
    await logIn(page, t.url, support.email, PASSWORD);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Library" }).click();
    await page.getByRole("button", { name: "New item…" }).click();
    const dialog = page.getByRole("dialog", { name: "New library item" });
    await dialog.getByLabel("Title").fill("Setting goals with your mentor");
    await dialog.getByLabel("Summary").fill("A one-page guide");
    await dialog.getByLabel(/Text/).fill("Start with one goal you can reach in four weeks.\n<b>Then</b> review it together.");
    await dialog.getByLabel(/URL/).fill("https://example.org/goals.pdf");
    await dialog.getByLabel(/Tags/).fill("goals, onboarding");
    await dialog.getByRole("button", { name: "Create draft" }).click();
    await dialog.waitFor({ state: "detached" });

    const row = page.getByTestId("library-item").filter({ hasText: "Setting goals with your mentor" });
    await row.and(page.locator('[data-status="DRAFT"]')).waitFor();
    await row.getByRole("button", { name: "Preview and publish…" }).click();
    const preview = page.getByRole("dialog", { name: "Preview “Setting goals with your mentor”" });
    const shown = preview.getByTestId("library-preview");
    expect(await shown.getByTestId("preview-title").textContent()).toBe("Setting goals with your mentor");
    expect(await shown.getByTestId("preview-summary").textContent()).toBe("A one-page guide");
    // The body is the text readers get: markup stays visible as text, never rendered.
    expect(await shown.getByTestId("preview-body").textContent()).toBe("Start with one goal you can reach in four weeks.\n<b>Then</b> review it together.");
    expect(await shown.locator("b").count()).toBe(0);
    expect(await shown.getByTestId("preview-url").getAttribute("href")).toBe("https://example.org/goals.pdf");
    expect(await shown.getByTestId("preview-tags").textContent()).toContain("onboarding");
    await screenshot(page, "library-preview");
    // Publishing asks for a confirmation; "Not yet" keeps it a draft.
    await preview.getByRole("button", { name: "Publish…" }).click();
    await preview.getByTestId("publish-confirm").waitFor();
    await preview.getByRole("button", { name: "Not yet" }).click();
    await preview.getByTestId("publish-confirm").waitFor({ state: "detached" });
    expect((await t.db.libraryItem.findFirst({ where: { title: "Setting goals with your mentor" } }))?.status).toBe("DRAFT");
    await preview.getByRole("button", { name: "Publish…" }).click();
    await preview.getByRole("button", { name: "Yes, publish" }).click();
    await preview.waitFor({ state: "detached" });
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
