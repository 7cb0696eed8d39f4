// The audit log is filtered by people found by name, never by a typed id; the URL keeps the id so
// a filtered log survives a reload (and can be linked).
import { describe, expect, it } from "vitest";
import { PASSWORD, type TestApp } from "../helpers/app.js";
import { logIn, screenshot, type BrowserHandle } from "../helpers/browser.js";
import { useConsoleApp } from "../helpers/console-fixture.js";
import { activeMentorship } from "../helpers/mentorships.js";

const DEACTIVATE = `mutation($u: ID!, $r: String!) { setAccountStatus(userId: $u, status: DEACTIVATED, reason: $r) { id } }`;

describe("console: audit log filtered by person", { timeout: 180_000 }, () => {
  let t: TestApp;
  let browser: BrowserHandle;
  useConsoleApp({}, (env) => {
    ({ t, browser } = env);
  });

  it("support picks an actor by name, sees only their entries, and the filter survives a reload", async () => {
    const ada = await t.user("ADMIN", { displayName: "Ada Auditor" });
    const bert = await t.user("ADMIN", { displayName: "Bert Bystander" });
    const support = await t.user("SUPPORT");
    await t.ok(DEACTIVATE, { u: (await t.user("MENTEE")).id, r: "ada closed this account" }, ada.token);
    await t.ok(DEACTIVATE, { u: (await t.user("MENTEE")).id, r: "bert closed this account" }, bert.token);

    const page = await browser.page();
    await logIn(page, t.url, support.email, PASSWORD, "/audit");
    const table = page.getByTestId("audit-table");
    await table.getByText("bert closed this account").waitFor();

    await page.getByLabel(/Actor \(name or e-mail\)/).fill("Ada Aud");
    await page.getByRole("list", { name: "Matching actors" }).getByRole("button", { name: "Ada Auditor" }).click();
    await page.getByTestId("audit-actor").filter({ hasText: "Ada Auditor" }).waitFor();
    await table.getByText("bert closed this account").waitFor({ state: "detached" });
    await table.getByText("ada closed this account").waitFor();
    const actors = await table.locator("tbody tr td:nth-child(2)").allTextContents();
    expect(actors.length).toBeGreaterThan(0);
    expect(new Set(actors)).toEqual(new Set(["Ada Auditor"]));
    expect(new URL(page.url()).searchParams.get("actorId")).toBe(ada.id);

    // A reload (or a shared link) keeps the filter and names the person, not the id.
    await page.reload();
    await page.getByTestId("audit-actor").filter({ hasText: "Ada Auditor" }).waitFor();
    await table.getByText("ada closed this account").waitFor();
    expect(await table.getByText("bert closed this account").count()).toBe(0);
    await screenshot(page, "audit-actor-picked");

    // Clearing the person clears the filter.
    await page.getByRole("button", { name: "Clear Actor" }).click();
    await table.getByText("bert closed this account").waitFor();
    expect(new URL(page.url()).searchParams.get("actorId")).toBeNull();
    await page.getByTestId("audit-actor").filter({ hasText: "Ada Auditor" }).waitFor({ state: "detached" });
    // The back button brings the filter back, fields included.
    await page.goBack();
    await page.getByTestId("audit-actor").filter({ hasText: "Ada Auditor" }).waitFor();
    await table.getByText("bert closed this account").waitFor({ state: "detached" });
    expect(new URL(page.url()).searchParams.get("actorId")).toBe(ada.id);
    await page.close();
  });

  it("a User subject is picked by name; another subject type asks for that type's id", async () => {
    const admin = await t.user("ADMIN");
    const support = await t.user("SUPPORT");
    const gone = await t.user("MENTEE", { displayName: "Gina Gone" });
    await t.ok(DEACTIVATE, { u: gone.id, r: "gina's account closed" }, admin.token);
    await t.ok(DEACTIVATE, { u: (await t.user("MENTEE")).id, r: "someone else closed" }, admin.token);

    const page = await browser.page();
    await logIn(page, t.url, support.email, PASSWORD, "/audit");
    const table = page.getByTestId("audit-table");
    await table.getByText("someone else closed").waitFor();
    await page.getByLabel(/Subject person \(name or e-mail\)/).fill("Gina");
    await page.getByRole("list", { name: "Matching subjects" }).getByRole("button", { name: "Gina Gone" }).click();
    await table.getByText("someone else closed").waitFor({ state: "detached" });
    await table.getByText("gina's account closed").waitFor();
    // The subject column names the person the page already knows.
    await table.getByTestId("audit-subject-name").filter({ hasText: "Gina Gone" }).first().waitFor();
    const url = new URL(page.url()).searchParams;
    expect([url.get("subjectType"), url.get("subjectId")]).toEqual(["User", gone.id]);

    await page.getByRole("button", { name: "Clear Subject person" }).click();
    await page.getByLabel("Subject type").fill("Session");
    await page.getByLabel("Session id").waitFor();
    await page.close();
  });

  it("subjects other than people are named by the API and open their page", async () => {
    const admin = await t.user("ADMIN");
    const mentor = await t.user("MENTOR", { displayName: "Mara Mentor" });
    const mentee = await t.user("MENTEE", { displayName: "Milo Mentee" });
    const { mentorshipId } = await activeMentorship(t, { mentor, mentee });
    await t.ok(`mutation($id: ID!, $r: String!) { endMentorship(input: { mentorshipId: $id, reason: $r }) { id } }`, { id: mentorshipId, r: "labels in the audit log" }, admin.token);

    const page = await browser.page();
    await logIn(page, t.url, admin.email, PASSWORD, "/audit");
    const row = page.getByTestId("audit-table").locator("tr").filter({ hasText: "labels in the audit log" });
    await row.getByTestId("audit-subject-name").filter({ hasText: "Mara Mentor → Milo Mentee" }).waitFor();
    expect(await row.getByTitle("Show only this subject").textContent()).not.toContain(mentorshipId.slice(0, 12));
    await row.getByRole("link", { name: /^Open Mentorship/ }).click();
    await page.getByRole("heading", { name: "Mara Mentor → Milo Mentee" }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/mentorships/${mentorshipId}`);
    await screenshot(page, "audit-subject-opened");
    await page.close();
  });
});
