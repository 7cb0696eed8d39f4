// Staff search: one box finds people, sessions and tickets by what a person would type, and
// never shows a row the viewer's rules hide.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, type TestApp, type TestUser } from "../helpers/app.js";
import { mentorWithHours } from "../helpers/sessions.js";

const SEARCH = `query($q: String!, $n: Int) { search(text: $q, first: $n) {
  users { id displayName } sessions { id topic } certificates { id code } disputes { id } tickets { id subject } } }`;

let t: TestApp;
let support: TestUser;
let mentee: TestUser;
let sessionId: string;
let ticketId: string;

beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T09:00:00Z" });
  support = await t.user("SUPPORT");
  const mentor = await mentorWithHours(t);
  await t.db.user.update({ where: { id: mentor.id }, data: { displayName: "Priya Quillfeather" } });
  mentee = await t.user("MENTEE", { email: "leo.searchable@example.test", displayName: "Leo Mentee" });
  const s = await t.ok(`mutation($i: BookSessionInput!) { bookSession(input: $i) { id } }`, { i: { mentorId: mentor.id, startsAt: "2026-03-03T10:00:00Z", durationMinutes: 60, topic: "Salary negotiation basics" } }, mentee.token);
  sessionId = s.bookSession.id;
  const tk = await t.ok(`mutation($i: OpenSupportTicketInput!) { openSupportTicket(input: $i) { id } }`, { i: { subject: "Refund for a broken webcam call", body: "The call dropped." } }, mentee.token);
  ticketId = tk.openSupportTicket.id;
});
afterAll(() => t.close());

describe("staff search", () => {
  it("finds a person by part of the name or the e-mail", async () => {
    const byName = await t.ok(SEARCH, { q: "quillfeath" }, support.token);
    expect(byName.search.users.map((u: { displayName: string }) => u.displayName)).toEqual(["Priya Quillfeather"]);
    const byEmail = await t.ok(SEARCH, { q: "LEO.SEARCHABLE" }, support.token);
    expect(byEmail.search.users.map((u: { id: string }) => u.id)).toEqual([mentee.id]);
  });

  it("finds a session by topic or by its pasted id, and a ticket by subject", async () => {
    const byTopic = await t.ok(SEARCH, { q: "negotiation" }, support.token);
    expect(byTopic.search.sessions.map((s: { id: string }) => s.id)).toEqual([sessionId]);
    const byId = await t.ok(SEARCH, { q: sessionId.toUpperCase() }, support.token);
    expect(byId.search.sessions.map((s: { id: string }) => s.id)).toEqual([sessionId]);
    const ticket = await t.ok(SEARCH, { q: "webcam" }, support.token);
    expect(ticket.search.tickets.map((x: { id: string }) => x.id)).toEqual([ticketId]);
    expect(ticket.search.users).toEqual([]);
  });

  it("is for staff only, and refuses text too short or pages too large", async () => {
    expect(codes(await t.gql(SEARCH, { q: "leo" }, mentee.token))).toEqual(["FORBIDDEN"]);
    expect(codes(await t.gql(SEARCH, { q: "a" }, support.token))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await t.gql(SEARCH, { q: "leo", n: 500 }, support.token))).toEqual(["BAD_USER_INPUT"]);
  });
});
