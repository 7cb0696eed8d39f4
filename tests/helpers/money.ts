// Fixtures for the money and dispute tests: sessions a mentor hung up on, GraphQL documents.
import type { TestApp, TestUser } from "./app.js";
import { JOIN, LEAVE, at, book, mentorWithHours } from "./sessions.js";
import { currentPolicy } from "../../api/src/modules/policy/policy.service.js";
import { mentorHangUpJob } from "../../api/src/modules/sessions/sessions.jobs.js";
import { logger } from "../../api/src/lib/logger.js";

export const MONEY = `amountMinor currency`;
export const REFUND_FIELDS = `id sessionId kind amount { ${MONEY} } reason actorKind actorId partialRefundRequestId disputeId provider`;
export const CHARGE = `query($s: ID!) { charge(sessionId: $s) { id status amount { ${MONEY} } refunded { ${MONEY} } refundable { ${MONEY} } refunds { ${REFUND_FIELDS} } } }`;
export const ISSUE_REFUND = `mutation($i: IssueRefundInput!) { issueRefund(input: $i) { ${REFUND_FIELDS} } }`;
export const PRR_FIELDS = `id sessionId status amount { ${MONEY} } price { ${MONEY} } unlapsedMinutes scheduledMinutes contestDeadline disputeId paidAt refund { id amount { ${MONEY} } }`;
export const REQUEST_PARTIAL = `mutation($i: RequestPartialRefundInput!) { requestPartialRefund(input: $i) { ${PRR_FIELDS} } }`;
export const CONTEST_PARTIAL = `mutation($i: ContestPartialRefundInput!) { contestPartialRefund(input: $i) { ${PRR_FIELDS} } }`;
export const QUOTE = `query($s: ID!) { partialRefundQuote(sessionId: $s) { eligible problem amount { ${MONEY} } unlapsedMinutes scheduledMinutes requestDeadline } }`;
export const DISPUTE_FIELDS = `id scope sessionId status openedBy reason evidence version overdue responseDueAt outcome outcomeAmount { ${MONEY} } resolutionReason partialRefundRequestId
  assignee { id } refund { id amount { ${MONEY} } } messages { id body visibility author { id } }`;
export const OPEN_DISPUTE = `mutation($i: OpenDisputeInput!) { openDispute(input: $i) { ${DISPUTE_FIELDS} } }`;
export const ASSIGN = `mutation($i: AssignDisputeInput!) { assignDispute(input: $i) { ${DISPUTE_FIELDS} } }`;
export const NOTE = `mutation($i: DisputeNoteInput!) { addDisputeNote(input: $i) { id visibility body } }`;
export const MESSAGE = `mutation($i: DisputeNoteInput!) { postDisputeMessage(input: $i) { id visibility body } }`;
export const RESOLVE = `mutation($i: ResolveDisputeInput!) { resolveDispute(input: $i) { ${DISPUTE_FIELDS} } }`;
export const DISPUTE = `query($id: ID!) { dispute(id: $id) { ${DISPUTE_FIELDS} notes { id visibility body } } }`;
export const DISPUTE_INTERNAL = `query($id: ID!) { dispute(id: $id) { id internalNotes { id body } } }`;
export const AUDIT = `query($f: AuditLogFilter) { auditLog(filter: $f, first: 50) { edges { node { action actorKind actor { id } subjectType subjectId reason after } } } }`;

let day = 0;
let keySeq = 0;
export const newKey = (prefix = "key") => `${prefix}-${++keySeq}-${Math.random().toString(36).slice(2, 10)}`;

export interface HungUp {
  m: TestUser;
  mentee: TestUser;
  s: { id: string; startsAt: string; endsAt: string; priceMinor: number };
  start: Date;
  endedAt: Date;
}

/** A fresh mentor and mentee; a booked session the mentor hangs up on `hangUpAfter` minutes in. */
export async function hungUpSession(t: TestApp, o: { minutes?: number; hangUpAfter?: number; rate?: number } = {}): Promise<HungUp> {
  day++;
  const base = new Date(Date.UTC(2026, 4, 1 + day * 2, 6));
  t.clock.set(base);
  const m = await mentorWithHours(t, { rate: o.rate });
  const mentee = await t.user("MENTEE");
  const s = await book(t, mentee, m, at(base, 180), o.minutes ?? 60);
  const start = new Date(s.startsAt);
  t.clock.set(start);
  await t.ok(JOIN, { id: s.id }, m.token);
  await t.ok(JOIN, { id: s.id }, mentee.token);
  const endedAt = at(start, o.hangUpAfter ?? 20);
  t.clock.set(endedAt);
  await t.ok(LEAVE, { id: s.id }, m.token);
  // The mentor leaving keeps the call live for the mentee; not rejoining within the policy window
  // makes it a hang-up (ended at the time the mentor left).
  const { values } = await currentPolicy(t.db);
  t.clock.set(new Date(endedAt.getTime() + values.scheduling.mentorRejoinWindowMinutes * 60_000));
  await mentorHangUpJob.run({ db: t.db, pubsub: t.app.pubsub, clock: t.clock, logger });
  const r = await t.db.session.findUniqueOrThrow({ where: { id: s.id } });
  if (r.endedBy !== "MENTOR" || r.endedAt?.getTime() !== endedAt.getTime()) throw new Error(`expected a hang-up, got ${JSON.stringify(r)}`);
  return { m, mentee, s, start, endedAt };
}

/** A session that ends normally (auto-end at the stipulated end is not needed: the mentee ends it). */
export async function menteeEndedSession(t: TestApp, minutes = 60) {
  day++;
  const base = new Date(Date.UTC(2026, 4, 1 + day * 2, 6));
  t.clock.set(base);
  const m = await mentorWithHours(t);
  const mentee = await t.user("MENTEE");
  const s = await book(t, mentee, m, at(base, 180), minutes);
  const start = new Date(s.startsAt);
  t.clock.set(start);
  await t.ok(JOIN, { id: s.id }, m.token);
  await t.ok(JOIN, { id: s.id }, mentee.token);
  t.clock.set(at(start, 30));
  await t.ok(`mutation($id: ID!) { endSession(input: { sessionId: $id }) { id } }`, { id: s.id }, mentee.token);
  return { m, mentee, s, start };
}

export const HOUR = 3_600_000;
