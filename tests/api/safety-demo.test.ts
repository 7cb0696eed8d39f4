// The demo data's trust & safety queue: an unverified burst beside a verified threshold case.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { DEMO_PASSWORD, seedDemo } from "../../api/scripts/demo-data.js";
import { LOG_IN } from "../helpers/safety.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T09:00:00Z" });
  await seedDemo(t.db, 10, t.clock.now());
});
afterAll(() => t?.close());

const QUEUE = `{ reports(first: 100, filter: { status: OPEN }) { edges { node { id source category verification detectorRule subject { id displayName } } } } }`;

describe("demo data: complaints that count", () => {
  it("the open queue shows the unverified burst with its brigading report beside the verified threshold case", async () => {
    const token = (await t.ok(LOG_IN, { i: { email: "support@demo.local", password: DEMO_PASSWORD } })).logIn.token;
    const open = ((await t.ok(QUEUE, {}, token)).reports.edges as { node: any }[]).map((e) => e.node);
    const of = (name: string) => open.filter((r) => r.subject.displayName === name);
    const maya = of("Maya Mentor");
    expect(maya.filter((r) => r.source === "USER" && r.category === "DECEPTION").map((r) => r.verification)).toEqual(Array(5).fill("no verified interaction"));
    expect(maya.filter((r) => r.detectorRule === "brigading.burst")).toHaveLength(1);
    const victor = of("Victor Mentor");
    expect(victor.map((r) => r.verification)).toEqual(Array(5).fill("verified: a session between them"));
    const standing = (id: string) => t.ok(`query($u: ID!) { userStanding(userId: $u) { status complaints { category counted verified unverifiedPending threshold } } }`, { u: id }, token);
    const m = (await standing(maya[0].subject.id)).userStanding;
    expect(m.status).toBe("ACTIVE");
    expect(m.complaints.find((c: any) => c.category === "DECEPTION")).toEqual({ category: "DECEPTION", counted: 0, verified: 0, unverifiedPending: 5, threshold: 5 });
    const v = (await standing(victor[0].subject.id)).userStanding;
    expect(v.status).toBe("SUSPENDED");
    // acted on: the counted complaints are linked to the suspension and no longer wait for a threshold
    const [e] = await t.db.enforcement.findMany({ where: { userId: victor[0].subject.id } });
    expect(e).toMatchObject({ kind: "SUSPENSION", origin: "THRESHOLD", category: "RUDENESS" });
    expect(await t.db.report.count({ where: { thresholdEnforcementId: e.id, interactionKind: "SESSION" } })).toBe(5);
  });
});
