// Admin flows in real Chromium: the policy editor (review before saving) and the live audit log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, PASSWORD, type TestApp } from "../helpers/app.js";
import { ensureConsoleBuilt, launchBrowser, logIn, screenshot, type BrowserHandle } from "../helpers/browser.js";

describe("console: policy editor and audit log", () => {
  let t: TestApp;
  let browser: BrowserHandle;

  beforeAll(async () => {
    const dist = await ensureConsoleBuilt();
    t = await startTestApp({ config: { consoleDist: dist } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("admin changes a threshold after reviewing the change", async () => {
    const admin = await t.user("ADMIN");
    const before = await t.ok(`{ policy { version values } }`, {}, admin.token);
    const page = await browser.page();
    await logIn(page, t.url, admin.email, PASSWORD);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Policy" }).click();
    await page.getByTestId("policy-version").filter({ hasText: String(before.policy.version) }).waitFor();

    const input = page.locator('input[name="safety.strikeWindowDays"]');
    expect(await input.inputValue()).toBe(String(before.policy.values.safety.strikeWindowDays));
    await input.fill("120");
    await page.getByRole("button", { name: "Review changes…" }).click();

    const dialog = page.getByRole("dialog", { name: "Review policy change" });
    await dialog.getByText("safety.strikeWindowDays").waitFor();
    await dialog.getByTestId("policy-preview").waitFor();
    await screenshot(page, "admin-policy-review");
    // No saving without a reason.
    expect(await dialog.getByRole("button", { name: /Save as version/ }).isDisabled()).toBe(true);
    await dialog.getByLabel(/Reason/).fill("Align the strike window with the quarterly review");
    await dialog.getByRole("button", { name: `Save as version ${before.policy.version + 1}` }).click();
    await page.getByRole("status").filter({ hasText: `Saved version ${before.policy.version + 1}` }).waitFor();
    await page.getByTestId("policy-version").filter({ hasText: String(before.policy.version + 1) }).waitFor();

    const after = await t.ok(`{ policy { version values } }`, {}, admin.token);
    expect(after.policy.version).toBe(before.policy.version + 1);
    expect(after.policy.values.safety.strikeWindowDays).toBe(120);
    // The history lists the new version with its reason.
    await page.getByText("Align the strike window with the quarterly review").first().waitFor();
    await screenshot(page, "admin-policy-saved");
    await page.close();
  });

  it("a stale policy edit is refused with the API's message", async () => {
    const admin = await t.user("ADMIN");
    const page = await browser.page();
    await logIn(page, t.url, admin.email, PASSWORD, "/policy");
    await page.locator('input[name="feedback.checkInEverySessions"]').fill("6");
    // Another admin saves first.
    await t.ok(
      `mutation($i: UpdatePolicyInput!) { updatePolicy(input: $i) { version } }`,
      { i: { changes: { disputes: { responseDeadlineHours: 36 } }, reason: "other admin" } },
      admin.token,
    );
    await page.getByRole("button", { name: "Review changes…" }).click();
    const dialog = page.getByRole("dialog", { name: "Review policy change" });
    await dialog.getByLabel(/Reason/).fill("more frequent check-ins");
    await dialog.getByRole("button", { name: /Save as version/ }).click();
    await dialog.getByRole("alert").filter({ hasText: /changed meanwhile/i }).waitFor();
    await page.close();
  });

  it("the audit log shows new entries live, without a reload", async () => {
    const admin = await t.user("ADMIN");
    const mentee = await t.user("MENTEE");
    const page = await browser.page();
    await logIn(page, t.url, admin.email, PASSWORD, "/audit");
    await page.getByRole("heading", { name: /Audit log/ }).waitFor();
    await t.listening("auditEntryAdded");
    await t.ok(
      `mutation($u: ID!) { setAccountStatus(userId: $u, status: DEACTIVATED, reason: "live audit check") { id } }`,
      { u: mentee.id },
      admin.token,
    );
    await page.getByTestId("audit-table").getByText("live audit check").waitFor();
    await screenshot(page, "audit-live");
    await page.close();
  });
});
