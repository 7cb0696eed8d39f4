// Presence on a record: staff viewing the same dispute see each other; a closed socket takes its
// entry away; a party to the dispute (not staff) cannot subscribe. Reports work the same way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, subscribe, type TestApp } from "../helpers/app.js";
import { OPEN_DISPUTE } from "../helpers/money.js";
import { book, mentorWithHours } from "../helpers/sessions.js";
import { report } from "../helpers/safety.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T06:00:00Z" });
});
afterAll(() => t?.close());

const VIEWERS = `subscription($id: ID!) { viewersOf(subject: DISPUTE, id: $id) { userId displayName } }`;

describe("viewersOf", () => {
  it("two staff on one dispute see each other, the entry leaves with the socket, a mentee is refused", async () => {
    const mentor = await mentorWithHours(t);
    const mentee = await t.user("MENTEE");
    const s = await book(t, mentee, mentor, "2026-03-02T10:00:00Z");
    await t.db.session.update({ where: { id: s.id }, data: { state: "ENDED", endedAt: new Date("2026-03-02T11:00:00Z") } });
    t.clock.set(new Date("2026-03-02T11:10:00Z"));
    const d = (await t.ok(OPEN_DISPUTE, { i: { scope: "SESSION", sessionId: s.id, reason: "cut short", evidence: "screenshots" } }, mentee.token)).openDispute;
    const ann = await t.user("SUPPORT", { displayName: "Ann Agent" });
    const bob = await t.user("ADMIN", { displayName: "Bob Boss" });
    type Viewers = { viewersOf: { displayName: string }[] };
    const names = (sub: ReturnType<typeof subscribe<Viewers>>) => (sub.events.at(-1)?.data?.viewersOf ?? []).map((v) => v.displayName);

    const a = subscribe<Viewers>(t.ws(ann.token), VIEWERS, { id: d.id });
    await a.until(() => a.events.length > 0);
    expect(names(a)).toEqual([]);
    const bobWs = t.ws(bob.token);
    const b = subscribe(bobWs, VIEWERS, { id: d.id });
    // Bob learns of Ann from her answer to his arrival; Ann learns of Bob from his arrival.
    await b.until(() => names(b).includes("Ann Agent"));
    await a.until(() => names(a).includes("Bob Boss"));
    expect(names(a)).toEqual(["Bob Boss"]);
    expect(names(b)).toEqual(["Ann Agent"]);

    await bobWs.dispose();
    await a.until(() => a.events.length > 0 && names(a).length === 0);

    const refused = subscribe<Viewers>(t.ws(mentee.token), VIEWERS, { id: d.id });
    await refused.until(() => refused.events.length > 0 || refused.error !== undefined || refused.completed);
    expect(refused.events[0]?.errors?.[0]?.extensions?.code ?? (refused.error as any)?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(names(refused)).toEqual([]);

    const missing = subscribe<Viewers>(t.ws(ann.token), VIEWERS, { id: "00000000-0000-0000-0000-000000000000" });
    await missing.until(() => missing.events.length > 0 || missing.error !== undefined || missing.completed);
    expect(missing.events[0]?.errors?.[0]?.extensions?.code ?? (missing.error as any)?.[0]?.extensions?.code).toBe("NOT_FOUND");
    a.dispose();
  });

  it("two staff on one report see each other; its reporter cannot subscribe", async () => {
    const REPORT_VIEWERS = `subscription($id: ID!) { viewersOf(subject: REPORT, id: $id) { displayName } }`;
    const mentee = await t.user("MENTEE");
    const mentor = await t.user("MENTOR");
    const r = await report(t, mentee, mentor.id, "RUDENESS");
    const cy = await t.user("SUPPORT", { displayName: "Cy Support" });
    const di = await t.user("SUPPORT", { displayName: "Di Support" });
    type Viewers = { viewersOf: { displayName: string }[] };
    const names = (sub: ReturnType<typeof subscribe<Viewers>>) => (sub.events.at(-1)?.data?.viewersOf ?? []).map((v) => v.displayName);
    const c = subscribe<Viewers>(t.ws(cy.token), REPORT_VIEWERS, { id: r.id });
    await c.until(() => c.events.length > 0);
    const d = subscribe<Viewers>(t.ws(di.token), REPORT_VIEWERS, { id: r.id });
    await d.until(() => names(d).includes("Cy Support"));
    await c.until(() => names(c).includes("Di Support"));
    const refused = subscribe<Viewers>(t.ws(mentee.token), REPORT_VIEWERS, { id: r.id });
    await refused.until(() => refused.events.length > 0 || refused.error !== undefined || refused.completed);
    expect(refused.events[0]?.errors?.[0]?.extensions?.code ?? (refused.error as any)?.[0]?.extensions?.code).toBe("FORBIDDEN");
    c.dispose();
    d.dispose();
  });
});
