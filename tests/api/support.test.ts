// Support tickets: users ask; support staff answer, assign and close; the asker
// follows the status; other users' tickets are invisible.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, type TestApp, type TestUser } from "../helpers/app.js";

const FIELDS = `id subject status requesterId assigneeId closedAt closeReason messages { body fromStaff authorName }`;
const OPEN = `mutation($i: OpenSupportTicketInput!) { openSupportTicket(input: $i) { ${FIELDS} } }`;
const REPLY = `mutation($id: ID!, $b: String!) { replyToSupportTicket(input: { ticketId: $id, body: $b }) { ${FIELDS} } }`;
const ASSIGN = `mutation($id: ID!, $a: ID) { assignSupportTicket(input: { ticketId: $id, assigneeId: $a }) { ${FIELDS} } }`;
const CLOSE = `mutation($id: ID!) { closeSupportTicket(input: { ticketId: $id, reason: "solved" }) { ${FIELDS} } }`;
const ONE = `query($id: ID!) { supportTicket(id: $id) { ${FIELDS} } }`;
const LIST = `query($f: SupportTicketFilter) { supportTickets(filter: $f, first: 50) { edges { node { id status } } } }`;

let t: TestApp;
let mentee: TestUser, otherMentee: TestUser, mentor: TestUser, support: TestUser, support2: TestUser, admin: TestUser;
beforeAll(async () => {
  t = await startTestApp();
  [mentee, otherMentee, mentor, support, support2, admin] = await Promise.all([t.user("MENTEE"), t.user("MENTEE"), t.user("MENTOR"), t.user("SUPPORT"), t.user("SUPPORT"), t.user("ADMIN")]);
});
afterAll(() => t?.close());

const listIds = async (u: TestUser, f?: Record<string, unknown>) => ((await t.ok(LIST, { f }, u.token)).supportTickets.edges as { node: { id: string } }[]).map((e) => e.node.id);
const open = async (u: TestUser, subject = "Cannot join my session") => (await t.ok(OPEN, { i: { subject, body: "The join button is greyed out." } }, u.token)).openSupportTicket;

describe("visibility", () => {
  it("the asker and support staff see a ticket; other users do not", async () => {
    const tk = await open(mentee);
    expect(tk).toMatchObject({ status: "OPEN", requesterId: mentee.id, assigneeId: null });
    expect(await listIds(mentee)).toContain(tk.id);
    expect(await listIds(support)).toContain(tk.id);
    expect(await listIds(admin)).toContain(tk.id);
    expect(await listIds(otherMentee)).not.toContain(tk.id);
    expect(await listIds(mentor)).not.toContain(tk.id);
    expect(codes(await t.gql(ONE, { id: tk.id }, otherMentee.token))).toEqual(["NOT_FOUND"]);
    // nor can they write to it
    expect(codes(await t.gql(REPLY, { id: tk.id, b: "me too" }, otherMentee.token))).toEqual(["NOT_FOUND"]);
    expect(codes(await t.gql(CLOSE, { id: tk.id }, mentor.token))).toEqual(["NOT_FOUND"]);
  });

  it("staff do not open tickets; bad input is BAD_USER_INPUT", async () => {
    expect(codes(await t.gql(OPEN, { i: { subject: "x", body: "y" } }, support.token))).toEqual(["FORBIDDEN"]);
    expect(codes(await t.gql(OPEN, { i: { subject: "ok subject", body: "   " } }, mentee.token))).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("answer, assign, close", () => {
  it("a staff answer sets ANSWERED, assigns the answerer and notifies the asker; a follow-up reopens", async () => {
    const tk = await open(mentee);
    const answered = (await t.ok(REPLY, { id: tk.id, b: "Please reload the page." }, support.token)).replyToSupportTicket;
    expect(answered).toMatchObject({ status: "ANSWERED", assigneeId: support.id });
    expect(answered.messages.map((m: { fromStaff: boolean }) => m.fromStaff)).toEqual([false, true]);
    // the asker sees the status and the answer
    const seen = (await t.ok(ONE, { id: tk.id }, mentee.token)).supportTicket;
    expect(seen.status).toBe("ANSWERED");
    expect(seen.messages.map((m: { body: string }) => m.body)).toEqual(["The join button is greyed out.", "Please reload the page."]);
    expect(await t.db.notification.count({ where: { userId: mentee.id, kind: "support.answered" } })).toBe(1);
    const followUp = (await t.ok(REPLY, { id: tk.id, b: "Still broken." }, mentee.token)).replyToSupportTicket;
    expect(followUp.status).toBe("OPEN");
  });

  it("only staff assign, and only to active staff", async () => {
    const tk = await open(mentee);
    expect(codes(await t.gql(ASSIGN, { id: tk.id, a: mentee.id }, mentee.token))).toEqual(["FORBIDDEN"]);
    expect(codes(await t.gql(ASSIGN, { id: tk.id, a: mentor.id }, support.token))).toEqual(["BAD_USER_INPUT"]);
    expect((await t.ok(ASSIGN, { id: tk.id, a: support2.id }, support.token)).assignSupportTicket.assigneeId).toBe(support2.id);
    expect(await listIds(support2, { assignedToMe: true })).toEqual([tk.id]);
    expect(await t.db.auditLog.count({ where: { subjectId: tk.id, action: "support.assign", actorId: support.id } })).toBe(1);
  });

  it("staff close tickets; a closed ticket takes no replies; the asker sees CLOSED", async () => {
    const tk = await open(mentee);
    const closed = (await t.ok(CLOSE, { id: tk.id }, support.token)).closeSupportTicket;
    expect(closed).toMatchObject({ status: "CLOSED", closeReason: "solved" });
    expect(closed.closedAt).toBe(t.clock.now().toISOString());
    expect((await t.ok(ONE, { id: tk.id }, mentee.token)).supportTicket.status).toBe("CLOSED");
    expect(codes(await t.gql(REPLY, { id: tk.id, b: "hello?" }, mentee.token))).toEqual(["PRECONDITION_FAILED"]);
    expect(codes(await t.gql(ASSIGN, { id: tk.id }, support.token))).toEqual(["PRECONDITION_FAILED"]);
    // the asker may close their own ticket too
    const mine = await open(otherMentee);
    expect((await t.ok(CLOSE, { id: mine.id }, otherMentee.token)).closeSupportTicket.status).toBe("CLOSED");
  });
});
