// Reports from the person's side and on their own page, in real Chromium: the person page lists the
// reports someone filed and those about them; two staff on one report see each other.
import { describe, expect, it } from "vitest";
import { PASSWORD, type TestApp } from "../helpers/app.js";
import { logIn, screenshot, type BrowserHandle } from "../helpers/browser.js";
import { useConsoleApp } from "../helpers/console-fixture.js";
import { report } from "../helpers/safety.js";

describe("console: reports by person and presence on a report", { timeout: 180_000 }, () => {
  let t: TestApp;
  let browser: BrowserHandle;
  useConsoleApp({}, (env) => {
    ({ t, browser } = env);
  });

  it("the person page lists a report filed by them and one about them", async () => {
    const support = await t.user("SUPPORT");
    const carl = await t.user("MENTEE", { displayName: "Carl Complainer" });
    const mentor = await t.user("MENTOR", { displayName: "Mona Mentor" });
    const other = await t.user("MENTEE", { displayName: "Otto Other" });
    await report(t, carl, mentor.id, "RUDENESS");
    await report(t, other, carl.id, "SPAM");
    const page = await browser.page();
    await logIn(page, t.url, support.email, PASSWORD, `/users/${carl.id}`);
    const filed = page.getByTestId("person-reports-filed");
    await filed.getByText(/rudeness · about/).waitFor();
    expect(await filed.getByRole("link", { name: "Mona Mentor" }).getAttribute("href")).toBe(`/users/${mentor.id}`);
    expect(await filed.locator("li").count()).toBe(1);
    const about = page.getByTestId("person-reports");
    await about.getByRole("link", { name: "Otto Other" }).waitFor();
    expect(await about.textContent()).toContain("spam");
    expect(await about.locator("li").count()).toBe(1);
    await screenshot(page, "person-reports");
    await page.close();
  });

  it("two browsers on one report see each other", async () => {
    const mentee = await t.user("MENTEE");
    const mentor = await t.user("MENTOR", { displayName: "Rita Reported" });
    const r = await report(t, mentee, mentor.id, "RUDENESS");
    const ann = await t.user("SUPPORT", { displayName: "Ann Agent" });
    const bob = await t.user("ADMIN", { displayName: "Bob Boss" });

    const pa = await browser.page();
    await logIn(pa, t.url, ann.email, PASSWORD, "/safety");
    // The queue links to the report's page.
    await pa.getByTestId("report").filter({ hasText: "Rita Reported" }).getByRole("link", { name: "Open report" }).click();
    await pa.getByRole("heading", { name: "rudeness report about Rita Reported" }).waitFor();
    expect(new URL(pa.url()).pathname).toBe(`/safety/reports/${r.id}`);
    expect(await pa.getByTestId("also-viewing").count()).toBe(0);
    const pb = await browser.page();
    await logIn(pb, t.url, bob.email, PASSWORD, `/safety/reports/${r.id}`);
    await pb.getByTestId("also-viewing").filter({ hasText: "Also viewing: Ann Agent" }).waitFor();
    await pa.getByTestId("also-viewing").filter({ hasText: "Also viewing: Bob Boss" }).waitFor();
    await screenshot(pa, "report-also-viewing");
    // Bob leaves the report: Ann's page stops naming him.
    await pb.goto(`${t.url}/safety`);
    await pa.getByTestId("also-viewing").waitFor({ state: "detached" });
    await pa.close();
    await pb.close();
  });
});
