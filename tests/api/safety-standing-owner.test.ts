// The users module writes the account status that trust & safety's standing calls for, on the
// `safety.standingChanged` event, in safety's transaction. An expected status makes the write
// conditional: the expiry job and an appeal decision may race on one account, and the one that
// finds the status changed meanwhile changes nothing and says so.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startTestApp, type TestApp, type TestUser } from "../helpers/app.js";
import { ISSUE } from "../helpers/safety.js";
import { asSystem, defineCommand } from "../../api/src/lib/command.js";
import type { DomainEvents } from "../../api/src/lib/events.js";
import "../../api/src/modules/safety/safety.events.js";

let t: TestApp;
let support: TestUser;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T09:00:00Z" });
  support = await t.user("SUPPORT");
});
afterAll(() => t?.close());

type Standing = DomainEvents["safety.standingChanged"];
// Emits the event as safety does, inside a command's transaction, and returns what users reported.
const emitStanding = defineCommand({
  name: "test.emitStandingChanged",
  input: z.object({ userId: z.string(), status: z.enum(["ACTIVE", "SUSPENDED", "BANNED"]), expectedStatus: z.enum(["ACTIVE", "SUSPENDED", "BANNED", "DEACTIVATED"]).optional() }),
  authorize: (g) => g.allowAnyone("test driver of the event"),
  run: async (c, _none, i) => {
    const event: Standing = { ...i, effects: {} };
    await c.emit("safety.standingChanged", event);
    return event.effects;
  },
});
const emit = (i: Omit<Standing, "effects">) => emitStanding(asSystem("test", { db: t.db, pubsub: t.app.pubsub, clock: t.clock }), i);
const statusOf = async (id: string) => (await t.db.user.findUniqueOrThrow({ where: { id } })).status;

describe("safety.standingChanged is handled by the users module", () => {
  it("with an expected status, a status changed meanwhile is left alone and reported unchanged", async () => {
    const mentee = await t.user("MENTEE");
    await t.ok(ISSUE, { i: { userId: mentee.id, kind: "STRIKE", reason: "asked a mentor for free coupons", category: "REVIEW_FAVOURS" } }, support.token);
    // The emitter read BANNED, but the account is SUSPENDED now (changed meanwhile): no change.
    expect(await emit({ userId: mentee.id, status: "ACTIVE", expectedStatus: "BANNED" })).toEqual({ changed: false });
    expect(await statusOf(mentee.id)).toBe("SUSPENDED");
    expect(await emit({ userId: mentee.id, status: "ACTIVE", expectedStatus: "SUSPENDED" })).toEqual({ changed: true });
    expect(await statusOf(mentee.id)).toBe("ACTIVE");
  });

  it("without an expected status, the status is written whatever it is", async () => {
    const mentee = await t.user("MENTEE");
    expect(await emit({ userId: mentee.id, status: "BANNED" })).toEqual({ changed: true });
    expect(await statusOf(mentee.id)).toBe("BANNED");
  });
});
