// The command path: every registered write authorizes, audits with the injected clock, and
// publishes only after commit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineCommand, registeredCommands, asSystem } from "../../api/src/lib/command.js";
import { defineAbilityFor } from "../../api/src/authz/ability.js";
import { schema } from "../../api/src/schema/index.js";
import { MUTATION_COMMANDS } from "../helpers/commands.js";
import { startTestApp, codes, type TestApp } from "../helpers/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-05-04T10:00:00Z" });
});
afterAll(() => t.close());

const depsFor = (published: string[]) => ({
  db: t.db,
  ability: defineAbilityFor(null),
  actor: null,
  clock: t.clock,
  pubsub: { publish: (topic: string) => published.push(topic) } as never,
});

describe("command path", () => {
  it("every registered command has an authorization step", () => {
    const all = [...registeredCommands().values()];
    expect(all.length).toBeGreaterThan(0);
    for (const def of all) expect(typeof def.authorize, def.name).toBe("function");
  });

  it("every Mutation root field maps to registered commands (the role matrix observes them running)", () => {
    const mutations = Object.keys(schema.getMutationType()!.getFields());
    const registered = registeredCommands();
    const unmapped = mutations.filter((m) => !(m in MUTATION_COMMANDS));
    expect(unmapped, "a new mutation must run through defineCommand and be listed in tests/helpers/commands.ts").toEqual([]);
    for (const [m, names] of Object.entries(MUTATION_COMMANDS)) {
      expect(mutations, `${m} is not a mutation`).toContain(m);
      expect(names.length, m).toBeGreaterThan(0);
      for (const n of names) expect(registered.has(n), `${m} -> ${n} is not a registered command`).toBe(true);
    }
  });

  it("refuses to register a command without an authorization step", () => {
    expect(() => defineCommand({ name: "test.noAuth", input: z.object({}), run: async () => 1 } as never)).toThrow(/no authorization step/);
  });

  it("an authorization step that checked nothing fails the command and writes nothing", async () => {
    const cmd = defineCommand({
      name: "test.checksNothing",
      input: z.object({}),
      authorize: () => {},
      run: async (c) => c.tx.auditLog.create({ data: { actorKind: "SYSTEM", action: "test.write", subjectType: "X", subjectId: "1" } }),
    });
    await expect(cmd(depsFor([]), {})).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    expect(await t.db.auditLog.count({ where: { action: "test.write" } })).toBe(0);
  });

  it("audit rows carry the injected clock's time and a system actor; events publish after commit only", async () => {
    const published: string[] = [];
    let failNow = false;
    const cmd = defineCommand({
      name: "test.audited",
      input: z.object({ id: z.string() }),
      authorize: (g) => g.allowAnyone("test command"),
      run: async (c, _l, i) => {
        await c.audit({ action: "test.audited", subjectType: "X", subjectId: i.id });
        c.publish("auditEntryAdded", { id: i.id });
        if (failNow) throw new Error("rolled back");
        return i.id;
      },
    });
    t.clock.set("2026-05-04T11:22:33Z");
    await cmd(asSystem("test-job", depsFor(published)), { id: "a" });
    const row = await t.db.auditLog.findFirstOrThrow({ where: { action: "test.audited", subjectId: "a" } });
    expect(row.createdAt.toISOString()).toBe("2026-05-04T11:22:33.000Z");
    expect(row.actorKind).toBe("SYSTEM");
    expect(row.reason).toBe("system:test-job");
    expect(published).toEqual(["auditEntryAdded", "auditEntryAdded"]);

    failNow = true;
    published.length = 0;
    await expect(cmd(asSystem("test-job", depsFor(published)), { id: "b" })).rejects.toThrow("rolled back");
    expect(published).toEqual([]);
    expect(await t.db.auditLog.count({ where: { action: "test.audited", subjectId: "b" } })).toBe(0);
  });

  it("bad input is refused with BAD_USER_INPUT through GraphQL before any write", async () => {
    const mentor = await t.user("MENTOR");
    const r = await t.gql(`mutation { createLibraryItem(input: { kind: VIDEO, title: "ab" }) { id } }`, undefined, mentor.token);
    expect(codes(r)).toEqual(["BAD_USER_INPUT"]);
    expect(await t.db.libraryItem.count()).toBe(0);
  });
});
