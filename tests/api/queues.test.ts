// The staff overview's work queues: counts move with the work, deadlines turn overdue with the
// clock, and only staff see them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, type TestApp } from "../helpers/app.js";
import { HOUR, OPEN_DISPUTE, menteeEndedSession } from "../helpers/money.js";

const QUEUES = `{ workQueues { name open overdue unassigned oldestAt nextDueAt } }`;
type Queue = { name: string; open: number; overdue: number | null; unassigned: number | null; oldestAt: string | null; nextDueAt: string | null };

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T09:00:00Z" });
});
afterAll(() => t.close());

const queues = async (token: string) => Object.fromEntries(((await t.ok(QUEUES, {}, token)).workQueues as Queue[]).map((q) => [q.name, q]));

describe("work queues", () => {
  it("count open, unassigned and overdue disputes and open tickets, with the nearest deadline", async () => {
    const { mentee, s } = await menteeEndedSession(t);
    const support = await t.user("SUPPORT");
    const before = await queues(support.token);
    expect(before.DISPUTES).toMatchObject({ open: 0, overdue: 0, unassigned: 0, nextDueAt: null });
    expect(before.TICKETS).toMatchObject({ open: 0, unassigned: 0 });

    const d = (await t.ok(OPEN_DISPUTE, { i: { scope: "SESSION", sessionId: s.id, reason: "the mentor left early" } }, mentee.token)).openDispute;
    await t.ok(`mutation { openSupportTicket(input: { subject: "Cannot join", body: "The room stays closed." }) { id } }`, {}, mentee.token);

    const now = await queues(support.token);
    expect(now.DISPUTES).toMatchObject({ open: 1, overdue: 0, unassigned: 1, nextDueAt: d.responseDueAt });
    expect(now.TICKETS).toMatchObject({ open: 1, unassigned: 1 });

    t.clock.set(new Date(new Date(d.responseDueAt).getTime() + HOUR));
    expect((await queues(support.token)).DISPUTES).toMatchObject({ open: 1, overdue: 1 });
  });

  it("are for staff only", async () => {
    const mentee = await t.user("MENTEE");
    expect(codes(await t.gql(QUEUES, {}, mentee.token))).toEqual(["FORBIDDEN"]);
  });
});
