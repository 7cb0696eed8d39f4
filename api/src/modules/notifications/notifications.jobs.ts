// E-mail delivery from the outbox. Rows are claimed with FOR UPDATE SKIP LOCKED plus a lease
// (`lockedUntil`), so several API processes never send the same row at once; a crashed sender's
// lease runs out and another process retries. Failures back off exponentially until the policy's
// attempt limit, then the row is FAILED. The Message-ID is derived from the row id, so a
// receiving server can drop the rare duplicate of a send whose success could not be recorded.
import nodemailer, { type Transporter } from "nodemailer";
import type { Job, JobDeps } from "../../jobs/runner.js";
import { currentPolicy } from "../policy/index.js";
import { loadConfig } from "../../lib/config.js";

const BATCH = 20;
const LEASE_MS = 2 * 60_000;

const transports = new Map<string, Transporter>();
/** One transport per SMTP URL; without SMTP_URL (development) mails are rendered as JSON and logged. */
export function mailTransport(smtpUrl: string | undefined): Transporter {
  const key = smtpUrl ?? "json";
  let t = transports.get(key);
  if (!t) {
    t = smtpUrl ? nodemailer.createTransport(smtpUrl) : nodemailer.createTransport({ jsonTransport: true });
    transports.set(key, t);
  }
  return t;
}

export function closeMailTransports(): void {
  for (const t of transports.values()) t.close();
  transports.clear();
}

interface Claimed {
  id: string;
  subject: string;
  body: string;
  attempts: number;
  email: string;
  lockedUntil: Date;
}

/** Claims due PENDING e-mails under a lease; returns them with the recipient's address. */
async function claim(deps: JobDeps, now: Date): Promise<Claimed[]> {
  const lockedUntil = new Date(now.getTime() + LEASE_MS);
  return deps.db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Notification"
      WHERE "status" = 'PENDING' AND "channel" = 'EMAIL' AND "sendAfter" <= ${now}
        AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now})
      ORDER BY "sendAfter", "id"
      LIMIT ${BATCH}
      FOR UPDATE SKIP LOCKED`;
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    await tx.notification.updateMany({ where: { id: { in: ids } }, data: { lockedUntil, attempts: { increment: 1 } } });
    const claimed = await tx.notification.findMany({
      where: { id: { in: ids } },
      select: { id: true, subject: true, body: true, attempts: true, user: { select: { email: true } } },
    });
    return claimed.map((c) => ({ id: c.id, subject: c.subject, body: c.body, attempts: c.attempts, email: c.user.email, lockedUntil }));
  });
}

/** Gives claimed rows back (lease cleared, the attempt not counted) while we still hold the lease. */
async function releaseClaims(deps: JobDeps, rows: Claimed[]): Promise<void> {
  if (!rows.length) return;
  await deps.db.notification.updateMany({
    where: { id: { in: rows.map((r) => r.id) }, status: "PENDING", lockedUntil: rows[0].lockedUntil },
    data: { lockedUntil: null, attempts: { decrement: 1 } },
  });
  deps.logger.info({ released: rows.length }, "e-mail claims released on shutdown");
}

export async function deliverEmails(deps: JobDeps): Promise<number> {
  const now = deps.clock.now();
  const batch = await claim(deps, now);
  if (!batch.length) return 0;
  const mail = deps.mail ?? (() => {
    const c = loadConfig();
    return { smtpUrl: c.smtpUrl, mailFrom: c.mailFrom };
  })();
  const { values } = await currentPolicy(deps.db);
  const transport = mailTransport(mail.smtpUrl);
  let sent = 0;
  for (const [i, n] of batch.entries()) {
    if (deps.signal?.aborted) {
      // Shutting down: hand the unsent rest back at once instead of leaving it leased.
      await releaseClaims(deps, batch.slice(i));
      break;
    }
    try {
      const info = await transport.sendMail({
        from: mail.mailFrom,
        to: n.email,
        subject: n.subject,
        text: n.body,
        messageId: `<${n.id}@notifications.${mail.mailFrom.split("@")[1] ?? "localhost"}>`,
        headers: { "X-Notification-Id": n.id },
      });
      if (!mail.smtpUrl) deps.logger.info({ notification: n.id, message: (info as { message?: unknown }).message }, "e-mail rendered (no SMTP_URL)");
      // Only the lease holder records the outcome.
      const res = await deps.db.notification.updateMany({
        where: { id: n.id, status: "PENDING", lockedUntil: n.lockedUntil },
        data: { status: "SENT", sentAt: deps.clock.now(), lockedUntil: null, lastError: null },
      });
      sent += res.count;
    } catch (err) {
      const exhausted = n.attempts >= values.notifications.emailMaxAttempts;
      const backoffMs = values.notifications.emailRetryBaseSeconds * 1000 * 2 ** Math.max(0, n.attempts - 1);
      await deps.db.notification.updateMany({
        where: { id: n.id, status: "PENDING", lockedUntil: n.lockedUntil },
        data: exhausted
          ? { status: "FAILED", lockedUntil: null, lastError: String((err as Error).message).slice(0, 1000) }
          : { sendAfter: new Date(now.getTime() + backoffMs), lockedUntil: null, lastError: String((err as Error).message).slice(0, 1000) },
      });
      deps.logger.warn({ err, notification: n.id, attempts: n.attempts, exhausted }, "e-mail delivery failed");
    }
  }
  return sent;
}

export const deliverEmailsJob: Job = { name: "notifications.deliverEmails", run: deliverEmails };
