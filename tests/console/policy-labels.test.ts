// The policy editor in real Chromium labels each setting with the API's words (policyFields), and
// a choice is a select of labelled options, not a free-text box.
import { describe, expect, it } from "vitest";
import { PASSWORD, type TestApp } from "../helpers/app.js";
import { logIn, screenshot, type BrowserHandle } from "../helpers/browser.js";
import { useConsoleApp } from "../helpers/console-fixture.js";

describe("console: policy settings in words", { timeout: 180_000 }, () => {
  let t: TestApp;
  let browser: BrowserHandle;
  useConsoleApp({}, (env) => {
    ({ t, browser } = env);
  });

  it("shows a human label and description, and a select with option labels for a choice", async () => {
    const admin = await t.user("ADMIN");
    const page = await browser.page();
    await logIn(page, t.url, admin.email, PASSWORD, "/policy");
    const late = page.locator('[data-testid="policy-setting"][data-key="tardiness.latePenaltyBps"]');
    await late.getByText("Late penalty", { exact: true }).waitFor();
    expect(await late.textContent()).toContain("lowers the mentor's fee multiplier");
    expect(await page.getByText("Late Penalty Bps").count()).toBe(0);
    // The legend is the section's label from the API.
    await page.getByRole("group", { name: "Trust & safety" }).waitFor();

    const count = page.getByLabel("Reports that count toward thresholds");
    expect(await count.evaluate((el) => el.tagName)).toBe("SELECT");
    expect(await count.locator("option").allTextContents()).toEqual(["Every report not dismissed (open or upheld)", "Only upheld reports"]);
    expect(await count.inputValue()).toBe("NOT_DISMISSED");
    await count.selectOption({ label: "Only upheld reports" });
    // A list of choices is one checkbox per labelled option.
    const sessions = page.getByRole("group", { name: "Sessions that verify a complaint" });
    expect(await sessions.getByRole("checkbox", { name: /No-show/ }).isChecked()).toBe(false);
    await screenshot(page, "policy-labels");

    await page.getByRole("button", { name: "Review changes…" }).click();
    const dialog = page.getByRole("dialog", { name: "Review policy change" });
    await dialog.getByText("safety.countReports").waitFor();
    await dialog.getByLabel(/Reason/).fill("count only upheld reports");
    await dialog.getByRole("button", { name: /Save as version/ }).click();
    await page.getByRole("status").filter({ hasText: /Saved version/ }).waitFor();
    const after = await t.ok(`{ policy { values } }`, {}, admin.token);
    expect(after.policy.values.safety.countReports).toBe("UPHELD");
    await page.close();
  });
});
