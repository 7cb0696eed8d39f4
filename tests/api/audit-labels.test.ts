// Audit entries name their subjects (people, sessions, mentorships, …) so staff never read bare
// ids; a subject that is gone, or of a type without a label, stays unnamed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { activeMentorship, endedSession } from "../helpers/mentorships.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T09:00:00Z" });
});
afterAll(() => t?.close());

const LOG = `query($a: String!) { auditLog(first: 20, filter: { action: $a }) { edges { node { subjectType subjectId subjectLabel } } } }`;

describe("audit subject labels", () => {
  it("people by name, a session by topic, people and time, a mentorship by its pair; unknown or deleted subjects stay null", async () => {
    const mentor = await t.user("MENTOR", { displayName: "Mara Mentor" });
    const mentee = await t.user("MENTEE", { displayName: "Milo Mentee" });
    const { mentorshipId } = await activeMentorship(t, { mentor, mentee });
    const session = await endedSession(t, mentor.id, mentee.id, new Date("2026-03-01T11:00:00Z"));
    await t.db.session.update({ where: { id: session.id }, data: { topic: "System design" } });
    const action = "test.labels";
    const subjects: [string, string][] = [
      ["User", mentee.id],
      ["Session", session.id],
      ["Mentorship", mentorshipId],
      ["User", "00000000-0000-7000-8000-000000000000"],
      ["PlatformConfig", "singleton"],
    ];
    for (const [subjectType, subjectId] of subjects) await t.db.auditLog.create({ data: { actorKind: "SYSTEM", action, subjectType, subjectId, createdAt: t.clock.now() } });

    const support = await t.user("SUPPORT");
    const rows = (await t.ok(LOG, { a: action }, support.token)).auditLog.edges.map((e: { node: unknown }) => e.node);
    const label = (type: string, id: string) => rows.find((r: { subjectType: string; subjectId: string }) => r.subjectType === type && r.subjectId === id)?.subjectLabel;
    expect(label("User", mentee.id)).toBe("Milo Mentee");
    expect(label("Session", session.id)).toBe("System design · Mara Mentor → Milo Mentee · 2026-03-01 10:00 UTC");
    expect(label("Mentorship", mentorshipId)).toBe("Mara Mentor → Milo Mentee");
    expect(label("User", "00000000-0000-7000-8000-000000000000")).toBeNull();
    expect(label("PlatformConfig", "singleton")).toBeNull();
    // a mentee may not read the audit log at all, labels included
    const denied = await t.gql(LOG, { a: action }, mentee.token);
    expect(denied.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
