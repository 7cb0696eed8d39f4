// Jobs write through the command path as named system actors: every job's writes appear in the
// audit log with actorKind SYSTEM and the job's name, stamped with the injected clock (never the
// database's own time).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAllJobs } from "../../api/src/jobs/runner.js";
import { createLogger } from "../../api/src/lib/logger.js";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { activeMentorship, endedSession } from "../helpers/mentorships.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T09:00:00Z" });
});
afterAll(() => t?.close());

const jobDeps = () => ({ db: t.db, pubsub: t.app.pubsub, clock: t.clock, logger: createLogger("silent") }) as never;

describe("jobs act as audited system actors", () => {
  it("agreements, check-ins, session auto-end with its fee-multiplier change, the tardiness window, the log-in purge and e-mail delivery", async () => {
    // An agreement that ends on 5 March (completed by mentorships.completeAgreements).
    const short = await activeMentorship(t, { terms: { startsOn: "2026-03-02", endsOn: "2026-03-05" } });
    // A mentorship with no check-in for weeks (feedback.openCheckIns).
    const long = await activeMentorship(t, { terms: { endsOn: "2026-12-31" } });
    // A session past its end the mentor never joined (sessions.autoEnd: no-show, late penalty).
    const due = await endedSession(t, long.mentor.id, long.mentee.id, new Date("2026-03-20T10:00:00Z"));
    await t.db.session.update({ where: { id: due.id }, data: { state: "SCHEDULED", endedAt: null, endedBy: null } });
    // A late record of another mentor older than the policy window (sessions.tardinessWindow).
    const old = await endedSession(t, short.mentor.id, short.mentee.id, new Date("2026-03-02T12:00:00Z"));
    await t.db.mentorProfile.update({ where: { userId: short.mentor.id }, data: { feeMultiplierBps: 9500 } });
    await t.db.lateRecord.create({ data: { sessionId: old.id, mentorId: short.mentor.id, lateMinutes: 20, penaltyBps: 500, recordedAt: new Date("2026-03-02T12:00:00Z") } });
    // An old log-in attempt (auth.purgeLoginAttempts).
    await t.db.loginAttempt.create({ data: { email: "someone@test.local", success: false, createdAt: new Date("2026-03-02T09:00:00Z") } });
    // A due e-mail in the outbox (notifications.deliverEmails; no SMTP_URL: rendered, not sent).
    const mail = await t.db.notification.create({
      data: { userId: short.mentee.id, kind: "test", channel: "EMAIL", subject: "s", body: "b", dedupeKey: "jobs-audit-mail", sendAfter: new Date("2026-03-02T09:00:00Z") },
    });

    const at = "2026-06-15T08:30:00.000Z";
    t.clock.set(at);
    const ran = await runAllJobs(jobDeps());
    expect(Object.values(ran).filter((n) => n < 0)).toEqual([]);

    const audits = await t.db.auditLog.findMany({ where: { actorKind: "SYSTEM" } });
    // The system actor's name is the audit reason unless the entry states its own (auto-end does).
    const byJob = (job: string, action: string) =>
      audits.filter((a) => a.action === action && (a.reason === `system:${job}` || (action === "session.auto_end" && a.subjectId === due.id)));
    const expected: [string, string][] = [
      ["mentorships.completeAgreements", "agreement.complete"],
      ["feedback.openCheckIns", "checkIn.open"],
      ["sessions.autoEnd", "session.auto_end"],
      ["sessions.autoEnd", "mentor.feeMultiplier"],
      ["sessions.tardinessWindow", "mentor.feeMultiplier"],
      ["auth.purgeLoginAttempts", "auth.loginAttemptsPurged"],
      ["notifications.deliverEmails", "notification.emailSent"],
    ];
    for (const [job, action] of expected) {
      const rows = byJob(job, action);
      expect(rows.length, `${job} ${action}`).toBeGreaterThan(0);
      for (const r of rows) {
        expect(r.actorId).toBeNull();
        expect(r.createdAt.toISOString(), `${job} ${action} follows the clock`).toBe(at);
      }
    }
    // the fee-multiplier changes themselves are the tardiness module's rows, explained
    expect(await t.db.feeMultiplierChange.count({ where: { mentorId: short.mentor.id, rule: "LATE_EXPIRED" } })).toBe(1);
    expect(await t.db.feeMultiplierChange.count({ where: { mentorId: long.mentor.id, rule: "LATE_PENALTY" } })).toBe(1);
    expect(await t.db.loginAttempt.count({ where: { email: "someone@test.local" } })).toBe(0);
    expect(await t.db.notification.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({ status: "SENT", sentAt: new Date(at), attempts: 1 });
    expect(byJob("notifications.deliverEmails", "notification.emailSent").map((a) => a.subjectId)).toContain(mail.id);
  });
});
