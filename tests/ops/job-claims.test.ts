// Shutdown releases job claims: the e-mail job finishes the message it is sending and hands the
// rest of its leased batch back at once (no lease left to run out), without counting an attempt.
// Also: once stopping, the job runner starts no further job.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { deliverEmails, mailTransport } from "../../api/src/modules/notifications/notifications.jobs.js";
import { runAllJobs, type Job } from "../../api/src/jobs/runner.js";
import { createLogger } from "../../api/src/lib/logger.js";

let t: TestApp;
const logger = createLogger("silent");
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe("job claims on shutdown", () => {
  it("sends the current e-mail, then releases the rest of the claimed batch", async () => {
    const u = await t.user("MENTEE");
    for (let i = 0; i < 3; i++)
      await t.db.notification.create({ data: { userId: u.id, kind: "test", channel: "EMAIL", subject: `s${i}`, body: "b", dedupeKey: `claims-${i}`, sendAfter: new Date(t.clock.now().getTime() - 1000 * (3 - i)) } });
    const abort = new AbortController();
    // Shutdown arrives while the first e-mail is being sent (json transport: no SMTP server needed).
    const transport = mailTransport(undefined);
    const send = transport.sendMail.bind(transport);
    transport.sendMail = ((msg: never) => {
      abort.abort();
      return send(msg);
    }) as typeof transport.sendMail;
    try {
      const sent = await deliverEmails({ db: t.db, pubsub: t.app.pubsub, clock: t.clock, logger, signal: abort.signal, mail: { smtpUrl: undefined, mailFrom: "x@test.local" } });
      expect(sent).toBe(1);
    } finally {
      transport.sendMail = send;
    }
    const rows = await t.db.notification.findMany({ where: { userId: u.id }, orderBy: { subject: "asc" } });
    expect(rows.map((r) => [r.subject, r.status, r.lockedUntil, r.attempts])).toEqual([
      ["s0", "SENT", null, 1],
      ["s1", "PENDING", null, 0],
      ["s2", "PENDING", null, 0],
    ]);
  });

  it("starts no further job once stopping", async () => {
    const abort = new AbortController();
    const ran: string[] = [];
    const job = (name: string): Job => ({ name, run: async () => (ran.push(name), name === "first" && abort.abort(), 0) });
    await runAllJobs({ db: t.db, pubsub: t.app.pubsub, clock: t.clock, logger, signal: abort.signal }, [job("first"), job("second")]);
    expect(ran).toEqual(["first"]);
  });
});
