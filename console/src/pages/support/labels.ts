import type { SupportTicketStatus } from "../../gql/graphql";

export const STATUS_LABEL: Record<SupportTicketStatus, string> = {
  OPEN: "Waiting for support",
  ANSWERED: "Answered, waiting for the asker",
  CLOSED: "Closed",
};

export const statusTone = (s: SupportTicketStatus) => (s === "OPEN" ? ("warn" as const) : s === "ANSWERED" ? ("info" as const) : ("ok" as const));
