// Account deletion (seed 004 privacy policy). In one transaction:
// ERASED (rows deleted): notifications, calendar feed, availability rules and exceptions, login
//   attempts (by e-mail) — personal, and nothing else depends on them.
// ANONYMISED: the User row (e-mail, name, password, time zone replaced; status DEACTIVATED), the
//   mentor profile (headline, bio, expertise cleared; no longer approved), the user's feedback
//   and check-in comments (ratings kept: they are part of other people's aggregates).
// REVOKED: every sign-in token. Open mentorships end; open agreement proposals are withdrawn.
// KEPT, pointing at the anonymised user row, because the law or platform safety requires them:
//   - money records: Session (the booked service), Charge, Refund, PartialRefundRequest,
//     Dispute, DisputeNote — accounting and tax retention, chargeback and dispute evidence;
//   - enforcement records: Report, Enforcement, Appeal, AuditLog — legal claims, and ban
//     evasion: a banned user must not come back clean by deleting the account;
//   - proofs of consent: PolicyAcceptance (which terms governed), RecordingConsent (seed 000
//     written consent), accepted MentorshipAgreement versions (immutable contracts).
//   Rows of other modules (certificates, ...) stay but no longer identify the person: the user
//   row they reference is anonymised.
// Privacy decides; the owners of the tables act on `privacy.accountDeleted` (privacy.events.ts).
// SCRUBBED (scrub.ts): the person's chat messages, forum posts and ticket texts are replaced by a
//   placeholder, except rows held for an open report or dispute, scrubbed when that closes (job).
// Deletion waits while the user has upcoming or live sessions: those need a cancellation with
// its refund rules first (sessions module), not a silent disappearance.
import { z } from "zod";
import { defineCommand } from "../../lib/command.js";
import { DomainError } from "../../lib/errors.js";
import { zText } from "../../lib/validate.js";
import { verifyPassword } from "../../lib/password.js";
import type { Actor } from "../../authz/viewer.js";
import type { AccountDeletionRequest } from "../../generated/prisma/client.js";
import { revokeAllSessions, announceRevoked } from "../auth/index.js";
import { anonymiseUser, anonymisedEmail } from "../users/index.js";
import { SCRUBBED_TEXT } from "./scrub.js";
import "./privacy.events.js";

const deleteInput = z.object({ password: z.string().min(1, "is required").max(200), reason: zText(2000).default("") });

export { anonymisedEmail };

export const requestAccountDeletion = defineCommand({
  name: "privacy.deleteAccount",
  input: deleteInput,
  authorize: (g) => g.can("create", "AccountDeletionRequest", { userId: g.user().id }, "Staff accounts are closed by an admin"),
  run: async (c, _none, i): Promise<AccountDeletionRequest> => {
    const { tx, now } = c;
    const userId = (c.actor as Extract<Actor, { kind: "USER" }>).id;
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    if (!(await verifyPassword(i.password, user.passwordHash))) throw new DomainError("BAD_USER_INPUT", "password: is not correct", { fields: { password: "is not correct" } });
    const upcoming = await tx.session.count({ where: { OR: [{ mentorId: userId }, { menteeId: userId }], state: { in: ["SCHEDULED", "LIVE"] } } });
    if (upcoming) throw new DomainError("PRECONDITION_FAILED", `Cancel or finish your ${upcoming} upcoming session(s) first`, { upcomingSessions: upcoming });
    const summary: Record<string, number> = {};
    summary.tokensRevoked = await revokeAllSessions(tx, userId, now, "account deleted");
    // Every other module erases, scrubs or ends its own rows and adds its counts to the summary.
    await c.emit("privacy.accountDeleted", { userId, email: user.email, reason: i.reason, scrubbedText: SCRUBBED_TEXT, summary });
    // The users module owns the User row and the mentor profile: it anonymises them.
    await anonymiseUser(tx, userId);
    const row = await tx.accountDeletionRequest.create({ data: { userId, reason: i.reason, requestedAt: now, completedAt: now, summary } });
    await c.audit({ action: "account.delete", subjectType: "User", subjectId: userId, after: summary, reason: "requested by the user" });
    // Every token just ended: other processes drop the cached viewer and close its sockets.
    c.afterCommit((pubsub) => announceRevoked(pubsub, userId, null));
    return row;
  },
});
