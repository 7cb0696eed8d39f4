// Events the users module emits. Auth owns tokens: it revokes them when a user's access changes.
declare module "../../lib/events.js" {
  interface DomainEvents {
    /** The user's role or status changed: every live token of theirs ends (permissions come from the role at sign-in). */
    "users.accessChanged": { userId: string; why: string };
  }
}

export {};
