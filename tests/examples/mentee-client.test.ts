// The example client in examples/ runs against the demo data: it logs in, books Maya's first
// free slot, follows the session over graphql-ws and stops when the session is over.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { DEMO_PASSWORD, seedDemo } from "../../api/scripts/demo-data.js";
import { runMenteeClient } from "../../examples/mentee-client.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T09:00:00Z" });
  await seedDemo(t.db, 10, t.clock.now());
});
afterAll(() => t?.close());

async function logIn(email: string): Promise<string> {
  return (await t.ok(`mutation($i: LogInInput!) { logIn(input: $i) { token } }`, { i: { email, password: DEMO_PASSWORD } })).logIn.token;
}

describe("examples/mentee-client.ts", () => {
  it("books a slot and prints the session's state changes until it ends", async () => {
    const lines: string[] = [];
    const run = runMenteeClient({ url: t.url, email: "mentee@demo.local", password: DEMO_PASSWORD, mentor: "Maya", from: t.clock.now(), log: (l) => lines.push(l) });
    let failed: unknown;
    run.catch((e) => (failed = e));

    // Wait (bounded) until the client follows its session and the server listens for it.
    const end = Date.now() + 20_000;
    let sessionId: string | undefined;
    while (!sessionId || t.app.listenerCount("sessionUpdated") < 1) {
      if (failed) throw failed;
      if (Date.now() > end) throw new Error(`the client never subscribed: ${lines.join(" | ")}`);
      sessionId ??= lines.map((l) => /^following session (\S+)/.exec(l)?.[1]).find(Boolean);
      await new Promise((r) => setTimeout(r, 20));
    }
    // Maya's first free hour after the two-hour notice: 09:00 in New York, 15:00 in Paris.
    expect(lines).toContain("first free slot: 2026-03-02T15:00:00+01:00");

    const [mentor, mentee] = [await logIn("mentor@demo.local"), await logIn("mentee@demo.local")];
    const join = `mutation($id: ID!) { joinSession(input: { sessionId: $id }) { uid } }`;
    t.clock.set("2026-03-02T13:55:00Z");
    await t.ok(join, { id: sessionId }, mentor);
    t.clock.set("2026-03-02T14:01:00Z");
    await t.ok(join, { id: sessionId }, mentee);
    t.clock.set("2026-03-02T14:40:00Z");
    await t.ok(`mutation($id: ID!) { endSession(input: { sessionId: $id }) { state } }`, { id: sessionId }, mentee);

    const result = await run;
    expect(result).toEqual({ sessionId, states: ["SCHEDULED", "LIVE", "ENDED"] });
    expect(lines).toContain("state: LIVE");
    expect(lines).toContain("state: ENDED (ended by MENTEE)");
    expect(lines.filter((l) => / (MENTOR|MENTEE) (JOIN|END_EARLY)$/.test(l))).toHaveLength(3);
  });
});
