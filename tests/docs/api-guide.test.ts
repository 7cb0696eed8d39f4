// The client-app guide in docs/api/ is executable: every GraphQL example runs, in page order,
// against one fresh database with the demo data, so an example that stops validating or
// working fails here. One app and one seed for all pages keeps it fast.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { extractExamples, runExamples } from "../helpers/doc-examples.js";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "../../api/scripts/demo-data.js";

const DOCS = path.resolve(import.meta.dirname, "../../docs/api");
// The demo clock of the guide: a Monday morning, 09:00 UTC.
export const GUIDE_NOW = "2026-03-02T09:00:00Z";

/** Pages in the order docs/api/README.md links them (the order a reader follows). */
export function guidePages(): string[] {
  const index = readFileSync(path.join(DOCS, "README.md"), "utf8");
  const links = [...index.matchAll(/\]\(\.\/([\w/-]+\.md)\)/g)].map((m) => m[1]);
  return ["README.md", ...new Set(links)];
}

let t: TestApp;
const tokens = new Map<string, string>();
async function token(role: string): Promise<string> {
  const known = tokens.get(role);
  if (known) return known;
  const email = `${role}@demo.local`;
  if (!DEMO_USERS.some((u) => u.email === email)) throw new Error(`"as: ${role}" is not a demo login`);
  const r = await t.gql(`mutation($i: LogInInput!) { logIn(input: $i) { token } }`, { i: { email, password: DEMO_PASSWORD } });
  if (!r.data) throw new Error(`log-in as ${email} failed: ${JSON.stringify(r.errors)}`);
  tokens.set(role, r.data.logIn.token);
  return r.data.logIn.token;
}

beforeAll(async () => {
  t = await startTestApp({ now: GUIDE_NOW });
  await seedDemo(t.db, 10, t.clock.now());
});
afterAll(() => t?.close());

describe("docs/api examples run against the demo data", () => {
  const pages = guidePages();
  it("links every page of docs/api from its README, so none escapes the run", () => {
    const onDisk = readdirSync(DOCS, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md")).map((f) => f.split(path.sep).join("/"));
    expect([...pages].sort()).toEqual(onDisk.sort());
  });

  for (const page of pages) {
    it(`${page}: every example runs in page order`, async () => {
      const examples = extractExamples(readFileSync(path.join(DOCS, page), "utf8"));
      const r = await runExamples(t, page, examples, { token });
      expect(r.ran).toBe(examples.length);
    });
  }
});

describe("the runner catches a broken guide", () => {
  const fixture = readFileSync(path.join(import.meta.dirname, "fixtures/broken-guide.md"), "utf8");
  const sections = fixture.split(/^## /m).slice(1);
  const section = (title: string) => extractExamples(sections.find((s) => s.startsWith(title))!);

  it("runs the fixture's working example (the fixture itself is sound)", async () => {
    expect((await runExamples(t, "fixture", section("Works"), { token })).ran).toBe(1);
  });
  it("fails on an example that no longer validates against the schema", async () => {
    await expect(runExamples(t, "fixture", section("Renamed field"), { token })).rejects.toThrow(/GRAPHQL_VALIDATION_FAILED: Cannot query field "nickname"/);
  });
  it("fails on an example that fails at run time", async () => {
    await expect(runExamples(t, "fixture", section("Wrong role"), { token })).rejects.toThrow(/fixture:\d+: FORBIDDEN/);
  });
  it("fails when a documented error does not happen", async () => {
    await expect(runExamples(t, "fixture", section("Promised error"), { token })).rejects.toThrow(/expected error FORBIDDEN/);
  });
  it("fails when a value it uses was never captured", async () => {
    await expect(runExamples(t, "fixture", section("Missing capture"), { token })).rejects.toThrow(/\{\{sessionId\}\} was not captured/);
  });
  it("fails when a subscription gets no event", async () => {
    await expect(runExamples(t, "fixture", section("Silent subscription"), { token, eventWaitMs: 500 })).rejects.toThrow(/received no event/);
  });
});
