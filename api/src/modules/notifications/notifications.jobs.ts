// E-mail delivery from the outbox. Rows are claimed with FOR UPDATE SKIP LOCKED plus a lease
// (`lockedUntil`), so several API processes never send the same row at once; a crashed sender's
// lease runs out and another process retries. Failures back off exponentially until the policy's
// attempt limit, then the row is FAILED. The Message-ID is derived from the row id, so a
// receiving server can drop the rare duplicate of a send whose success could not be recorded.
import nodemailer, { type Transporter } from "nodemailer";
import type { Job, JobDeps } from "../../jobs/runner.js";
import { currentPolicy } from "../policy/index.js";
import { loadConfig } from "../../lib/config.js";
import { z } from "zod";
import { asSystem, defineCommand, type Guard } from "../../lib/command.js";

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

const JOB = "notifications.deliverEmails";
const onlyThePlatform = (g: Guard) => {
  g.require(g.actor?.kind === "SYSTEM", "Only the platform delivers e-mail");
  g.can("update", "Notification");
};

/**
 * Claims due PENDING e-mails under a lease; returns them with the recipient's address. A lease
 * is bookkeeping of a row that stays PENDING (it runs out by itself), so claims are not audited;
 * each row's delivery outcome is.
 */
const claimEmails = defineCommand({
  name: "notifications.claimEmails",
  input: z.object({}),
  authorize: onlyThePlatform,
  run: async (c): Promise<Claimed[]> => {
    const { tx, now } = c;
    const lockedUntil = new Date(now.getTime() + LEASE_MS);
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
    return claimed.map((r) => ({ id: r.id, subject: r.subject, body: r.body, attempts: r.attempts, email: r.user.email, lockedUntil }));
  },
});

/** Gives claimed rows back (lease cleared, the attempt not counted) while we still hold the lease. */
const releaseEmailClaims = defineCommand({
  name: "notifications.releaseEmailClaims",
  input: z.object({ ids: z.array(z.string()).min(1), lockedUntil: z.date() }),
  authorize: onlyThePlatform,
  run: async (c, _none, i): Promise<number> => {
    const res = await c.tx.notification.updateMany({
      where: { id: { in: i.ids }, status: "PENDING", lockedUntil: i.lockedUntil },
      data: { lockedUntil: null, attempts: { decrement: 1 } },
    });
    return res.count;
  },
});

const outcomeInput = z.object({
  id: z.string(),
  attempts: z.number().int(),
  lockedUntil: z.date(),
  /** Absent: the message was handed to the mail server. */
  error: z.string().optional(),
});

/** Records one e-mail's outcome; only the lease holder may (a conditional update says who). */
const recordEmailOutcome = defineCommand({
  name: "notifications.recordEmailOutcome",
  input: outcomeInput,
  authorize: onlyThePlatform,
  run: async (c, _none, i): Promise<{ sent: number; exhausted: boolean }> => {
    const lease = { id: i.id, status: "PENDING" as const, lockedUntil: i.lockedUntil };
    if (i.error === undefined) {
      const res = await c.tx.notification.updateMany({ where: lease, data: { status: "SENT", sentAt: c.now, lockedUntil: null, lastError: null } });
      if (res.count) await c.audit({ action: "notification.emailSent", subjectType: "Notification", subjectId: i.id, after: { status: "SENT", attempts: i.attempts } });
      return { sent: res.count, exhausted: false };
    }
    const { values } = await currentPolicy(c.tx);
    const exhausted = i.attempts >= values.notifications.emailMaxAttempts;
    const backoffMs = values.notifications.emailRetryBaseSeconds * 1000 * 2 ** Math.max(0, i.attempts - 1);
    const lastError = i.error.slice(0, 1000);
    // A retry's backoff counts from when the batch was claimed.
    const sendAfter = new Date(i.lockedUntil.getTime() - LEASE_MS + backoffMs);
    const res = await c.tx.notification.updateMany({
      where: lease,
      data: exhausted ? { status: "FAILED", lockedUntil: null, lastError } : { sendAfter, lockedUntil: null, lastError },
    });
    if (res.count)
      await c.audit({
        action: exhausted ? "notification.emailFailed" : "notification.emailRetry",
        subjectType: "Notification",
        subjectId: i.id,
        before: { status: "PENDING" },
        after: exhausted ? { status: "FAILED", attempts: i.attempts, lastError } : { status: "PENDING", attempts: i.attempts, sendAfter, lastError },
      });
    return { sent: 0, exhausted };
  },
});

export async function deliverEmails(deps: JobDeps): Promise<number> {
  const system = asSystem(JOB, deps);
  const batch = await claimEmails(system, {});
  if (!batch.length) return 0;
  const mail = deps.mail ?? (() => {
    const c = loadConfig();
    return { smtpUrl: c.smtpUrl, mailFrom: c.mailFrom };
  })();
  const transport = mailTransport(mail.smtpUrl);
  let sent = 0;
  for (const [i, n] of batch.entries()) {
    if (deps.signal?.aborted) {
      // Shutting down: hand the unsent rest back at once instead of leaving it leased.
      const rest = batch.slice(i);
      await releaseEmailClaims(system, { ids: rest.map((r) => r.id), lockedUntil: n.lockedUntil });
      deps.logger.info({ released: rest.length }, "e-mail claims released on shutdown");
      break;
    }
    const outcome = { id: n.id, attempts: n.attempts, lockedUntil: n.lockedUntil };
    let error: unknown;
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
    } catch (err) {
      error = err;
    }
    if (error === undefined) {
      sent += (await recordEmailOutcome(system, outcome)).sent;
    } else {
      const { exhausted } = await recordEmailOutcome(system, { ...outcome, error: String((error as Error).message) });
      deps.logger.warn({ err: error, notification: n.id, attempts: n.attempts, exhausted }, "e-mail delivery failed");
    }
  }
  return sent;
}

export const deliverEmailsJob: Job = { name: JOB, run: deliverEmails };
