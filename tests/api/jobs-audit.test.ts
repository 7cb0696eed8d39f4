// Jobs write through the command path as named system actors: every job's writes appear in the
// audit log with actorKind SYSTEM and the job's name, stamped with the injected clock (never the
// database's own time).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAllJobs } from "../../api/src/jobs/runner.js";
import { createLogger } from "../../api/src/lib/logger.js";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { activeMentorship, endedSession } from "../helpers/mentorships.js";
import { REQUEST_PARTIAL, hungUpSession, newKey } from "../helpers/money.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T09:00:00Z" });
});
afterAll(() => t?.close());

const jobDeps = () => ({ db: t.db, pubsub: t.app.pubsub, clock: t.clock, logger: createLogger("silent") }) as never;

describe("jobs act as audited system actors", () => {
  it("agreements, check-ins, session auto-end with its fee-multiplier change, the tardiness window, the log-in purge, certificates, the partial-refund payout and e-mail delivery", async () => {
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
    // An enrolled mentee whose criteria a later ended session completes (certifications.issue).
    const admin = await t.user("ADMIN");
    const certProgram = (
      await t.ok(`mutation($i: CreateCertificationProgramInput!) { createCertificationProgram(input: $i) { id } }`, { i: { name: "Job Audit Certificate", minCompletedSessions: 1, rubric: [{ key: "delivery", label: "Delivery", maxPoints: 10 }] } }, admin.token)
    ).createCertificationProgram.id;
    const learner = await activeMentorship(t);
    await t.ok(`mutation($p: ID!) { enrollInCertification(programId: $p) { menteeId } }`, { p: certProgram }, learner.mentee.token);
    await endedSession(t, learner.mentor.id, learner.mentee.id, new Date("2026-03-03T10:00:00Z"));
    expect(await t.db.certificate.count({ where: { menteeId: learner.mentee.id } })).toBe(0);
    // An old log-in attempt (auth.purgeLoginAttempts).
    await t.db.loginAttempt.create({ data: { email: "someone@test.local", success: false, createdAt: new Date("2026-03-02T09:00:00Z") } });
    // A partial refund request nobody contested (money.payUncontestedPartialRefunds).
    const hung = await hungUpSession(t);
    const prr = (await t.ok(REQUEST_PARTIAL, { i: { sessionId: hung.s.id, idempotencyKey: newKey("jobs") } }, hung.mentee.token)).requestPartialRefund;
    // A due e-mail in the outbox (notifications.deliverEmails; no SMTP_URL: rendered, not sent).
    const mail = await t.db.notification.create({
      data: { userId: short.mentee.id, kind: "test", channel: "EMAIL", subject: "s", body: "b", dedupeKey: "jobs-audit-mail", sendAfter: new Date("2026-03-02T09:00:00Z") },
    });

    const at = "2026-06-15T08:30:00.000Z";
    t.clock.set(at);
    const ran = await runAllJobs(jobDeps());
    expect(Object.values(ran).filter((n) => n < 0)).toEqual([]);

    const audits = await t.db.auditLog.findMany({ where: { actorKind: "SYSTEM" } });
    const payout = await t.db.refund.findUniqueOrThrow({ where: { partialRefundRequestId: prr.id } });
    expect(payout).toMatchObject({ kind: "HANG_UP", actorKind: "SYSTEM", createdAt: new Date(at) });
    // The system actor's name is the audit reason unless the entry states its own (auto-end and
    // the payout's refund do).
    const ownReason: Record<string, string> = { "session.auto_end": due.id, "refund.hang_up": payout.id };
    const byJob = (job: string, action: string) => audits.filter((a) => a.action === action && (a.reason === `system:${job}` || ownReason[action] === a.subjectId));
    const expected: [string, string][] = [
      ["mentorships.completeAgreements", "agreement.complete"],
      ["feedback.openCheckIns", "checkIn.open"],
      ["sessions.autoEnd", "session.auto_end"],
      ["sessions.autoEnd", "mentor.feeMultiplier"],
      ["sessions.tardinessWindow", "mentor.feeMultiplier"],
      ["auth.purgeLoginAttempts", "auth.loginAttemptsPurged"],
      ["certifications.issue", "certification.issue"],
      ["money.payUncontestedPartialRefunds", "refund.hang_up"],
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
    // the certificate is the job's, stamped with the clock, issued by no user
    const cert = await t.db.certificate.findFirstOrThrow({ where: { menteeId: learner.mentee.id, programId: certProgram } });
    expect(cert).toMatchObject({ issuedBy: "AUTOMATIC", issuedById: null, issuedAt: new Date(at) });
    expect(byJob("certifications.issue", "certification.issue").map((a) => a.subjectId)).toEqual([cert.id]);
    expect(await t.db.notification.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({ status: "SENT", sentAt: new Date(at), attempts: 1 });
    expect(byJob("notifications.deliverEmails", "notification.emailSent").map((a) => a.subjectId)).toContain(mail.id);
  });
});
