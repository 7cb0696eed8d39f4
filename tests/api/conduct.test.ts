// Code of conduct (seed 002) and privacy policy (seed 004) versions: admins publish, users accept;
// booking and joining sessions need the current code of conduct accepted. First-session checklist.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, type TestApp } from "../helpers/app.js";
import { BOOK, JOIN, mentorWithHours, at } from "../helpers/sessions.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T09:00:00Z" });
});
afterAll(() => t?.close());

const PUBLISH = `mutation($i: PublishPolicyDocumentInput!) { publishPolicyDocument(input: $i) { id kind version title acceptedByMe } }`;
const ACCEPT = `mutation($id: ID!) { acceptPolicyDocument(input: { documentId: $id }) { id version acceptedAt document { id } } }`;
const CURRENT = `query($k: PolicyDocumentKind!) { currentPolicyDocument(kind: $k) { id version title acceptedByMe } }`;
const CHECKLIST = `mutation($i: MarkExpectationCoveredInput!) { markExpectationCovered(input: $i) { item covered } }`;
const SESSION = `query($id: ID!) { session(id: $id) { id isFirstSession expectationsChecklist { item covered note } } }`;

const bookVars = (mentorId: string, startsAt: Date) => ({ i: { mentorId, startsAt: startsAt.toISOString(), durationMinutes: 60 } });

describe("code of conduct", () => {
  it("only admins publish; versions count up; signed-in users read the current one", async () => {
    const admin = await t.user("ADMIN");
    const support = await t.user("SUPPORT");
    expect(codes(await t.gql(PUBLISH, { i: { kind: "CODE_OF_CONDUCT", title: "x", body: "y" } }, support.token))).toEqual(["FORBIDDEN"]);
    expect(codes(await t.gql(PUBLISH, { i: { kind: "CODE_OF_CONDUCT", title: "", body: "" } }, admin.token))).toEqual(["BAD_USER_INPUT"]);
    expect((await t.ok(CURRENT, { k: "PRIVACY_POLICY" }, support.token)).currentPolicyDocument).toBeNull();
    expect(codes(await t.gql(CURRENT, { k: "PRIVACY_POLICY" }))).toEqual(["UNAUTHENTICATED"]);
    const p1 = (await t.ok(PUBLISH, { i: { kind: "PRIVACY_POLICY", title: "Privacy v1", body: "We collect ...", summary: "collected, stored, used" } }, admin.token)).publishPolicyDocument;
    const p2 = (await t.ok(PUBLISH, { i: { kind: "PRIVACY_POLICY", title: "Privacy v2", body: "We collect less" } }, admin.token)).publishPolicyDocument;
    expect([p1.version, p2.version]).toEqual([1, 2]);
    expect((await t.ok(CURRENT, { k: "PRIVACY_POLICY" }, support.token)).currentPolicyDocument).toMatchObject({ version: 2, acceptedByMe: false });
    const mentee = await t.user("MENTEE");
    expect(codes(await t.gql(ACCEPT, { id: p1.id }, mentee.token))).toEqual(["CONFLICT"]);
    await t.ok(ACCEPT, { id: p2.id }, mentee.token);
    await t.ok(ACCEPT, { id: p2.id }, mentee.token); // idempotent
    expect((await t.ok(CURRENT, { k: "PRIVACY_POLICY" }, mentee.token)).currentPolicyDocument.acceptedByMe).toBe(true);
    expect(await t.db.policyAcceptance.count({ where: { userId: mentee.id } })).toBe(1);
    // a published version is never edited, whoever writes
    await expect(t.db.policyDocument.update({ where: { id: p1.id }, data: { body: "rewritten" } })).rejects.toThrow(/immutable/);
    const audit = await t.db.auditLog.findFirst({ where: { subjectId: p2.id, action: "policyDocument.publish" } });
    expect(audit?.actorId).toBe(admin.id);
  });

  it("booking and joining are blocked until the current version is accepted (both sides)", async () => {
    const admin = await t.user("ADMIN");
    const mentor = await mentorWithHours(t);
    const mentee = await t.user("MENTEE");
    const start = at(t.clock.now(), 24 * 60);
    const v1 = (await t.ok(PUBLISH, { i: { kind: "CODE_OF_CONDUCT", title: "Conduct v1", body: "Be nice." } }, admin.token)).publishPolicyDocument;
    const refused = await t.gql(BOOK, bookVars(mentor.id, start), mentee.token);
    expect(codes(refused)).toEqual(["PRECONDITION_FAILED"]);
    expect(refused.errors![0].extensions).toMatchObject({ reason: "CONDUCT_NOT_ACCEPTED", version: 1, userId: mentee.id });
    await t.ok(ACCEPT, { id: v1.id }, mentee.token);
    // the mentor has not accepted: they cannot host
    const mentorRefused = await t.gql(BOOK, bookVars(mentor.id, start), mentee.token);
    expect(codes(mentorRefused)).toEqual(["PRECONDITION_FAILED"]);
    expect(mentorRefused.errors![0].extensions).toMatchObject({ userId: mentor.id });
    await t.ok(ACCEPT, { id: v1.id }, mentor.token);
    const s = (await t.ok(BOOK, bookVars(mentor.id, start), mentee.token)).bookSession;
    expect(await t.db.session.count({ where: { menteeId: mentee.id } })).toBe(1);

    // a new version: joining waits for its acceptance
    const v2 = (await t.ok(PUBLISH, { i: { kind: "CODE_OF_CONDUCT", title: "Conduct v2", body: "Be nicer." } }, admin.token)).publishPolicyDocument;
    t.clock.set(at(start, -5));
    const join = await t.gql(JOIN, { id: s.id }, mentor.token);
    expect(codes(join)).toEqual(["PRECONDITION_FAILED"]);
    expect(join.errors![0].extensions).toMatchObject({ version: 2 });
    await t.ok(ACCEPT, { id: v2.id }, mentor.token);
    expect(codes(await t.gql(JOIN, { id: s.id }, mentor.token))).toEqual([]);

    // first-session checklist (seed 002): the mentor marks the four items
    expect(codes(await t.gql(CHECKLIST, { i: { sessionId: s.id, item: "CONFIDENTIALITY" } }, mentee.token))).toEqual(["FORBIDDEN"]);
    await t.ok(CHECKLIST, { i: { sessionId: s.id, item: "CONFIDENTIALITY" } }, mentor.token);
    const list = (await t.ok(CHECKLIST, { i: { sessionId: s.id, item: "EXPECTED_RESULTS", note: "usually 6 sessions" } }, mentor.token)).markExpectationCovered;
    expect(list).toEqual([
      { item: "CONFIDENTIALITY", covered: true },
      { item: "EXPECTED_RESULTS", covered: true },
      { item: "OPENNESS", covered: false },
      { item: "ROAD_MAP", covered: false },
    ]);
    const seen = (await t.ok(SESSION, { id: s.id }, mentee.token)).session;
    expect(seen.isFirstSession).toBe(true);
    expect(seen.expectationsChecklist[1]).toMatchObject({ item: "EXPECTED_RESULTS", covered: true, note: "usually 6 sessions" });

    // a later session of the same pair is not the first one
    await t.ok(ACCEPT, { id: v2.id }, mentee.token);
    const later = (await t.ok(BOOK, bookVars(mentor.id, at(start, 3 * 24 * 60)), mentee.token)).bookSession;
    expect(codes(await t.gql(CHECKLIST, { i: { sessionId: later.id, item: "ROAD_MAP" } }, mentor.token))).toEqual(["PRECONDITION_FAILED"]);
    expect((await t.ok(SESSION, { id: later.id }, mentee.token)).session.isFirstSession).toBe(false);
    t.clock.set("2026-03-02T09:00:00Z");
  });
});
