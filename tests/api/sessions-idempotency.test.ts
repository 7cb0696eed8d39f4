// Idempotency keys on booking and cancelling (a retry after a timeout never books, charges or
// refunds twice) and program scope on sessions (a program suspension refuses booking and joining
// within that program and nothing else).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, type TestApp, type TestUser } from "../helpers/app.js";
import { BOOK, CANCEL, JOIN, at, mentorWithHours } from "../helpers/sessions.js";
import { newKey } from "../helpers/money.js";
import { ISSUE } from "../helpers/safety.js";

let t: TestApp;
let support: TestUser;
let admin: TestUser;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T09:00:00Z" });
  support = await t.user("SUPPORT");
  admin = await t.user("ADMIN");
});
afterAll(() => t?.close());

const CANCEL_KEYED = `mutation($i: CancelSessionInput!) { cancelSession(input: $i) { id state refundDueMinor } }`;
const BOOK_SCOPED = `mutation($i: BookSessionInput!) { bookSession(input: $i) { id programId mentorshipId } }`;
const RETRIES = 20;

describe("idempotent booking", () => {
  it("20 parallel retries with one key book once and charge once; another input with the key is a CONFLICT", async () => {
    const mentor = await mentorWithHours(t);
    const mentee = await t.user("MENTEE");
    const input = { mentorId: mentor.id, startsAt: "2026-03-03T10:00:00.000Z", durationMinutes: 60, topic: "retry storm", idempotencyKey: newKey("book") };
    const results = await Promise.all(Array.from({ length: RETRIES }, () => t.gql(BOOK, { i: input }, mentee.token)));
    expect(results.flatMap(codes)).toEqual([]);
    const ids = new Set(results.map((r) => r.data.bookSession.id));
    expect(ids.size).toBe(1);
    const [id] = ids;
    expect(await t.db.session.count({ where: { menteeId: mentee.id } })).toBe(1);
    expect(await t.db.charge.count({ where: { sessionId: id } })).toBe(1);
    // the mentor was told once (one row per channel)
    const told = await t.db.notification.findMany({ where: { userId: mentor.id, kind: "session.booked" }, select: { channel: true } });
    expect(told.length).toBeGreaterThan(0);
    expect(new Set(told.map((n) => n.channel)).size).toBe(told.length);

    // a later retry replays the booking rather than refusing the (now taken) slot
    expect((await t.ok(BOOK, { i: input }, mentee.token)).bookSession.id).toBe(id);
    const changed = await t.gql(BOOK, { i: { ...input, startsAt: "2026-03-03T12:00:00.000Z" } }, mentee.token);
    expect(codes(changed)).toEqual(["CONFLICT"]);
    expect(changed.errors![0].extensions).toMatchObject({ idempotencyKey: input.idempotencyKey });
    expect(await t.db.session.count({ where: { menteeId: mentee.id } })).toBe(1);
  });

  it("without a key, a retry of the same booking is refused as taken (the key is what makes it safe)", async () => {
    const mentor = await mentorWithHours(t);
    const mentee = await t.user("MENTEE");
    const input = { mentorId: mentor.id, startsAt: "2026-03-03T10:00:00.000Z", durationMinutes: 60 };
    await t.ok(BOOK, { i: input }, mentee.token);
    expect(codes(await t.gql(BOOK, { i: input }, mentee.token))).toEqual(["CONFLICT"]);
  });

  it("rejects a malformed key", async () => {
    const mentor = await mentorWithHours(t);
    const mentee = await t.user("MENTEE");
    const r = await t.gql(BOOK, { i: { mentorId: mentor.id, startsAt: "2026-03-03T10:00:00.000Z", durationMinutes: 60, idempotencyKey: "x" } }, mentee.token);
    expect(codes(r)).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("idempotent cancellation", () => {
  it("20 parallel retries with one key cancel once and refund once; another input with the key is a CONFLICT", async () => {
    const mentor = await mentorWithHours(t);
    const mentee = await t.user("MENTEE");
    const s = (await t.ok(BOOK, { i: { mentorId: mentor.id, startsAt: "2026-03-05T10:00:00.000Z", durationMinutes: 60 } }, mentee.token)).bookSession;
    const input = { sessionId: s.id, reason: "plans changed", idempotencyKey: newKey("cancel") };
    const results = await Promise.all(Array.from({ length: RETRIES }, () => t.gql(CANCEL_KEYED, { i: input }, mentee.token)));
    expect(results.flatMap(codes)).toEqual([]);
    expect(new Set(results.map((r) => JSON.stringify(r.data.cancelSession)))).toEqual(new Set([JSON.stringify({ id: s.id, state: "CANCELLED", refundDueMinor: s.priceMinor })]));
    const refunds = await t.db.refund.findMany({ where: { sessionId: s.id } });
    expect(refunds.map((r) => r.amountMinor)).toEqual([s.priceMinor]);
    expect(await t.db.auditLog.count({ where: { subjectId: s.id, action: "session.cancel" } })).toBe(1);

    const changed = await t.gql(CANCEL_KEYED, { i: { ...input, reason: "something else" } }, mentee.token);
    expect(codes(changed)).toEqual(["CONFLICT"]);
    expect(changed.errors![0].extensions).toMatchObject({ idempotencyKey: input.idempotencyKey });
    // without the key the same request tells the truth about the state it left behind
    expect(codes(await t.gql(CANCEL, { id: s.id, reason: "plans changed" }, mentee.token))).toEqual(["CONFLICT"]);
  });
});

describe("program scope on sessions", () => {
  async function programWith(...members: TestUser[]) {
    const p = (await t.ok(`mutation($n: String!) { createProgram(input: { name: $n }) { id } }`, { n: `Program ${newKey()}` }, admin.token)).createProgram;
    for (const u of members) await t.ok(`mutation($p: ID!, $u: ID!) { addProgramMember(programId: $p, userId: $u) { role } }`, { p: p.id, u: u.id }, admin.token);
    return p.id as string;
  }

  it("a session booked within a mentorship or a program carries its program", async () => {
    const mentor = await mentorWithHours(t);
    const mentee = await t.user("MENTEE");
    const programId = await programWith(mentor, mentee);
    const m = (await t.ok(`mutation($i: StartMentorshipInput!) { startMentorship(input: $i) { id } }`, { i: { mentorId: mentor.id, programId } }, mentee.token)).startMentorship;
    const viaMentorship = (await t.ok(BOOK_SCOPED, { i: { mentorId: mentor.id, startsAt: "2026-03-06T10:00:00.000Z", durationMinutes: 60, mentorshipId: m.id } }, mentee.token)).bookSession;
    expect(viaMentorship).toMatchObject({ programId, mentorshipId: m.id });
    const viaProgram = (await t.ok(BOOK_SCOPED, { i: { mentorId: mentor.id, startsAt: "2026-03-06T12:00:00.000Z", durationMinutes: 60, programId } }, mentee.token)).bookSession;
    expect(viaProgram).toMatchObject({ programId, mentorshipId: null });
    // a program neither belongs to, or someone else's mentorship, is refused
    const outsider = await t.user("MENTEE");
    expect(codes(await t.gql(BOOK_SCOPED, { i: { mentorId: mentor.id, startsAt: "2026-03-06T14:00:00.000Z", durationMinutes: 60, programId } }, outsider.token))).toEqual(["PRECONDITION_FAILED"]);
    expect(codes(await t.gql(BOOK_SCOPED, { i: { mentorId: mentor.id, startsAt: "2026-03-06T14:00:00.000Z", durationMinutes: 60, mentorshipId: m.id } }, outsider.token))).toEqual(["NOT_FOUND"]);
  });

  it("a program suspension refuses booking and joining in that program with FEATURE_SUSPENDED and its reason, and leaves other sessions alone", async () => {
    t.clock.set("2026-03-09T09:00:00Z");
    const mentor = await mentorWithHours(t);
    const mentee = await t.user("MENTEE");
    const programId = await programWith(mentor, mentee);
    const inProgram = (await t.ok(BOOK_SCOPED, { i: { mentorId: mentor.id, startsAt: "2026-03-10T10:00:00.000Z", durationMinutes: 60, programId } }, mentee.token)).bookSession;
    const outside = (await t.ok(BOOK_SCOPED, { i: { mentorId: mentor.id, startsAt: "2026-03-10T12:00:00.000Z", durationMinutes: 60 } }, mentee.token)).bookSession;
    // seed 003: a program-scoped enforcement takes the program's features from its mentors and staff
    const reason = "students taken off-platform in this program";
    const e = (await t.ok(ISSUE, { i: { userId: mentor.id, kind: "STRIKE", scope: "PROGRAM", programId, reason } }, support.token)).issueEnforcement;

    const refused = await t.gql(BOOK_SCOPED, { i: { mentorId: mentor.id, startsAt: "2026-03-10T14:00:00.000Z", durationMinutes: 60, programId } }, mentee.token);
    expect(codes(refused)).toEqual(["FEATURE_SUSPENDED"]);
    expect(refused.errors![0].extensions).toMatchObject({ reason, enforcementId: e.id, programId });
    // the same booking outside the program goes through
    expect(codes(await t.gql(BOOK_SCOPED, { i: { mentorId: mentor.id, startsAt: "2026-03-10T14:00:00.000Z", durationMinutes: 60 } }, mentee.token))).toEqual([]);

    t.clock.set("2026-03-10T10:00:00Z");
    const join = await t.gql(JOIN, { id: inProgram.id }, mentor.token);
    expect(codes(join)).toEqual(["FEATURE_SUSPENDED"]);
    expect(join.errors![0].extensions).toMatchObject({ reason, enforcementId: e.id });
    t.clock.set(at(new Date("2026-03-10T12:00:00Z"), 0));
    expect(codes(await t.gql(JOIN, { id: outside.id }, mentor.token))).toEqual([]);
  });
});
