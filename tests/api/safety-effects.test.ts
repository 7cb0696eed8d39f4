// Effects of an enforcement: tokens and live sockets, a banned mentor's bookings, e-mail notices
// through a real SMTP server, and the staff feed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { startTestApp, subscribe, codes, type TestApp, type TestUser } from "../helpers/app.js";
import { ISSUE, LOG_IN, PASSWORD, report, users } from "../helpers/safety.js";
import { book, mentorWithHours } from "../helpers/sessions.js";
import { deliverEmails, closeMailTransports } from "../../api/src/modules/notifications/notifications.jobs.js";
import { logger } from "../../api/src/lib/logger.js";

interface Received {
  to: string[];
  raw: string;
}

let t: TestApp;
let support: TestUser;
let smtp: SMTPServer;
let smtpUrl: string;
const inbox: Received[] = [];
let failNext = 0;

beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T09:00:00Z" });
  support = await t.user("SUPPORT");
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, cb) {
      let raw = "";
      stream.on("data", (c: Buffer) => (raw += c.toString("utf8")));
      stream.on("end", () => {
        if (failNext > 0) {
          failNext--;
          const err = Object.assign(new Error("Mailbox busy, try later"), { responseCode: 451 });
          return cb(err);
        }
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  closeMailTransports();
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  await t?.close();
});

const runMailJob = () => deliverEmails({ db: t.db, pubsub: t.app.pubsub, clock: t.clock, logger, mail: { smtpUrl, mailFrom: "trust@headstrt.test" } });

/** Quoted-printable soft breaks and escapes, as nodemailer writes long lines. */
const decode = (raw: string) => raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));

describe("effects of a ban", () => {
  it("revokes the tokens and closes a live subscription at once", async () => {
    const mentor = await t.user("MENTOR");
    const client = t.ws(mentor.token);
    const sub = subscribe(client, `subscription { notificationAdded { id kind } }`);
    await t.listening("notificationAdded");
    await t.ok(ISSUE, { i: { userId: mentor.id, kind: "BAN", reason: "recording sessions without consent" } }, support.token);
    await sub.until(() => sub.error !== undefined || sub.completed);
    expect((sub.error as { code?: number }).code).toBe(4403);
    expect(await t.db.authSession.count({ where: { userId: mentor.id, revokedAt: null } })).toBe(0);
    expect(codes(await t.gql(`{ viewer { id } }`, {}, mentor.token))).toEqual(["UNAUTHENTICATED"]);
    const again = subscribe(t.ws(mentor.token), `query { viewer { id } }`);
    await again.until(() => again.error !== undefined);
    expect((again.error as { code?: number }).code).toBe(4403);
  });

  it("cancels a banned mentor's future bookings with a full refund; past ones stay", async () => {
    const mentor = await mentorWithHours(t, { rate: 8000 });
    const [a, b] = await users(t, "MENTEE", 2);
    const soon = await book(t, a, mentor, "2026-03-04T10:00:00Z", 60);
    const later = await book(t, b, mentor, "2026-03-20T10:00:00Z", 90);
    const otherMentor = await mentorWithHours(t);
    const unrelated = await book(t, a, otherMentor, "2026-03-21T10:00:00Z", 60);
    t.clock.set("2026-03-05T09:00:00Z");
    await t.ok(ISSUE, { i: { userId: mentor.id, kind: "BAN", reason: "deceptive advice" } }, (await relogin(support), support.token));
    const rows = await t.db.session.findMany({ where: { id: { in: [soon.id, later.id, unrelated.id] } }, orderBy: { startsAt: "asc" } });
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId[soon.id].state).toBe("SCHEDULED"); // already past: not a future booking
    expect(byId[unrelated.id].state).toBe("SCHEDULED");
    const charge = await t.db.charge.findUniqueOrThrow({ where: { sessionId: later.id } });
    expect(byId[later.id]).toMatchObject({ state: "CANCELLED", cancelledBy: "STAFF", refundPercent: 100, refundDueMinor: charge.amountMinor });
    expect(charge.amountMinor).toBe(later.priceMinor);
    // paid back through the money ledger, in full, once
    const refunds = await t.db.refund.findMany({ where: { sessionId: { in: [soon.id, later.id, unrelated.id] } } });
    expect(refunds.map((r) => [r.sessionId, r.amountMinor, r.kind])).toEqual([[later.id, charge.amountMinor, "ENFORCEMENT"]]);
    expect(await t.db.notification.count({ where: { userId: b.id, kind: "session.cancelled", channel: "EMAIL" } })).toBe(1);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "safety.enforce", after: { path: ["userId"], equals: mentor.id } } });
    expect(audit.after).toMatchObject({ effects: { bookings: { cancelled: 1, refundedMinor: charge.amountMinor }, status: { from: "ACTIVE", to: "BANNED" } } });
  });
});

describe("feature suspension in another module", () => {
  it("a booking strike makes bookSession answer FEATURE_SUSPENDED with reason and end date", async () => {
    await relogin(support);
    const mentor = await mentorWithHours(t);
    const [blocked, free] = await users(t, "MENTEE", 2);
    const e = (await t.ok(ISSUE, { i: { userId: blocked.id, kind: "STRIKE", scope: "FEATURE", feature: "booking", reason: "repeated no-shows with abusive messages" } }, support.token)).issueEnforcement;
    const start = new Date(t.clock.now().getTime() + 3 * 86_400_000).toISOString().slice(0, 13) + ":00:00Z";
    const r = await t.gql(`mutation($i: BookSessionInput!) { bookSession(input: $i) { id } }`, { i: { mentorId: mentor.id, startsAt: start, durationMinutes: 60 } }, blocked.token);
    expect(codes(r)).toEqual(["FEATURE_SUSPENDED"]);
    expect(r.errors![0].extensions).toMatchObject({ feature: "booking", reason: "repeated no-shows with abusive messages", endsAt: e.endsAt });
    expect((await book(t, free, mentor, start)).id).toBeTruthy();
  });
});

async function relogin(u: TestUser) {
  const r = await t.gql(LOG_IN, { i: { email: u.email, password: PASSWORD } });
  if (r.data) u.token = r.data.logIn.token;
  return r;
}

describe("e-mail notices", () => {
  it("arrive at the SMTP server once, in the platform's terminology, with reason, consequence, end date and appeal deadline", async () => {
    await relogin(support);
    const admin = await t.user("ADMIN");
    await t.ok(`mutation { updatePlatform(input: { mentorLabel: "expert", menteeLabel: "client" }) { mentorLabel } }`, {}, admin.token);
    const mentor = await t.user("MENTOR");
    const e = (await t.ok(ISSUE, { i: { userId: mentor.id, kind: "STRIKE", reason: "shouting at a client", category: "RUDENESS" } }, support.token)).issueEnforcement;
    inbox.length = 0;
    // two processes' jobs at once: each e-mail goes out exactly once
    await Promise.all([runMailJob(), runMailJob()]);
    await runMailJob();
    const mine = inbox.filter((m) => m.to.includes(mentor.email));
    expect(mine).toHaveLength(1);
    const text = decode(mine[0].raw);
    expect(text).toMatch(/Subject: Headstrt Trust & Safety: Strike until 2026-/);
    expect(text).toContain("Reason: shouting at a client");
    expect(text).toContain("Violation: rudeness or indecency");
    expect(text).toMatch(/Consequence: Access to your Headstrt account is suspended until /);
    expect(text).toContain(`End date: ${new Date(e.endsAt).toISOString().slice(0, 16).replace("T", " ")} UTC`);
    expect(text).toContain(`appeal this decision until ${new Date(e.appealDeadline).toISOString().slice(0, 16).replace("T", " ")} UTC`);
    expect(text).toContain("your activity as an expert");
    const row = await t.db.notification.findFirstOrThrow({ where: { userId: mentor.id, kind: "safety.enforcement", channel: "EMAIL" } });
    expect(row).toMatchObject({ status: "SENT", attempts: 1 });
    // the in-app notice exists too
    expect(await t.db.notification.count({ where: { userId: mentor.id, kind: "safety.enforcement", channel: "IN_APP" } })).toBe(1);
    await t.ok(`mutation { updatePlatform(input: { mentorLabel: "mentor", menteeLabel: "mentee" }) { mentorLabel } }`, {}, admin.token);
  });

  it("retries a failed delivery with backoff, then delivers", async () => {
    const mentee = await t.user("MENTEE");
    await t.ok(ISSUE, { i: { userId: mentee.id, kind: "WARNING", reason: "asked a mentor for a phone number" } }, support.token);
    inbox.length = 0;
    failNext = 1;
    expect(await runMailJob()).toBe(0);
    let row = await t.db.notification.findFirstOrThrow({ where: { userId: mentee.id, kind: "safety.enforcement", channel: "EMAIL" } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, lockedUntil: null });
    expect(row.lastError).toMatch(/451|busy/i);
    expect(row.sendAfter.getTime() - t.clock.now().getTime()).toBe(60_000);
    // not before the backoff has passed
    await runMailJob();
    expect(inbox.filter((m) => m.to.includes(mentee.email))).toHaveLength(0);
    t.clock.advance(61_000);
    await runMailJob();
    expect(inbox.filter((m) => m.to.includes(mentee.email))).toHaveLength(1);
    row = await t.db.notification.findUniqueOrThrow({ where: { id: row.id } });
    expect(row).toMatchObject({ status: "SENT", attempts: 2 });
  });
});

describe("staff feed", () => {
  it("streams new reports and enforcement changes to staff only", async () => {
    await relogin(support);
    const client = t.ws(support.token);
    const feed = subscribe(client, `subscription { safetyFeed { kind report { id category } enforcement { id kind } } }`);
    await t.listening("safetyFeed");
    const mentor = await t.user("MENTOR");
    const [mentee] = await users(t, "MENTEE", 1);
    const r = await report(t, mentee, mentor.id, "HARASSMENT");
    const e = (await t.ok(ISSUE, { i: { userId: mentor.id, kind: "WARNING", reason: "harassment" } }, support.token)).issueEnforcement;
    await feed.until(() => feed.events.length >= 2);
    expect(feed.events.map((x) => x.data!.safetyFeed)).toEqual([
      { kind: "REPORT_FILED", report: { id: r.id, category: "HARASSMENT" }, enforcement: null },
      { kind: "ENFORCEMENT_ISSUED", report: null, enforcement: { id: e.id, kind: "WARNING" } },
    ]);
    const denied = subscribe(t.ws(mentee.token), `subscription { safetyFeed { kind } }`);
    await denied.until(() => denied.events.length > 0 || denied.error !== undefined || denied.completed);
    expect(denied.events[0]?.errors?.[0]?.extensions?.code ?? (denied.error as any)?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
