// realtime session events (authorised on subscribe, filtered per event) and the
// multi-process auto-end (two job runners on one database end each due session exactly once).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, subscribe, type TestApp } from "../helpers/app.js";
import { runAllJobs, type JobDeps } from "../../api/src/jobs/runner.js";
import { autoEndSessionsJob } from "../../api/src/modules/sessions/sessions.jobs.js";
import { openDatabase } from "../../api/src/lib/db.js";
import { logger } from "../../api/src/lib/logger.js";
import { JOIN, at, book, mentorWithHours } from "../helpers/sessions.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T06:00:00Z" });
});
afterAll(() => t?.close());

const SUB_ONE = `subscription($id: ID!) { sessionUpdated(id: $id) { id state presence { kind party } } }`;
const SUB_ALL = `subscription { liveSessions { id state mentee { id } } }`;

describe("subscriptions", () => {
  it("deliver state changes to a participant and to staff, never to an unrelated mentee", async () => {
    t.clock.set("2026-03-02T06:00:00Z");
    const m = await mentorWithHours(t);
    const m2 = await mentorWithHours(t);
    const [mentee, stranger, support] = [await t.user("MENTEE"), await t.user("MENTEE"), await t.user("SUPPORT")];
    const s = await book(t, mentee, m, "2026-03-02T10:00:00Z");

    // authorised on subscribe: a stranger cannot watch someone else's session
    const refused = subscribe(t.ws(stranger.token), SUB_ONE, { id: s.id });
    await refused.until(() => refused.events.length > 0 || refused.error !== undefined || refused.completed);
    expect(refused.events[0]?.errors?.[0]?.extensions?.code ?? (refused.error as any)?.[0]?.extensions?.code).toBe("NOT_FOUND");

    const participant = subscribe(t.ws(mentee.token), SUB_ONE, { id: s.id });
    const staff = subscribe(t.ws(support.token), SUB_ALL);
    const other = subscribe(t.ws(stranger.token), SUB_ALL);
    await t.listening("sessionUpdated", 1);
    await t.listening("liveSessions", 2);

    t.clock.set("2026-03-02T09:55:00Z");
    await t.ok(JOIN, { id: s.id }, mentee.token);
    await participant.until(() => participant.events.some((e) => e.data?.sessionUpdated.state === "LIVE"));
    expect(participant.events.at(-1)!.data.sessionUpdated.presence).toEqual([{ kind: "JOIN", party: "MENTEE" }]);
    await staff.until(() => staff.events.some((e) => e.data?.liveSessions.id === s.id && e.data.liveSessions.state === "LIVE"));

    // a later event of the stranger's own session reaches the stranger: everything before it
    // was filtered out, not merely slow
    t.clock.set("2026-03-02T06:00:00Z");
    const own = await book(t, stranger, m2, "2026-03-02T12:00:00Z");
    await other.until(() => other.events.some((e) => e.data?.liveSessions.id === own.id));
    expect(other.events.map((e) => e.data?.liveSessions.id)).toEqual([own.id]);
    expect(other.events.every((e) => e.data?.liveSessions.mentee.id === stranger.id)).toBe(true);
    // staff saw both sessions
    await staff.until(() => staff.events.some((e) => e.data?.liveSessions.id === own.id));
    expect(participant.events.every((e) => e.data?.sessionUpdated.id === s.id)).toBe(true);
  });
});

describe("several API processes", () => {
  it("two job runners on one database end each due session exactly once", async () => {
    t.clock.set("2026-03-10T06:00:00Z");
    const m = await mentorWithHours(t);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const mentee = await t.user("MENTEE");
      const s = await book(t, mentee, m, at(new Date("2026-03-10T09:00:00Z"), i * 90), 60);
      ids.push(s.id);
      t.clock.set(new Date(s.startsAt));
      await t.ok(JOIN, { id: s.id }, mentee.token);
      await t.ok(JOIN, { id: s.id }, m.token);
      t.clock.set("2026-03-10T06:00:00Z");
    }
    t.clock.set("2026-03-11T06:00:00Z");
    // the second "process": its own client and connection pool on the same database
    const url = (t.app.database as { url?: string }).url;
    const second = url ? await openDatabase({ databaseUrl: url, poolMax: 4 }) : undefined;
    const due = await t.db.session.count({ where: { state: { in: ["SCHEDULED", "LIVE"] }, endsAt: { lte: t.clock.now() } } });
    expect(due).toBeGreaterThanOrEqual(ids.length);
    const deps = (db: JobDeps["db"]): JobDeps => ({ db, pubsub: t.app.pubsub, clock: t.clock, logger }) as JobDeps;
    try {
      const [a, b] = await Promise.all([
        runAllJobs(deps(t.db), [autoEndSessionsJob]),
        runAllJobs(deps(second?.db ?? t.db), [autoEndSessionsJob]),
      ]);
      expect(a["sessions.autoEnd"]).toBeGreaterThanOrEqual(0);
      expect(b["sessions.autoEnd"]).toBeGreaterThanOrEqual(0);
      expect(a["sessions.autoEnd"] + b["sessions.autoEnd"]).toBe(due);
    } finally {
      await second?.close();
    }
    for (const id of ids) {
      expect((await t.db.session.findUniqueOrThrow({ where: { id } })).state).toBe("ENDED");
      expect(await t.db.sessionPresence.count({ where: { sessionId: id, kind: "AUTO_END" } })).toBe(1);
      expect(await t.db.auditLog.count({ where: { subjectId: id, action: "session.auto_end" } })).toBe(1);
    }
  });
});
