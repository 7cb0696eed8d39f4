// Trust & safety in real Chromium: a report arrives live, support upholds it and the user's
// standing changes; a manual warning issued with a double click is issued once.
import { describe, expect, it } from "vitest";
import { PASSWORD, type TestApp } from "../helpers/app.js";
import { logIn, screenshot, type BrowserHandle } from "../helpers/browser.js";
import { useConsoleApp } from "../helpers/console-fixture.js";
import { report } from "../helpers/safety.js";

// Multi-step flows in a real browser on a shared 2-core machine: allow more than the default minute.
describe("console: trust & safety", { timeout: 180_000 }, () => {
  let t: TestApp;
  let browser: BrowserHandle;
  useConsoleApp({}, (env) => {
    ({ t, browser } = env);
  });

  it("support upholds a report and sees the user's standing change", async () => {
    const support = await t.user("SUPPORT");
    const mentor = await t.user("MENTOR", { displayName: "Harold Harsh" });
    const mentee = await t.user("MENTEE");
    const page = await browser.page();
    await logIn(page, t.url, support.email, PASSWORD);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Trust & safety" }).click();
    await page.getByText("No reports here.").waitFor();
    await t.listening("safetyFeed");

    // The report arrives through the staff feed, without a reload.
    const r = await report(t, mentee, mentor.id, "HARASSMENT", { description: "Insulted me twice during the call" });
    const card = page.locator(`[data-testid="report"][data-report-id="${r.id}"]`);
    await card.getByText("Insulted me twice during the call").waitFor();
    // the two never met: the queue says so (it would count toward a threshold only once upheld)
    await card.getByTestId("report-verification").getByText("no verified interaction").waitFor();

    // Standing before: clean.
    await card.getByRole("link", { name: "Harold Harsh" }).click();
    await page.getByTestId("standing-warnings").filter({ hasText: "0" }).waitFor();
    expect(await page.getByTestId("standing-next").textContent()).toBe("warning");
    await page.getByTestId("complaint-thresholds").locator('tr[data-category="RUDENESS"]').getByText("0 / 5").waitFor();
    await page.goBack();

    await card.getByRole("button", { name: "Uphold…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(/Next step on the ladder/).check();
    await dialog.getByLabel(/Reason/).fill("Confirmed by the session recording notes");
    await screenshot(page, "safety-uphold");
    // The first upheld report of a clean account: a warning, nothing cancelled (shown before confirming).
    await dialog.getByTestId("decision-preview").getByTestId("preview-no-sessions").waitFor();
    await dialog.getByRole("button", { name: "Uphold report" }).click();
    await dialog.waitFor({ state: "detached" });
    await card.waitFor({ state: "detached" }); // gone from the open queue, and the page says what was done
    await page.getByTestId("review-done").filter({ hasText: "Upheld the harassment report about Harold Harsh: warning; 0 bookings cancelled" }).waitFor();

    await page.goto(`${t.url}/safety/users/${mentor.id}`);
    await page.getByTestId("standing-warnings").filter({ hasText: "1" }).waitFor();
    expect(await page.getByTestId("standing-next").textContent()).toBe("strike");
    await page.getByTestId("enforcements").getByText("Confirmed by the session recording notes").waitFor();
    await screenshot(page, "safety-standing");
    await page.close();
  });

  it("a double click on 'Issue warning' issues one warning", async () => {
    const support = await t.user("SUPPORT");
    const mentee = await t.user("MENTEE", { displayName: "Wendy Warned" });
    const page = await browser.page();
    await logIn(page, t.url, support.email, PASSWORD, `/safety/users/${mentee.id}`);
    await page.getByTestId("standing-warnings").filter({ hasText: "0" }).waitFor();
    await page.getByRole("button", { name: "Issue enforcement…" }).click();
    const dialog = page.getByRole("dialog");
    // The kinds offered follow the viewer's permissions (trust & safety staff may ban).
    expect(await dialog.getByLabel("Kind").locator("option").allTextContents()).toEqual(["warning", "strike", "ban"]);
    await dialog.getByLabel(/Reason/).fill("Shared a phone number in chat");
    await dialog.getByRole("button", { name: "Issue warning" }).dblclick();
    await dialog.waitFor({ state: "detached" });
    await page.getByTestId("standing-warnings").filter({ hasText: "1" }).waitFor();
    expect(await t.db.enforcement.count({ where: { userId: mentee.id } })).toBe(1);
    await page.close();
  });
});
