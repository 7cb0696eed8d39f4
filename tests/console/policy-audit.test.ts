// Admin flows in real Chromium: the policy editor (review before saving) and the live audit log.
import { describe, expect, it } from "vitest";
import { PASSWORD, type TestApp } from "../helpers/app.js";
import { menteesOf, report } from "../helpers/safety.js";
import { logIn, screenshot, type BrowserHandle } from "../helpers/browser.js";
import { useConsoleApp } from "../helpers/console-fixture.js";

// Multi-step flows in a real browser on a shared 2-core machine: allow more than the default minute.
describe("console: policy editor and audit log", { timeout: 180_000 }, () => {
  let t: TestApp;
  let browser: BrowserHandle;
  useConsoleApp({}, (env) => {
    ({ t, browser } = env);
  });

  it("admin changes a threshold after seeing the preview of who it affects", async () => {
    const admin = await t.user("ADMIN");
    // Two of the mentor's own mentees (sessions held) reported rudeness: below today's threshold (5).
    const mentor = await t.user("MENTOR", { displayName: "Rude Rudy" });
    for (const m of await menteesOf(t, mentor.id, 2)) await report(t, m, mentor.id, "RUDENESS");
    const before = await t.ok(`{ policy { version values } }`, {}, admin.token);
    const page = await browser.page();
    await logIn(page, t.url, admin.email, PASSWORD);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Policy" }).click();
    await page.getByTestId("policy-version").filter({ hasText: String(before.policy.version) }).waitFor();

    const input = page.locator('input[name="safety.rudenessDistinctMentees"]');
    expect(await input.inputValue()).toBe(String(before.policy.values.safety.rudenessDistinctMentees));
    await input.fill("2");
    await page.getByRole("button", { name: "Review changes…" }).click();

    const dialog = page.getByRole("dialog", { name: "Review policy change" });
    await dialog.getByText("safety.rudenessDistinctMentees").waitFor();
    // The server's dry run names the mentor who would cross the lowered threshold.
    const preview = dialog.getByTestId("policy-preview");
    await preview.getByTestId("preview-row").filter({ hasText: "Rude Rudy" }).waitFor();
    expect(await preview.getByTestId("preview-row").count()).toBe(1);
    await dialog.getByLabel(/Reason/).fill("Act sooner on rudeness");
    await screenshot(page, "admin-policy-preview");
    await dialog.getByRole("button", { name: `Save as version ${before.policy.version + 1}` }).click();
    await page.getByRole("status").filter({ hasText: `Saved version ${before.policy.version + 1}` }).waitFor();
    await page.getByTestId("policy-version").filter({ hasText: String(before.policy.version + 1) }).waitFor();

    const after = await t.ok(`{ policy { version values } }`, {}, admin.token);
    expect(after.policy.version).toBe(before.policy.version + 1);
    expect(after.policy.values.safety.rudenessDistinctMentees).toBe(2);
    // The history lists the new version with its reason.
    await page.getByText("Act sooner on rudeness").first().waitFor();
    await screenshot(page, "admin-policy-saved");
    await page.close();
  });

  it("saving waits for the preview; no reason, no save", async () => {
    const admin = await t.user("ADMIN");
    const page = await browser.page();
    await logIn(page, t.url, admin.email, PASSWORD, "/policy");
    await page.locator('input[name="safety.strikeWindowDays"]').fill("120");
    await page.getByRole("button", { name: "Review changes…" }).click();
    const dialog = page.getByRole("dialog", { name: "Review policy change" });
    await dialog.getByTestId("preview-none").waitFor();
    expect(await dialog.getByRole("button", { name: /Save as version/ }).isDisabled()).toBe(true);
    await dialog.getByLabel(/Reason/).fill("shorter window");
    expect(await dialog.getByRole("button", { name: /Save as version/ }).isDisabled()).toBe(false);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "detached" });
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
