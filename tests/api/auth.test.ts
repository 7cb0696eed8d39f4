import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, subscribe, codes, type TestApp } from "../helpers/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const SIGN_UP = `mutation($i: SignUpInput!) { signUp(input: $i) { token user { id role displayName timeZone } } }`;
const LOG_IN = `mutation($i: LogInInput!) { logIn(input: $i) { token expiresAt } }`;
const VIEWER = `{ viewer { id user { email role } permissions { action subject } } }`;

describe("sign up and log in", () => {
  it("signs up a mentee and reads the viewer with the token", async () => {
    const r = await t.ok(SIGN_UP, { i: { email: "New@Example.com", password: "long-enough-pw", displayName: "New", role: "MENTEE", timeZone: "Asia/Kolkata" } });
    expect(r.signUp.user).toMatchObject({ role: "MENTEE", timeZone: "Asia/Kolkata" });
    const v = await t.ok(VIEWER, {}, r.signUp.token);
    expect(v.viewer.user).toEqual({ email: "new@example.com", role: "MENTEE" });
  });

  it("stores the token hashed, never in clear", async () => {
    const r = await t.ok(SIGN_UP, { i: { email: "hash@example.com", password: "long-enough-pw", displayName: "H", role: "MENTOR" } });
    const rows = await t.db.authSession.findMany({ where: { userId: r.signUp.user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).not.toContain(r.signUp.token);
    expect(rows[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const user = await t.db.user.findUniqueOrThrow({ where: { id: r.signUp.user.id } });
    expect(user.passwordHash).toMatch(/^scrypt\$/);
  });

  it("refuses a duplicate email with CONFLICT and bad input with BAD_USER_INPUT", async () => {
    await t.ok(SIGN_UP, { i: { email: "dup@example.com", password: "long-enough-pw", displayName: "D", role: "MENTEE" } });
    const dup = await t.gql(SIGN_UP, { i: { email: "DUP@example.com", password: "long-enough-pw", displayName: "D", role: "MENTEE" } });
    expect(codes(dup)).toEqual(["CONFLICT"]);
    const bad = await t.gql(SIGN_UP, { i: { email: "not-an-email", password: "short", displayName: "", role: "MENTEE", timeZone: "Mars/Olympus" } });
    expect(codes(bad)).toEqual(["BAD_USER_INPUT"]);
    expect(Object.keys(bad.errors![0].extensions!.fields)).toEqual(expect.arrayContaining(["email", "password", "displayName", "timeZone"]));
    expect(await t.db.user.count({ where: { email: "not-an-email" } })).toBe(0);
  });

  it("staff roles cannot be self-assigned at sign-up", async () => {
    const r = await t.gql(SIGN_UP, { i: { email: "x@example.com", password: "long-enough-pw", displayName: "X", role: "ADMIN" } });
    expect(codes(r)).toEqual(["BAD_USER_INPUT"]);
    expect(await t.db.user.count({ where: { email: "x@example.com" } })).toBe(0);
  });

  it("a wrong password is UNAUTHENTICATED and does not reveal whether the account exists", async () => {
    const u = await t.user("MENTEE");
    const wrong = await t.gql(LOG_IN, { i: { email: u.email, password: "wrong-password" } });
    const unknown = await t.gql(LOG_IN, { i: { email: "nobody@example.com", password: "wrong-password" } });
    expect(codes(wrong)).toEqual(["UNAUTHENTICATED"]);
    expect(codes(unknown)).toEqual(["UNAUTHENTICATED"]);
    expect(wrong.errors![0].message).toBe(unknown.errors![0].message);
  });

  it("rate-limits log-in attempts per account from the policy data", async () => {
    const u = await t.user("MENTEE");
    for (let i = 0; i < 5; i++) expect(codes(await t.gql(LOG_IN, { i: { email: u.email, password: "nope-nope-nope" } }))).toEqual(["UNAUTHENTICATED"]);
    const blocked = await t.gql(LOG_IN, { i: { email: u.email, password: "correct-horse-battery" } });
    expect(codes(blocked)).toEqual(["RATE_LIMITED"]);
    // the window is policy data: after it passes, the right password works again
    t.clock.advanceMinutes(16);
    expect((await t.gql(LOG_IN, { i: { email: u.email, password: "correct-horse-battery" } })).data?.logIn.token).toBeTruthy();
  });

  it("an expired token is refused", async () => {
    const u = await t.user("MENTEE");
    t.clock.advance(15 * 24 * 3_600_000);
    expect(codes(await t.gql(VIEWER, {}, u.token))).toEqual(["UNAUTHENTICATED"]);
  });
});

describe("log out and revoked tokens", () => {
  it("log-out revokes the token over HTTP", async () => {
    const u = await t.user("MENTEE");
    expect((await t.gql(VIEWER, {}, u.token)).data?.viewer.id).toBe(u.id);
    expect((await t.ok(`mutation { logOut }`, {}, u.token)).logOut).toBe(true);
    const after = await t.gql(VIEWER, {}, u.token);
    expect(codes(after)).toEqual(["UNAUTHENTICATED"]);
  });

  it("anonymous callers get UNAUTHENTICATED on protected fields, and public ones still work", async () => {
    expect(codes(await t.gql(VIEWER))).toEqual(["UNAUTHENTICATED"]);
    expect((await t.ok(`{ platform { menteeLabel } }`)).platform.menteeLabel).toBe("mentee");
  });

  it("works over WebSocket with the token in connectionParams", async () => {
    const u = await t.user("SUPPORT");
    const client = t.ws(u.token);
    const q = subscribe(client, `query { viewer { id } }`);
    await q.until(() => q.completed);
    expect(q.events[0].data).toEqual({ viewer: { id: u.id } });
  });

  it("a bad token is refused at WebSocket connect with 4403", async () => {
    const client = t.ws("not-a-token");
    const q = subscribe(client, `query { viewer { id } }`);
    await q.until(() => q.error !== undefined);
    expect((q.error as { code?: number }).code).toBe(4403);
  });

  it("log-out closes the user's open subscription sockets at once", async () => {
    const admin = await t.user("ADMIN");
    const client = t.ws(admin.token);
    const sub = subscribe(client, `subscription { auditEntryAdded { id action } }`);
    await t.listening("auditEntryAdded");
    await t.ok(`mutation { updatePlatform(input: { menteeLabel: "client" }) { menteeLabel } }`, {}, admin.token);
    await sub.until(() => sub.events.length > 0);
    await t.ok(`mutation { logOut }`, {}, admin.token);
    await sub.until(() => sub.error !== undefined || sub.completed);
    expect((sub.error as { code?: number }).code).toBe(4403);
    // and a revoked token cannot reconnect
    const again = subscribe(t.ws(admin.token), `query { viewer { id } }`);
    await again.until(() => again.error !== undefined);
    expect((again.error as { code?: number }).code).toBe(4403);
  });
});
