// Ban evasion (docs/privacy.md): a keyed hash of a banned account's normalised e-mail address
// refuses sign-up with ACCOUNT_BANNED after the account is deleted; the address is not stored.
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, type TestApp } from "../helpers/app.js";
import { ISSUE } from "../helpers/safety.js";
import { anonymisedEmail } from "../../api/src/modules/privacy/deletion.service.js";

const SIGN_UP = `mutation($i: SignUpInput!) { signUp(input: $i) { token user { id } } }`;
const signUp = (email: string) => t.gql(SIGN_UP, { i: { email, password: "long-enough-pw", displayName: "Again", role: "MENTEE" } });

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: "2026-03-02T09:00:00Z" });
});
afterAll(() => t?.close());

describe("ban evasion", () => {
  it("a banned account's address cannot sign up again after deletion, in any spelling; others can", async () => {
    const support = await t.user("SUPPORT");
    const created = (await t.ok(SIGN_UP, { i: { email: "Evader@Example.com", password: "long-enough-pw", displayName: "Evader", role: "MENTEE" } })).signUp;
    const ban = (await t.ok(ISSUE, { i: { userId: created.user.id, kind: "BAN", reason: "harassment of several mentors" } }, support.token)).issueEnforcement;
    // only the keyed hash is stored, never the address
    const rows = await t.db.bannedEmailHash.findMany({ where: { userId: created.user.id } });
    expect(rows).toEqual([expect.objectContaining({ enforcementId: ban.id, hash: createHmac("sha256", "dev-only-ban-email-secret").update("evader@example.com").digest("hex") })]);
    expect(JSON.stringify(rows)).not.toMatch(/evader/i);
    // the account is deleted: its address is free in the user table (deletion anonymises it)
    await t.db.user.update({ where: { id: created.user.id }, data: { email: anonymisedEmail(created.user.id), status: "DEACTIVATED" } });
    for (const spelling of ["evader@example.com", " EVADER@example.com ", "evader+new@example.com"]) expect(codes(await signUp(spelling)), spelling).toEqual(["ACCOUNT_BANNED"]);
    expect(await t.db.user.count({ where: { email: "evader@example.com" } })).toBe(0);
    expect((await t.ok(SIGN_UP, { i: { email: "someone.else@example.com", password: "long-enough-pw", displayName: "Else", role: "MENTEE" } })).signUp.token).toBeTruthy();
  });

  it("a feature ban does not mark the address; an overturned ban no longer refuses it", async () => {
    const support = await t.user("SUPPORT");
    const u = (await t.ok(SIGN_UP, { i: { email: "feature@example.com", password: "long-enough-pw", displayName: "F", role: "MENTEE" } })).signUp;
    await t.ok(ISSUE, { i: { userId: u.user.id, kind: "BAN", scope: "FEATURE", feature: "chat", reason: "spam in chats" } }, support.token);
    expect(await t.db.bannedEmailHash.count({ where: { userId: u.user.id } })).toBe(0);
    const v = (await t.ok(SIGN_UP, { i: { email: "overturned@example.com", password: "long-enough-pw", displayName: "O", role: "MENTEE" } })).signUp;
    const ban = (await t.ok(ISSUE, { i: { userId: v.user.id, kind: "BAN", reason: "mistaken identity" } }, support.token)).issueEnforcement;
    await t.db.user.update({ where: { id: v.user.id }, data: { email: anonymisedEmail(v.user.id) } });
    expect(codes(await signUp("overturned@example.com"))).toEqual(["ACCOUNT_BANNED"]);
    await t.db.enforcement.update({ where: { id: ban.id }, data: { overturnedAt: t.clock.now(), overturnReason: "appeal upheld" } });
    expect((await t.ok(SIGN_UP, { i: { email: "overturned@example.com", password: "long-enough-pw", displayName: "O", role: "MENTEE" } })).signUp.token).toBeTruthy();
  });
});
