// The staff console in real Chromium against the real API (fresh embedded database).
import { describe, expect, it } from "vitest";
import { PASSWORD, type TestApp } from "../helpers/app.js";
import { logIn, screenshot, type BrowserHandle } from "../helpers/browser.js";
import { useConsoleApp } from "../helpers/console-fixture.js";

// Multi-step flows in a real browser on a shared 2-core machine: allow more than the default minute.
describe("console: sign-in, navigation by permission, users", { timeout: 180_000 }, () => {
  let t: TestApp;
  let browser: BrowserHandle;
  useConsoleApp({}, (env) => {
    ({ t, browser } = env);
  });

  it("shows the API's message on a wrong password", async () => {
    const support = await t.user("SUPPORT");
    const page = await browser.page();
    await page.goto(t.url + "/");
    await page.getByLabel("Email").fill(support.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect((await alert.textContent())?.length).toBeGreaterThan(3);
    await screenshot(page, "login-error");
    await page.close();
  });

  it("support signs in, sees staff pages but not the policy editor", async () => {
    const support = await t.user("SUPPORT", { displayName: "Sam Support" });
    const page = await browser.page();
    await logIn(page, t.url, support.email, PASSWORD);
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Users" }).waitFor();
    const links = await nav.getByRole("link").allTextContents();
    expect(links).toEqual(expect.arrayContaining(["Overview", "Users", "Mentor applications", "Programs", "Audit log"]));
    expect(links).not.toContain("Policy");
    // The overview says what needs doing: one tile per queue, each with its count.
    await page.locator('[data-testid="work-queue"][data-queue="DISPUTES"]').getByTestId("queue-open").waitFor();
    expect(await page.getByTestId("work-queue").count()).toBe(6);
    await screenshot(page, "support-overview");
    // A deep link does not open it either: the route is guarded by the same permission.
    await page.goto(t.url + "/policy");
    await page.getByRole("heading", { name: "Not available" }).waitFor();
    expect(await page.getByRole("heading", { name: "Policy" }).count()).toBe(0);
    await screenshot(page, "support-policy-denied");
    await page.close();
  });

  it("support searches users and opens a profile without admin actions", async () => {
    const support = await t.user("SUPPORT");
    const mentee = await t.user("MENTEE", { displayName: "Mina Mentee" });
    const page = await browser.page();
    await logIn(page, t.url, support.email, PASSWORD, "/users");
    await page.getByRole("heading", { name: "Users" }).waitFor();
    await page.getByLabel("Name or email").fill("Mina");
    await page.getByRole("button", { name: "Search" }).click();
    // Click only once the filtered list has replaced the unfiltered one: a click that lands while
    // the rows re-render hits whatever row moved under the pointer.
    await expect.poll(() => page.locator("table tbody tr").count()).toBe(1);
    await page.getByRole("link", { name: "Mina Mentee" }).click();
    await page.getByRole("heading", { name: "Mina Mentee" }).waitFor();
    expect(await page.getByText(mentee.email).count()).toBeGreaterThan(0);
    expect(await page.getByRole("button", { name: /Change role/ }).count()).toBe(0);
    await page.close();
  });

  it("admin changes a user's role with a reason", async () => {
    const admin = await t.user("ADMIN");
    const mentee = await t.user("MENTEE", { displayName: "Paul Promoted" });
    const page = await browser.page();
    await logIn(page, t.url, admin.email, PASSWORD, `/users/${mentee.id}`);
    await page.getByRole("button", { name: "Change role…" }).click();
    const dialog = page.getByRole("dialog", { name: "Change role" });
    await dialog.getByLabel("New role").selectOption("SUPPORT");
    await dialog.getByLabel(/Reason/).fill("Joined the support team");
    await dialog.getByRole("button", { name: "Change role" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByTestId("user-role").filter({ hasText: "Support" }).waitFor();
    const d = await t.ok(`query($id: ID!) { user(id: $id) { role } }`, { id: mentee.id }, admin.token);
    expect(d.user.role).toBe("SUPPORT");
    await page.close();
  });

  it("a revoked session sends the console back to the login screen", async () => {
    const support = await t.user("SUPPORT");
    const page = await browser.page();
    await logIn(page, t.url, support.email, PASSWORD);
    const token = await page.evaluate(() => localStorage.getItem("console.token"));
    await t.ok(`mutation { logOut }`, {}, token!);
    // The server closes the console's socket on revocation, which signs it out at once; a console
    // with no socket open notices at its next request instead.
    const signIn = page.getByRole("button", { name: "Sign in" });
    const pushed = await signIn.waitFor({ timeout: 3_000 }).then(() => true, () => false);
    if (!pushed) {
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
      await signIn.waitFor();
    }
    expect(await page.evaluate(() => localStorage.getItem("console.token"))).toBeNull();
    await page.close();
  });

  it("a second tab is signed in, and signing out in one tab signs out both", async () => {
    const support = await t.user("SUPPORT");
    const first = await browser.page();
    await logIn(first, t.url, support.email, PASSWORD);
    const second = await browser.tab(first);
    await second.goto(t.url + "/users");
    await second.getByTestId("viewer").waitFor();
    expect(await second.getByRole("button", { name: "Sign in" }).count()).toBe(0);

    await second.getByRole("button", { name: "Sign out" }).click();
    await second.getByRole("button", { name: "Sign in" }).waitFor();
    await first.getByRole("button", { name: "Sign in" }).waitFor();
    await first.close();
  });

  it("on a 390 px phone the pages never scroll sideways and the menu opens and closes", async () => {
    const admin = await t.user("ADMIN");
    const page = await browser.page();
    await page.setViewportSize({ width: 390, height: 844 });
    await logIn(page, t.url, admin.email, PASSWORD);
    const nav = page.getByRole("navigation", { name: "Main" });
    expect(await nav.isVisible()).toBe(false);
    const paths = ["/", "/users", "/applications", "/sessions", "/safety", "/safety/appeals", "/disputes", "/refunds", "/refunds/partial", "/support", "/forums", "/library", "/certifications", "/audit", "/policy", "/programs", "/mentorships", "/webinars"];
    for (const p of paths) {
      await page.goto(t.url + p);
      await page.getByTestId("viewer").waitFor();
      await page.locator("main h1").first().waitFor();
      await screenshot(page, `phone${p === "/" ? "-overview" : p.replace(/\//g, "-")}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow on ${p}`).toBeLessThanOrEqual(0);
    }
    await page.getByRole("button", { name: "Menu" }).click();
    await nav.getByRole("link", { name: "Users" }).click();
    await page.getByRole("heading", { name: "Users" }).waitFor();
    expect(await nav.isVisible()).toBe(false);
    await page.close();
  });

  it("the search box finds a person by e-mail (\"/\" focuses it) and opens their page", async () => {
    const support = await t.user("SUPPORT");
    const mentee = await t.user("MENTEE", { email: "nora.findme@example.test", displayName: "Nora Findme" });
    const page = await browser.page();
    await logIn(page, t.url, support.email, PASSWORD);
    await page.locator("main h1").first().waitFor();
    await page.keyboard.press("/");
    await page.keyboard.type("nora.findme");
    const results = page.getByTestId("search-results");
    await results.getByRole("link", { name: "Nora Findme" }).click();
    await page.waitForURL(`**/users/${mentee.id}`);
    await page.getByRole("heading", { name: "Nora Findme" }).waitFor();
    expect(await results.count()).toBe(0);
    await page.close();
  });
});
