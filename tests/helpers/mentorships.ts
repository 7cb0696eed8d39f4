// Fixtures for the program-features tests: mentorships with agreements, GraphQL documents.
import type { TestApp, TestUser } from "./app.js";

export const AGREEMENT_FIELDS = `id version status objectives scope startsOn endsOn confidentiality sessionsPerMonth commitmentNote proposedBy mentorAcceptedAt menteeAcceptedAt amendsVersion closedAt`;
export const START = `mutation($i: StartMentorshipInput!) { startMentorship(input: $i) { id status mentor { id } mentee { id } } }`;
export const ACCEPT_REQUEST = `mutation($id: ID!) { acceptMentorship(input: { mentorshipId: $id }) { id status activatedAt mentorAcceptedAt menteeAcceptedAt expiresAt } }`;
export const DECLINE_REQUEST = `mutation($id: ID!, $reason: String) { declineMentorship(input: { mentorshipId: $id, reason: $reason }) { id status endReason } }`;
export const PROPOSE = `mutation($i: ProposeAgreementInput!) { proposeAgreement(input: $i) { ${AGREEMENT_FIELDS} } }`;
export const UPDATE_PROPOSAL = `mutation($i: UpdateAgreementProposalInput!) { updateAgreementProposal(input: $i) { ${AGREEMENT_FIELDS} } }`;
export const ACCEPT = `mutation($id: ID!) { acceptAgreement(input: { agreementId: $id }) { ${AGREEMENT_FIELDS} } }`;
export const DECLINE = `mutation($id: ID!) { declineAgreement(input: { agreementId: $id }) { ${AGREEMENT_FIELDS} } }`;
export const MENTORSHIP = `query($id: ID!) { mentorship(id: $id) { id status progressPercent currentAgreement { version status } agreements { version status }
  goals { id progressPercent milestones { id progressPercent reachedAt } } } }`;

export const TERMS = {
  objectives: "Land a first backend role",
  scope: "CV review, mock interviews, system design basics",
  startsOn: "2026-03-02",
  endsOn: "2026-05-31",
  confidentiality: "Everything discussed stays between us (seed 002).",
  sessionsPerMonth: 2,
};

/**
 * A mentor and a mentee with a mentorship the mentee requested and the mentor accepted (consent
 * of both sides), whose first agreement both accepted.
 */
export async function activeMentorship(t: TestApp, opts: { mentor?: TestUser; mentee?: TestUser; terms?: Partial<typeof TERMS>; programId?: string } = {}) {
  const mentor = opts.mentor ?? (await t.user("MENTOR"));
  const mentee = opts.mentee ?? (await t.user("MENTEE"));
  const m = (await t.ok(START, { i: { mentorId: mentor.id, programId: opts.programId } }, mentee.token)).startMentorship;
  const accepted = (await t.ok(ACCEPT_REQUEST, { id: m.id }, mentor.token)).acceptMentorship;
  if (accepted.status !== "ACTIVE") throw new Error(`expected an active mentorship, got ${accepted.status}`);
  const a = (await t.ok(PROPOSE, { i: { mentorshipId: m.id, terms: { ...TERMS, ...opts.terms } } }, mentor.token)).proposeAgreement;
  await t.ok(ACCEPT, { id: a.id }, mentee.token);
  return { mentor, mentee, mentorshipId: m.id as string, agreementId: a.id as string };
}

/** An ended session between the two (fixture: written directly; the sessions tests cover the live flow). */
export async function endedSession(t: TestApp, mentorId: string, menteeId: string, endsAt: Date) {
  const startsAt = new Date(endsAt.getTime() - 3_600_000);
  return t.db.session.create({
    data: {
      mentorId, menteeId, startsAt, endsAt, durationMinutes: 60, hourlyRateMinor: 6000, feeMultiplierBps: 10000, priceMinor: 6000, currency: "USD",
      policyVersion: 1, channelName: `test-${Math.random().toString(36).slice(2)}`, state: "ENDED", endedAt: endsAt, endedBy: "SYSTEM",
    },
  });
}
