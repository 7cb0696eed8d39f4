// Certifications in real Chromium: an admin creates a program, issues a certificate, verifies its
// code, revokes it and sees the verification change.
import { describe, expect, it } from "vitest";
import { PASSWORD, type TestApp } from "../helpers/app.js";
import { logIn, screenshot, type BrowserHandle } from "../helpers/browser.js";
import { useConsoleApp } from "../helpers/console-fixture.js";

// Multi-step flows in a real browser on a shared 2-core machine: allow more than the default minute.
describe("console: certifications", { timeout: 180_000 }, () => {
  let t: TestApp;
  let browser: BrowserHandle;
  useConsoleApp({}, (env) => {
    ({ t, browser } = env);
  });

  it("admin creates a program, issues, verifies and revokes a certificate", async () => {
    const admin = await t.user("ADMIN");
    const mentee = await t.user("MENTEE", { displayName: "Cora Certified" });
    const page = await browser.page();
    await logIn(page, t.url, admin.email, PASSWORD);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Certifications" }).click();

    await page.getByRole("button", { name: "New program…" }).click();
    const create = page.getByRole("dialog", { name: "New certification program" });
    await create.getByLabel("Name").fill("Career foundations");
    await create.getByRole("button", { name: "Create" }).click();
    await create.waitFor({ state: "detached" });
    await page.getByTestId("cert-program").filter({ hasText: "Career foundations" }).waitFor();

    await page.getByRole("button", { name: "Issue certificate…" }).click();
    const issue = page.getByRole("dialog", { name: "Issue a certificate" });
    // The mentee is found by name, never by a pasted id.
    await issue.getByLabel(/Mentee \(name or e-mail\)/).fill("Cora Cert");
    await issue.getByRole("list", { name: "Matching mentees" }).getByRole("button", { name: "Cora Certified" }).click();
    await issue.getByTestId("cert-mentee").filter({ hasText: "Cora Certified" }).waitFor();
    // Nothing was done yet: the criteria are unmet, so issuing needs the explicit override.
    await issue.getByTestId("cert-progress").filter({ hasText: "criteria not met" }).waitFor();
    await issue.getByLabel(/Reason/).fill("Completed the programme before the platform tracked it");
    const issueButton = issue.getByRole("button", { name: "Issue certificate" });
    expect(await issueButton.isDisabled()).toBe(true);
    expect(await issueButton.getAttribute("title")).toMatch(/override/);
    await issue.getByLabel(/Issue despite the unmet criteria/).check();
    await screenshot(page, "certificate-override");
    await issueButton.click();
    await issue.waitFor({ state: "detached" });
    const row = page.getByTestId("certificate").filter({ hasText: "Cora Certified" });
    await row.waitFor();
    const code = (await row.locator(".mono").textContent())!.trim();

    await page.getByLabel("Verify a certificate code").fill(code);
    await page.getByRole("button", { name: "Verify" }).click();
    await page.getByTestId("verify-result").filter({ hasText: "valid" }).waitFor();

    await row.getByRole("button", { name: "Revoke…" }).click();
    const revoke = page.getByRole("dialog");
    await revoke.getByLabel(/Reason/).fill("Issued by mistake");
    await revoke.getByRole("button", { name: "Revoke" }).click();
    await revoke.waitFor({ state: "detached" });
    await row.getByText("revoked").waitFor();
    await page.getByRole("button", { name: "Verify" }).click();
    await page.getByTestId("verify-result").filter({ hasText: "revoked" }).waitFor();
    await screenshot(page, "certifications");
    await page.close();
  });
});
