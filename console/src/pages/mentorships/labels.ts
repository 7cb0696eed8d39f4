import type { AgreementStatus, MentorshipStatus } from "../../gql/graphql";

export const MENTORSHIP_STATUS: Record<MentorshipStatus, string> = {
  PENDING: "Requested",
  ACTIVE: "Active",
  COMPLETED: "Completed",
  ENDED: "Ended early",
  DECLINED: "Declined",
  EXPIRED: "Request lapsed",
};

export const mentorshipTone = (s: MentorshipStatus) => (s === "ACTIVE" ? ("ok" as const) : s === "PENDING" ? ("warn" as const) : s === "ENDED" ? ("bad" as const) : ("info" as const));

export const AGREEMENT_STATUS: Record<AgreementStatus, string> = {
  PROPOSED: "Proposed, waiting for the other party",
  ACCEPTED: "Accepted by both (in force)",
  COMPLETED: "Completed",
  SUPERSEDED: "Superseded by an amendment",
  DECLINED: "Declined",
  WITHDRAWN: "Withdrawn",
};

export const agreementTone = (s: AgreementStatus) => (s === "ACCEPTED" ? ("ok" as const) : s === "PROPOSED" ? ("warn" as const) : s === "DECLINED" ? ("bad" as const) : ("info" as const));

/** A readable name for a mentorship: its two people. */
export const pairLabel = (m: { mentor: { displayName: string }; mentee: { displayName: string } }) => `${m.mentor.displayName} → ${m.mentee.displayName}`;
