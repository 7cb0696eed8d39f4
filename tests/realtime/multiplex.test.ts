// Multiplexed subscriptions: subscribers of one event with equal document, variables and
// permission class share one execution and one serialised payload — and sharing never shows a
// subscriber anything its own rules hide.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, subscribe, type TestApp } from "../helpers/app.js";
import { book, mentorWithHours } from "../helpers/sessions.js";
import { multiplexStats } from "../../api/src/realtime/multiplex.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T06:00:00Z" });
});
afterAll(() => t?.close());

// `email` is visible to the person and to staff only: the field a wrongly shared execution would leak.
const LIVE = `subscription { liveSessions { id topic mentor { id email } mentee { id email } } }`;
const ONE = `subscription($id: ID!) { sessionUpdated(id: $id) { id topic mentor { id email } mentee { id email } } }`;

describe("multiplexed subscriptions", () => {
  it("staff share one execution; each participant gets their own; the outsider gets nothing of the event", async () => {
    const mentor = await mentorWithHours(t);
    const mentee = await t.user("MENTEE");
    const outsider = await t.user("MENTEE");
    const [staff1, staff2] = [await t.user("SUPPORT"), await t.user("SUPPORT")];
    const s = await book(t, mentee, mentor, "2026-03-02T10:00:00Z");

    const subs = {
      staff1: subscribe(t.ws(staff1.token), LIVE),
      staff2: subscribe(t.ws(staff2.token), LIVE),
      mentor: subscribe(t.ws(mentor.token), LIVE),
      mentee: subscribe(t.ws(mentee.token), LIVE),
      outsider: subscribe(t.ws(outsider.token), LIVE),
    };
    await t.listening("liveSessions", 5);

    const before = { ...multiplexStats };
    t.app.pubsub.publish("liveSessions", { id: s.id, mentorId: mentor.id, menteeId: mentee.id });
    for (const k of ["staff1", "staff2", "mentor", "mentee"] as const) await subs[k].until(() => subs[k].events.length === 1);
    // Three classes: staff (both), the mentor, the mentee. The outsider's stream filtered the event out.
    expect(multiplexStats.executions - before.executions).toBe(3);
    expect(multiplexStats.sharedSends - before.sharedSends).toBe(4);

    const row = (k: keyof typeof subs) => subs[k].events[0].data!.liveSessions;
    const both = { id: s.id, topic: expect.any(String), mentor: { id: mentor.id, email: mentor.email }, mentee: { id: mentee.id, email: mentee.email } };
    expect(row("staff1")).toEqual(both);
    expect(row("staff2")).toEqual(both);
    expect(row("mentor")).toEqual({ ...both, mentee: { id: mentee.id, email: null } });
    expect(row("mentee")).toEqual({ ...both, mentor: { id: mentor.id, email: null } });

    // The outsider's next event is one of their own sessions: the first event never reached them.
    const theirs = await book(t, outsider, mentor, "2026-03-02T12:00:00Z");
    await subs.outsider.until(() => subs.outsider.events.length > 0);
    expect(subs.outsider.events.map((e) => e.data?.liveSessions.id)).toEqual([theirs.id]);
    expect(subs.outsider.events[0].data!.liveSessions.mentor.email).toBeNull();
    expect(subs.outsider.events[0].data!.liveSessions.mentee.email).toBe(outsider.email);
  });

  it("sessionUpdated: same sharing per class; an outsider cannot subscribe at all", async () => {
    const mentor = await mentorWithHours(t);
    const mentee = await t.user("MENTEE");
    const outsider = await t.user("MENTEE");
    const [staff1, staff2] = [await t.user("SUPPORT"), await t.user("SUPPORT")];
    const s = await book(t, mentee, mentor, "2026-03-03T10:00:00Z");

    const refused = subscribe(t.ws(outsider.token), ONE, { id: s.id });
    await refused.until(() => refused.events.length > 0 || refused.error !== undefined || refused.completed);
    expect(refused.events[0]?.errors?.[0]?.extensions?.code ?? (refused.error as any)?.[0]?.extensions?.code).toBe("NOT_FOUND");

    const listening = t.app.listenerCount("sessionUpdated");
    const subs = [staff1, staff2, mentor, mentee].map((u) => subscribe(t.ws(u.token), ONE, { id: s.id }));
    await t.listening("sessionUpdated", listening + 4);
    const before = { ...multiplexStats };
    t.app.pubsub.publish("sessionUpdated", s.id, { id: s.id });
    for (const sub of subs) await sub.until(() => sub.events.length === 1);
    expect(multiplexStats.executions - before.executions).toBe(3);
    const [a, b, m, e] = subs.map((sub) => sub.events[0].data!.sessionUpdated);
    expect(a).toEqual(b);
    expect(a.mentor.email).toBe(mentor.email);
    expect(a.mentee.email).toBe(mentee.email);
    expect(m.mentee.email).toBeNull();
    expect(m.mentor.email).toBe(mentor.email);
    expect(e.mentor.email).toBeNull();
    expect(e.mentee.email).toBe(mentee.email);
  });

  it("different variables are different groups, even for the same event and class", async () => {
    const mentor = await mentorWithHours(t);
    const mentee = await t.user("MENTEE");
    const staff = await t.user("SUPPORT");
    const s = await book(t, mentee, mentor, "2026-03-04T10:00:00Z");
    const LOCAL = `subscription($id: ID!, $tz: String!) { sessionUpdated(id: $id) { id localStartsAt(timeZone: $tz) } }`;
    const listening = t.app.listenerCount("sessionUpdated");
    const utc = subscribe(t.ws(staff.token), LOCAL, { id: s.id, tz: "UTC" });
    const tokyo = subscribe(t.ws(staff.token), LOCAL, { id: s.id, tz: "Asia/Tokyo" });
    await t.listening("sessionUpdated", listening + 2);
    const before = multiplexStats.executions;
    t.app.pubsub.publish("sessionUpdated", s.id, { id: s.id });
    await utc.until(() => utc.events.length === 1);
    await tokyo.until(() => tokyo.events.length === 1);
    expect(multiplexStats.executions - before).toBe(2);
    expect(utc.events[0].data!.sessionUpdated.localStartsAt).toBe("2026-03-04T10:00:00Z");
    expect(tokyo.events[0].data!.sessionUpdated.localStartsAt).toBe("2026-03-04T19:00:00+09:00");
  });
});
