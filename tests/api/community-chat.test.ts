// Chat per mentorship: only the two members read and write; `messageAdded` is
// authorised on subscribe and delivered only to the two members; messages pass the detectors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, subscribe, codes, type TestApp, type TestUser } from "../helpers/app.js";
import { ISSUE } from "../helpers/safety.js";

const SEND = `mutation($m: ID!, $b: String!) { sendChatMessage(input: { mentorshipId: $m, body: $b }) { id mentorshipId authorId authorName body createdAt } }`;
const LIST = `query($m: ID!) { chatMessages(mentorshipId: $m, first: 50) { edges { node { id body authorId } } } }`;
const SUB = `subscription($m: ID!) { messageAdded(mentorshipId: $m) { id body authorId mentorshipId } }`;

let t: TestApp;
let mentor: TestUser, mentee: TestUser, otherMentor: TestUser, otherMentee: TestUser, support: TestUser;
let a: string, b: string;

async function mentorship(m: TestUser, e: TestUser, status: "ACTIVE" | "ENDED" = "ACTIVE") {
  const row = await t.db.mentorship.create({ data: { mentorId: m.id, menteeId: e.id, status, startedBy: "MENTEE", createdAt: t.clock.now() } });
  return row.id;
}

beforeAll(async () => {
  t = await startTestApp();
  [mentor, mentee, otherMentor, otherMentee, support] = await Promise.all([t.user("MENTOR"), t.user("MENTEE"), t.user("MENTOR"), t.user("MENTEE"), t.user("SUPPORT")]);
  a = await mentorship(mentor, mentee);
  b = await mentorship(otherMentor, otherMentee);
});
afterAll(() => t?.close());

const bodies = async (u: TestUser, m: string) => ((await t.ok(LIST, { m }, u.token)).chatMessages.edges as { node: { body: string } }[]).map((e) => e.node.body);

describe("chat access", () => {
  it("the two members write and read; others neither read nor write", async () => {
    await t.ok(SEND, { m: a, b: "Hello, looking forward to our first session." }, mentee.token);
    await t.ok(SEND, { m: a, b: "Welcome! Everything we say stays confidential." }, mentor.token);
    expect(await bodies(mentee, a)).toHaveLength(2);
    expect(await bodies(mentor, a)).toHaveLength(2);
    expect(await bodies(otherMentee, a)).toEqual([]);
    expect(await bodies(otherMentor, a)).toEqual([]);
    expect(codes(await t.gql(SEND, { m: a, b: "let me in" }, otherMentee.token))).toEqual(["NOT_FOUND"]);
    expect(codes(await t.gql(SEND, { m: a, b: "let me in" }, otherMentor.token))).toEqual(["NOT_FOUND"]);
    // staff read for report review but never write
    expect(await bodies(support, a)).toHaveLength(2);
    expect(codes(await t.gql(SEND, { m: a, b: "staff here" }, support.token))).toEqual(["FORBIDDEN"]);
  });

  it("an ended mentorship's chat is read-only; empty messages are BAD_USER_INPUT", async () => {
    const ended = await mentorship(mentor, otherMentee, "ENDED");
    expect(codes(await t.gql(SEND, { m: ended, b: "still there?" }, mentor.token))).toEqual(["PRECONDITION_FAILED"]);
    expect(codes(await t.gql(SEND, { m: a, b: "   " }, mentor.token))).toEqual(["BAD_USER_INPUT"]);
  });

  it("messages pass through the trust & safety detectors (report filed, message kept)", async () => {
    const sent = (await t.ok(SEND, { m: a, b: "Let's continue on WhatsApp: wa.me/15551234567, pay me directly" }, mentor.token)).sendChatMessage;
    const reports = await t.db.report.findMany({ where: { subjectId: mentor.id, source: "DETECTOR" } });
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.every((r) => r.messageId === sent.id)).toBe(true);
    expect(reports.map((r) => r.category)).toContain("OFF_PLATFORM");
    expect(await bodies(mentee, a)).toContain(sent.body);
    // staff see the reports on the message when reviewing the chat; the parties see none they did not file
    const REPORTED = `query($m: ID!) { chatMessages(mentorshipId: $m, first: 50) { edges { node { id reports { category source } } } } }`;
    const page = async (u: TestUser) => (await t.ok(REPORTED, { m: a }, u.token)).chatMessages.edges as { node: { id: string; reports: { category: string }[] } }[];
    const asStaff = await page(support);
    expect(asStaff.length).toBeGreaterThan(1);
    expect(asStaff.find((e) => e.node.id === sent.id)!.node.reports.map((r) => r.category)).toContain("OFF_PLATFORM");
    // each message gets only its own reports (the page's messages share one query)
    expect(asStaff.filter((e) => e.node.id !== sent.id).flatMap((e) => e.node.reports)).toEqual([]);
    expect((await page(mentee)).flatMap((e) => e.node.reports)).toEqual([]);
  });
});

describe("trust & safety suspensions", () => {
  it("a chat feature suspension blocks sending with FEATURE_SUSPENDED and its reason; reading still works", async () => {
    const m2 = await t.user("MENTOR");
    const chat = await mentorship(m2, mentee);
    await t.ok(SEND, { m: chat, b: "Hello" }, m2.token);
    await t.ok(ISSUE, { i: { userId: m2.id, kind: "STRIKE", scope: "FEATURE", feature: "chat", reason: "spam in chat" } }, support.token);
    const r = await t.gql(SEND, { m: chat, b: "buy my course" }, m2.token);
    expect(codes(r)).toEqual(["FEATURE_SUSPENDED"]);
    expect(r.errors![0].extensions).toMatchObject({ reason: "spam in chat", feature: "chat" });
    expect(await bodies(m2, chat)).toEqual(["Hello"]);
    // the other member is not affected
    await t.ok(SEND, { m: chat, b: "Ok, see you" }, mentee.token);
  });
});

describe("messageAdded subscription", () => {
  it("delivers a mentorship's messages to its two members only", async () => {
    const subMentor = subscribe(t.ws(mentor.token), SUB, { m: a });
    const subMentee = subscribe(t.ws(mentee.token), SUB, { m: a });
    const subOther = subscribe(t.ws(otherMentee.token), SUB, { m: b });
    await t.listening("messageAdded", 3);
    // a non-member is refused at subscribe; staff are refused by role
    const intruder = subscribe(t.ws(otherMentor.token), SUB, { m: a });
    const staff = subscribe(t.ws(support.token), SUB, { m: a });
    await intruder.until(() => !!intruder.error || intruder.events.length > 0 || intruder.completed);
    await staff.until(() => !!staff.error || staff.events.length > 0 || staff.completed);
    const errCodes = (s: typeof intruder) => [...((s.error as any[]) ?? []), ...s.events.flatMap((e) => e.errors ?? [])].map((e: any) => e.extensions?.code);
    expect(errCodes(intruder)).toEqual(["NOT_FOUND"]);
    expect(errCodes(staff)).toEqual(["FORBIDDEN"]);

    const sent = (await t.ok(SEND, { m: a, b: "See you Tuesday." }, mentee.token)).sendChatMessage;
    await subMentor.until(() => subMentor.events.length === 1);
    await subMentee.until(() => subMentee.events.length === 1);
    expect(subMentor.events[0].data).toEqual({ messageAdded: { id: sent.id, body: "See you Tuesday.", authorId: mentee.id, mentorshipId: a } });
    expect(subMentee.events[0].data?.messageAdded.id).toBe(sent.id);

    // the other mentorship's member gets only its own chat's messages
    const other = (await t.ok(SEND, { m: b, b: "Hi from B" }, otherMentor.token)).sendChatMessage;
    await subOther.until(() => subOther.events.length === 1);
    expect(subOther.events.map((e) => e.data?.messageAdded.id)).toEqual([other.id]);
    expect(subMentor.events).toHaveLength(1);
    expect(intruder.events.filter((e) => e.data)).toEqual([]);
    for (const s of [subMentor, subMentee, subOther]) s.dispose();
  });
});

describe("chat moderation", () => {
  const MOD = `mutation($id: ID!, $a: ChatMessageModeration!, $r: String!) { moderateChatMessage(input: { id: $id, action: $a, reason: $r }) { id hidden hiddenReason body } }`;
  const SEEN = `query($m: ID!) { chatMessages(mentorshipId: $m, first: 50) { edges { node { id body hidden hiddenReason } } } }`;
  const seen = async (u: TestUser, id: string) =>
    ((await t.ok(SEEN, { m: a }, u.token)).chatMessages.edges as { node: { id: string; body: string; hidden: boolean; hiddenReason: string | null } }[]).find((e) => e.node.id === id)!.node;

  it("support removes a message with a reason (audited): the members see it was removed, not its text; staff still read it; restore brings it back", async () => {
    const text = "You are useless, I will tell everyone.";
    const msg = (await t.ok(SEND, { m: a, b: text }, mentor.token)).sendChatMessage;
    const at = t.clock.advanceMinutes(7);

    // the members and a mentor from elsewhere may not remove it
    for (const u of [mentee, mentor, otherMentor]) expect(codes(await t.gql(MOD, { id: msg.id, a: "HIDE", r: "insult" }, u.token))).toEqual(["FORBIDDEN"]);
    expect(codes(await t.gql(MOD, { id: msg.id, a: "HIDE", r: "" }, support.token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await t.gql(MOD, { id: "00000000-0000-0000-0000-000000000000", a: "HIDE", r: "insult" }, support.token))).toEqual(["NOT_FOUND"]);
    expect(await t.db.chatMessage.findUniqueOrThrow({ where: { id: msg.id } })).toMatchObject({ hiddenAt: null });

    const hidden = (await t.ok(MOD, { id: msg.id, a: "HIDE", r: "insult" }, support.token)).moderateChatMessage;
    expect(hidden).toMatchObject({ hidden: true, hiddenReason: "insult", body: text });
    expect(await seen(mentee, msg.id)).toEqual({ id: msg.id, body: "", hidden: true, hiddenReason: null });
    expect(await seen(mentor, msg.id)).toMatchObject({ body: "", hidden: true, hiddenReason: null });
    expect(await seen(support, msg.id)).toMatchObject({ body: text, hidden: true, hiddenReason: "insult" });
    // removing twice is a conflict, not a second audit entry
    expect(codes(await t.gql(MOD, { id: msg.id, a: "HIDE", r: "insult" }, support.token))).toEqual(["CONFLICT"]);
    const audits = await t.db.auditLog.findMany({ where: { subjectId: msg.id, action: "chat.message.hide" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: support.id, reason: "insult", createdAt: at });

    await t.ok(MOD, { id: msg.id, a: "RESTORE", r: "appeal upheld" }, support.token);
    expect(await seen(mentee, msg.id)).toMatchObject({ body: text, hidden: false });
  });
});
