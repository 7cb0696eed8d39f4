// The domain events account deletion emits inside its transaction. Each module that owns a table
// holding the person's data handles them and erases, anonymises or ends its own rows; privacy
// only decides that the account goes and records what was done.

/** Counts per kind of row the handlers erased, scrubbed or ended (stored with the request). */
export type DeletionSummary = Record<string, number>;

/** What the owners of authored text report after replacing it by the placeholder. */
export interface ScrubCounts {
  chat?: number;
  forum?: number;
  tickets?: number;
  /** Rows kept as evidence of an open report or dispute (scrubbed once that closes). */
  held?: number;
}

declare module "../../lib/events.js" {
  interface DomainEvents {
    /**
     * The person deleted their account. Handlers erase their personal rows and add the count of
     * each kind under its summary key (e.g. `notificationsDeleted`, `chatScrubbed`).
     */
    "privacy.accountDeleted": {
      userId: string;
      /** The e-mail before anonymisation (log-in attempts are keyed by it). */
      email: string;
      reason?: string;
      /** Text that replaces what the person wrote. */
      scrubbedText: string;
      summary: DeletionSummary;
    };
    /** A deleted account's held texts are scrubbed again, now that their report or dispute may have closed. */
    "privacy.releasedContentScrub": {
      userId: string;
      scrubbedText: string;
      counts: ScrubCounts;
    };
  }
}

export {};
