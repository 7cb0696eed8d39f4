// The domain events trust & safety emits inside its transactions. The owners of the tables they
// touch handle them: sessions cancels and refunds a banned mentor's bookings and those inside a suspension, users decline a
// banned user's pending applications and set the account status an enforcement calls for,
// tardiness lowers the fee multiplier after an upheld rudeness complaint. Handlers record what
// they did in `effects` (it goes into the audit entry).
import type { AccountStatus, EnforcementKind, EnforcementScope, ReportCategory, Role } from "../../generated/prisma/enums.js";

/** One booking the enforcement cancelled, with what its payer got back. */
export interface CancelledBooking {
  id: string;
  startsAt: Date;
  mentorId: string;
  menteeId: string;
  refundedMinor: number;
  currency: string;
}

/** What the handlers of `safety.enforcementIssued` did (the audit entry and the decision preview read it). */
export interface EnforcementEffects {
  bookings?: { cancelled: number; refundedMinor: number; kept?: number; sessions: CancelledBooking[] };
  [other: string]: unknown;
}

declare module "../../lib/events.js" {
  interface DomainEvents {
    "safety.enforcementIssued": {
      enforcementId: string;
      userId: string;
      role: Role;
      kind: EnforcementKind;
      scope: EnforcementScope;
      /** End of a temporary restriction; null: none. */
      endsAt: Date | null;
      /** The bookings inside the restriction that sessions cancels and refunds in full (null: none). */
      suspendsBookings: "ACCOUNT" | "BOOKING" | null;
      effects: EnforcementEffects;
    };
    /**
     * The user's standing calls for another account status (an enforcement applied, overturned
     * or ended). The users module owns the status and writes it.
     */
    "safety.standingChanged": {
      userId: string;
      status: Extract<AccountStatus, "ACTIVE" | "SUSPENDED" | "BANNED">;
      /**
       * Change only an account still in this status (a conditional update: a concurrent writer
       * that changed it first wins, and nothing is changed). Omitted: whatever the status is.
       */
      expectedStatus?: AccountStatus;
      /** Set by the handler: whether the status was written (false: it had changed meanwhile). */
      effects: { changed?: boolean };
    };
    "safety.complaintUpheld": {
      reportId: string;
      subjectId: string;
      category: ReportCategory;
      sessionId: string | null;
      effects: Record<string, unknown>;
    };
  }
}

export {};
