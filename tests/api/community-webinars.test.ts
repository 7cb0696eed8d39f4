// Webinars: hosted by approved mentors; Agora publisher token for the host,
// subscriber tokens for registered users and staff; the room opens before the start (policy).
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, type TestApp, type TestUser } from "../helpers/app.js";
import { ISSUE } from "../helpers/safety.js";

const SCHEDULE = `mutation($i: ScheduleWebinarInput!) { scheduleWebinar(input: $i) { id status hostId startsAt endsAt capacity } }`;
const REGISTER = `mutation($id: ID!) { registerForWebinar(input: { webinarId: $id }) { webinarId userId } }`;
const JOIN = `mutation($id: ID!) { joinWebinar(input: { webinarId: $id }) { role uid token channelName expiresAt webinar { id } } }`;
const CANCEL = `mutation($id: ID!) { cancelWebinar(input: { webinarId: $id, reason: "host is ill" }) { id status cancelReason } }`;
const ONE = `query($id: ID!) { webinar(id: $id) { id registeredCount viewerRegistered registrations { userId } } }`;

const { AccessToken, priviledges } = createRequire(import.meta.url)("agora-access-token/src/AccessToken.js");
function privileges(token: string): number[] {
  const a = new AccessToken("", "", "", 0);
  expect(a.fromString(token)).toBe(true);
  return Object.keys(a.messages).map(Number).sort();
}

let t: TestApp;
let host: TestUser, unapproved: TestUser, mentee: TestUser, mentee2: TestUser, mentee3: TestUser, support: TestUser;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T09:00:00Z" });
  [host, unapproved, mentee, mentee2, mentee3, support] = await Promise.all([
    t.user("MENTOR"), t.user("MENTOR", { approved: false }), t.user("MENTEE"), t.user("MENTEE"), t.user("MENTEE"), t.user("SUPPORT"),
  ]);
});
afterAll(() => t?.close());

const schedule = async (i: Record<string, unknown> = {}) =>
  (await t.ok(SCHEDULE, { i: { title: "Breaking into product management", startsAt: "2026-03-03T17:00:00Z", durationMinutes: 60, ...i } }, host.token)).scheduleWebinar;

describe("hosting", () => {
  it("approved mentors host; unapproved mentors and mentees cannot; the start must be in the future", async () => {
    const w = await schedule();
    expect(w).toMatchObject({ status: "SCHEDULED", hostId: host.id, endsAt: "2026-03-03T18:00:00.000Z" });
    expect(codes(await t.gql(SCHEDULE, { i: { title: "Nope", startsAt: "2026-03-03T17:00:00Z", durationMinutes: 60 } }, unapproved.token))).toEqual(["FORBIDDEN"]);
    expect(codes(await t.gql(SCHEDULE, { i: { title: "Nope", startsAt: "2026-03-03T17:00:00Z", durationMinutes: 60 } }, mentee.token))).toEqual(["FORBIDDEN"]);
    expect(codes(await t.gql(SCHEDULE, { i: { title: "Past", startsAt: "2026-03-01T17:00:00Z", durationMinutes: 60 } }, host.token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await t.gql(SCHEDULE, { i: { title: "Too long", startsAt: "2026-03-03T17:00:00Z", durationMinutes: 6000 } }, host.token))).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("registration and Agora tokens", () => {
  it("the host publishes, registered users and staff only subscribe; others must register; the room opens before the start", async () => {
    const w = await schedule({ capacity: 2 });
    await t.ok(REGISTER, { id: w.id }, mentee.token);
    await t.ok(REGISTER, { id: w.id }, mentee.token); // idempotent
    await t.ok(REGISTER, { id: w.id }, mentee2.token);
    expect(codes(await t.gql(REGISTER, { id: w.id }, mentee3.token))).toEqual(["CONFLICT"]); // full
    expect((await t.ok(ONE, { id: w.id }, host.token)).webinar).toMatchObject({ registeredCount: 2 });
    // a mentee sees their own registration, not the list
    expect((await t.ok(ONE, { id: w.id }, mentee.token)).webinar).toMatchObject({ viewerRegistered: true, registrations: [{ userId: mentee.id }] });

    expect(codes(await t.gql(JOIN, { id: w.id }, mentee.token))).toEqual(["PRECONDITION_FAILED"]); // too early
    t.clock.set("2026-03-03T16:52:00Z"); // the room opens 10 minutes before (policy)
    const h = (await t.ok(JOIN, { id: w.id }, host.token)).joinWebinar;
    const a = (await t.ok(JOIN, { id: w.id }, mentee.token)).joinWebinar;
    const s = (await t.ok(JOIN, { id: w.id }, support.token)).joinWebinar;
    expect(h).toMatchObject({ role: "HOST", uid: 1, expiresAt: "2026-03-03T18:00:00.000Z" });
    expect(a).toMatchObject({ role: "AUDIENCE", channelName: h.channelName });
    expect(s.role).toBe("AUDIENCE");
    expect(a.uid).not.toBe(h.uid);
    expect(privileges(h.token)).toEqual([priviledges.kJoinChannel, priviledges.kPublishAudioStream, priviledges.kPublishVideoStream, priviledges.kPublishDataStream]);
    expect(privileges(a.token)).toEqual([priviledges.kJoinChannel]);
    expect(codes(await t.gql(JOIN, { id: w.id }, mentee3.token))).toEqual(["PRECONDITION_FAILED"]); // not registered
    // a webinars feature suspension stops a registered user from joining
    await t.ok(ISSUE, { i: { userId: mentee2.id, kind: "STRIKE", scope: "FEATURE", feature: "webinars", reason: "disrupted a webinar" } }, support.token);
    expect(codes(await t.gql(JOIN, { id: w.id }, mentee2.token))).toEqual(["FEATURE_SUSPENDED"]);
    t.clock.set("2026-03-03T18:00:00Z");
    expect(codes(await t.gql(JOIN, { id: w.id }, mentee.token))).toEqual(["PRECONDITION_FAILED"]); // over
    t.clock.set("2026-03-02T09:00:00Z");
  });

  it("the host or staff cancel (registered users are told); another mentor cannot; a cancelled webinar cannot be joined", async () => {
    const w = await schedule({ title: "Negotiation clinic" });
    await t.ok(REGISTER, { id: w.id }, mentee.token);
    const other = await t.user("MENTOR");
    expect(codes(await t.gql(CANCEL, { id: w.id }, other.token))).toEqual(["FORBIDDEN"]);
    expect((await t.ok(CANCEL, { id: w.id }, support.token)).cancelWebinar).toMatchObject({ status: "CANCELLED", cancelReason: "host is ill" });
    expect(await t.db.notification.count({ where: { userId: mentee.id, kind: "webinar.cancelled" } })).toBe(2);
    expect(codes(await t.gql(REGISTER, { id: w.id }, mentee3.token))).toEqual(["FORBIDDEN"]);
    t.clock.set("2026-03-03T17:00:00Z");
    expect(codes(await t.gql(JOIN, { id: w.id }, host.token))).toEqual(["PRECONDITION_FAILED"]);
    t.clock.set("2026-03-02T09:00:00Z");
  });
});
