// In-app notices: the owner marks one read (the first read time is kept); another user's notice
// looks absent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, type TestApp } from "../helpers/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-04-01T08:00:00Z" });
});
afterAll(() => t?.close());

const READ = `mutation($id: ID!) { markNotificationRead(id: $id) { id readAt } }`;

describe("markNotificationRead", () => {
  it("stamps the clock's time once; others get NOT_FOUND and change nothing", async () => {
    const owner = await t.user("MENTEE");
    const other = await t.user("MENTOR");
    const n = await t.db.notification.create({ data: { userId: owner.id, kind: "test", channel: "IN_APP", subject: "s", body: "b", dedupeKey: "read-1:IN_APP", sendAfter: t.clock.now() } });

    expect(codes(await t.gql(READ, { id: n.id }, other.token))).toEqual(["NOT_FOUND"]);
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: n.id } })).readAt).toBeNull();

    t.clock.set("2026-04-01T09:15:00Z");
    expect((await t.ok(READ, { id: n.id }, owner.token)).markNotificationRead.readAt).toBe("2026-04-01T09:15:00.000Z");
    t.clock.advanceMinutes(30);
    expect((await t.ok(READ, { id: n.id }, owner.token)).markNotificationRead.readAt).toBe("2026-04-01T09:15:00.000Z");

    expect(codes(await t.gql(READ, { id: "no-such-notice" }, owner.token))).toEqual(["NOT_FOUND"]);
  });
});
