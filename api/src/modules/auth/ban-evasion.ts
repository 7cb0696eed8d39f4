// Ban evasion: deleting an account frees its e-mail address, so the platform keeps a keyed hash
// (HMAC-SHA256, server secret from configuration) of the normalised address of every account with
// an active ban. Sign-up with such an address is refused with ACCOUNT_BANNED while the ban stands.
// Only the hash is kept (docs/privacy.md): it cannot be reversed without the secret and matches
// only the same address.
import { createHmac } from "node:crypto";
import type { DbTx } from "../../lib/db.js";
import { DomainError } from "../../lib/errors.js";

const DEV_SECRET = "dev-only-ban-email-secret";

function secret(): string {
  const s = process.env.BAN_EMAIL_HMAC_SECRET;
  if (s) return s;
  if (process.env.NODE_ENV === "production") throw new Error("BAN_EMAIL_HMAC_SECRET must be set in production");
  return DEV_SECRET;
}

/** Lower case, trimmed, without a "+tag" in the local part: the same mailbox gives the same hash. */
export function normaliseEmail(email: string): string {
  const [local, domain] = email.trim().toLowerCase().split("@");
  return `${local.split("+")[0]}@${domain ?? ""}`;
}

export const banEmailHash = (email: string) => createHmac("sha256", secret()).update(normaliseEmail(email)).digest("hex");

/** Called when an account ban is issued. */
export async function rememberBannedEmail(tx: DbTx, user: { id: string; email: string }, enforcementId: string, now: Date): Promise<void> {
  const hash = banEmailHash(user.email);
  await tx.bannedEmailHash.upsert({ where: { hash }, create: { hash, userId: user.id, enforcementId, createdAt: now }, update: { userId: user.id, enforcementId } });
}

/** Sign-up guard: an address whose account is banned (ban not overturned) cannot come back. */
export async function assertEmailNotBanned(tx: DbTx, email: string): Promise<void> {
  const row = await tx.bannedEmailHash.findUnique({ where: { hash: banEmailHash(email) } });
  if (!row) return;
  const ban = await tx.enforcement.findFirst({ where: { id: row.enforcementId, kind: "BAN", overturnedAt: null }, select: { id: true } });
  if (ban) throw new DomainError("ACCOUNT_BANNED", "This e-mail address belongs to a banned account and cannot be used to sign up");
}
