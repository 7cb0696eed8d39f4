// Proactive monitoring (seed 003): detector rules (hits and non-hits) and reports by the system actor.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestUser } from "../helpers/app.js";
import { REVIEW } from "../helpers/safety.js";
import { detectAll, detectContactDetails, detectOffPlatform, detectSpamBurst, detectLinkSpam } from "../../api/src/modules/safety/detectors.js";
import { scanContent } from "../../api/src/modules/safety/detectors.service.js";
import { defaultPolicy } from "../../api/src/modules/policy/policy.values.js";

const S = defaultPolicy().safety;
const rules = (text: string) => detectAll(text, S).map((h) => h.rule);

describe("detector rules", () => {
  it("contact details: e-mail addresses and phone numbers, also obfuscated", () => {
    expect(rules("write me at jane.doe@gmail.com")).toContain("contact.email");
    expect(rules("jane (at) gmail (dot) com")).toContain("contact.email");
    expect(rules("call +1 (415) 555-0134 tonight")).toContain("contact.phone");
    expect(rules("my number is 98765 43210")).toContain("contact.phone");
    expect(rules("on 2026-03-14 call 0049 30 1234567")).toContain("contact.phone");
  });

  it("off-platform payment and meeting links and requests", () => {
    expect(rules("let's meet on https://zoom.us/j/123456789")).toContain("offPlatform.link");
    expect(rules("tip me at paypal.me/janedoe")).toContain("offPlatform.link");
    expect(rules("join my wa.me/15550134 group")).toContain("offPlatform.link");
    expect(rules("better if you pay me directly, cheaper")).toContain("offPlatform.request");
    expect(rules("add me on telegram for sessions")).toContain("offPlatform.request");
  });

  it("spam: many links in one text and message bursts", () => {
    expect(detectLinkSpam("a https://a.io b https://b.io c https://c.io d https://d.io", S).map((h) => h.rule)).toEqual(["spam.links"]);
    const now = new Date("2026-03-02T09:00:00Z");
    const burst = Array.from({ length: 5 }, (_, i) => new Date(now.getTime() - i * 5_000));
    expect(detectSpamBurst(burst, now, S).map((h) => h.rule)).toEqual(["spam.burst"]);
    const calm = Array.from({ length: 5 }, (_, i) => new Date(now.getTime() - i * 30_000));
    expect(detectSpamBurst(calm, now, S)).toEqual([]);
  });

  it("ordinary professional text does not hit", () => {
    for (const text of [
      "Staff engineer with 12 years in distributed systems; I mentor on career growth and system design.",
      "Sessions cost $90 per hour. Available 9:00-17:00 on weekdays since 2014.",
      "I worked at Google from 2012 to 2019 and wrote about it on https://example.com/blog.",
      "Let's schedule our next session on the platform calendar for 2026-03-14.",
      "Version 10.2.3 of the library fixed 1,024 issues.",
    ]) expect([text, rules(text)]).toEqual([text, []]);
    expect(detectContactDetails("email is not allowed here")).toEqual([]);
    expect(detectOffPlatform("the zoom level of the chart")).toEqual([]);
  });
});

let t: TestApp;
let support: TestUser;
beforeAll(async () => {
  t = await startTestApp();
  support = await t.user("SUPPORT");
});
afterAll(() => t?.close());

const UPDATE = `mutation($i: UpdateMentorProfileInput!) { updateMentorProfile(input: $i) { bio } }`;
const QUEUE = `query($s: ID) { reports(filter: { source: DETECTOR, subjectId: $s }) { edges { node { id category status source detectorRule reporter { id } evidence } } } }`;

describe("detectors on profile text", () => {
  it("a hit files a report by the system actor into the review queue; the same text is not reported twice", async () => {
    const mentor = await t.user("MENTOR");
    await t.ok(UPDATE, { i: { bio: "Book me outside the platform: pay me directly via paypal, mail jane.doe@gmail.com" } }, mentor.token);
    const q = (await t.ok(QUEUE, { s: mentor.id }, support.token)).reports.edges.map((e: any) => e.node);
    expect(q.map((r: any) => r.detectorRule).sort()).toEqual(["contact.email", "offPlatform.request"]);
    expect(q[0]).toMatchObject({ status: "OPEN", source: "DETECTOR", reporter: null, category: "OFF_PLATFORM" });
    expect(q[0].evidence).toMatchObject({ source: "profile", refId: mentor.id });
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "safety.report.detected", subjectId: q[0].id } });
    expect(audit).toMatchObject({ actorKind: "SYSTEM", reason: "system:safety.detectors" });
    // saving the same text again does not file again
    await t.ok(UPDATE, { i: { bio: "Book me outside the platform: pay me directly via paypal, mail jane.doe@gmail.com" } }, mentor.token);
    expect((await t.ok(QUEUE, { s: mentor.id }, support.token)).reports.edges).toHaveLength(2);
  });

  it("clean profile text files nothing", async () => {
    const mentor = await t.user("MENTOR");
    await t.ok(UPDATE, { i: { bio: "Twelve years of backend engineering; I help with interviews and promotions." } }, mentor.token);
    expect((await t.ok(QUEUE, { s: mentor.id }, support.token)).reports.edges).toHaveLength(0);
  });

  it("false positives are dismissible and take no action", async () => {
    const mentor = await t.user("MENTOR");
    await t.ok(UPDATE, { i: { bio: "Reach the team through support@headstrt.example for billing questions" } }, mentor.token);
    const [r] = (await t.ok(QUEUE, { s: mentor.id }, support.token)).reports.edges.map((e: any) => e.node);
    const d = await t.ok(REVIEW, { i: { reportId: r.id, decision: "DISMISS", reason: "false positive: platform support address" } }, support.token);
    expect(d.reviewReport).toMatchObject({ status: "DISMISSED", enforcement: null });
    expect(await t.db.enforcement.count({ where: { userId: mentor.id } })).toBe(0);
  });

  it("chat and forum code can call the same scanner, including the burst rule", async () => {
    const mentee = await t.user("MENTEE");
    const now = t.clock.now();
    const times = Array.from({ length: 6 }, (_, i) => new Date(now.getTime() - i * 2_000));
    const deps = { db: t.db, pubsub: t.app.pubsub, clock: t.clock };
    const res = await scanContent(deps, { authorId: mentee.id, source: "chat", refId: "msg-1", messageId: "msg-1", text: "buy followers now", recentMessageTimes: times });
    expect(res.hits.map((h) => h.rule)).toEqual(["spam.burst"]);
    const row = await t.db.report.findUniqueOrThrow({ where: { id: res.reportIds[0] } });
    expect(row).toMatchObject({ category: "SPAM", source: "DETECTOR", messageId: "msg-1", reporterId: null });
  });
});
