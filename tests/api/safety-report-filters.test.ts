// The reports queue filtered by person: the reports someone filed and the reports about them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, type TestApp } from "../helpers/app.js";
import { report, users } from "../helpers/safety.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T09:00:00Z" });
});
afterAll(() => t?.close());

const REPORTS = `query($f: ReportFilter) { reports(first: 50, filter: $f) { edges { node { id reporter { id } subject { id } } } } }`;

describe("reports filter by reporter", () => {
  it("staff list the reports one person filed, and combine it with the subject filter", async () => {
    const support = await t.user("SUPPORT");
    const [a, b] = await users(t, "MENTEE", 2);
    const [m1, m2] = await users(t, "MENTOR", 2);
    const byA1 = await report(t, a, m1.id, "RUDENESS");
    const byA2 = await report(t, a, m2.id, "DECEPTION");
    const byB = await report(t, b, m1.id, "RUDENESS");
    const ids = async (f: Record<string, unknown>) => (await t.ok(REPORTS, { f }, support.token)).reports.edges.map((e: any) => e.node.id);
    expect(await ids({ reporterId: a.id })).toEqual([byA1.id, byA2.id]);
    expect(await ids({ reporterId: b.id })).toEqual([byB.id]);
    expect(await ids({ reporterId: a.id, subjectId: m1.id })).toEqual([byA1.id]);
    expect(await ids({ subjectId: m1.id })).toEqual([byA1.id, byB.id]);
    expect(await ids({ reporterId: m1.id })).toEqual([]);
  });

  it("stays staff only: a reporter cannot list reports by filter, not even their own", async () => {
    const [a] = await users(t, "MENTEE", 1);
    const [m] = await users(t, "MENTOR", 1);
    await report(t, a, m.id, "RUDENESS");
    for (const u of [a, m]) expect(codes(await t.gql(REPORTS, { f: { reporterId: a.id } }, u.token))).toEqual(["FORBIDDEN"]);
  });
});
