// Log-in and sign-up limits, tried as an attacker would: parallel guesses, guesses from many
// addresses against one account, spoofed X-Forwarded-For, several API processes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, codes, PASSWORD, type GqlResult, type TestApp, type TestUser } from "../helpers/app.js";
import { buildApp, type App } from "../../api/src/app.js";
import { openDatabase, isPostgresUrl } from "../../api/src/lib/db.js";

const LOG_IN = `mutation($i: LogInInput!) { logIn(input: $i) { token } }`;
const SIGN_UP = `mutation($i: SignUpInput!) { signUp(input: $i) { token } }`;

let t: TestApp;
let admin: TestUser;
let second: App;
let secondUrl: string;
let closeSecond: () => Promise<void>;

beforeAll(async () => {
  // Behind one trusted proxy on loopback, so tests can speak from many client addresses.
  t = await startTestApp({ config: { trustProxy: "loopback" } });
  admin = await t.user("ADMIN");
  // A second API process on the same database (PostgreSQL: its own connection pool).
  const url = (t.app.database as { url?: string }).url;
  const db2 = isPostgresUrl(url) ? await openDatabase({ databaseUrl: url, poolMax: 5 }) : t.app.database;
  second = await buildApp({ clock: t.clock, database: db2, migrate: false, config: { jobsEnabled: false, consoleDist: undefined, redisUrl: undefined, trustProxy: "loopback" } });
  secondUrl = await second.start(0);
  closeSecond = async () => {
    await second.stop();
    if (db2 !== t.app.database) await db2.close();
  };
});
afterAll(async () => {
  await closeSecond?.();
  await t?.close();
});

async function logInAt(base: string, email: string, password: string, from?: string): Promise<GqlResult> {
  const res = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(from ? { "x-forwarded-for": from } : {}) },
    body: JSON.stringify({ query: LOG_IN, variables: { i: { email, password } } }),
  });
  return { ...((await res.json()) as GqlResult), status: res.status };
}
const logIn = (email: string, password: string, from?: string) => logInAt(t.url, email, password, from);

async function policy(changes: Record<string, unknown>) {
  await t.ok(`mutation($c: JSON!) { updatePolicy(input: { changes: $c, reason: "security test" }) { version } }`, { c: changes }, admin.token);
}

describe("log-in limits", () => {
  it("30 parallel guesses on one account, split over two API processes: at most loginMaxFailures are tried", async () => {
    const victim = await t.user("MENTEE");
    const attempts = Array.from({ length: 30 }, (_, i) =>
      logInAt(i % 2 ? secondUrl : t.url, victim.email, i === 17 ? PASSWORD : `wrong-guess-${i}`, "203.0.113.7"),
    );
    const results = await Promise.all(attempts);
    const limited = results.filter((r) => codes(r).includes("RATE_LIMITED"));
    // The policy allows 5 per (account, address): the count and the attempt are one atomic step.
    expect(results.length - limited.length).toBeLessThanOrEqual(5);
    expect(limited.length).toBeGreaterThanOrEqual(25);
    for (const r of limited) expect(r.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("RATE_LIMITED carries retryAfterSeconds, and the window is policy data", async () => {
    const u = await t.user("MENTEE");
    for (let i = 0; i < 5; i++) expect(codes(await logIn(u.email, "nope-nope-nope", "198.51.100.1"))).toEqual(["UNAUTHENTICATED"]);
    const blocked = await logIn(u.email, PASSWORD, "198.51.100.1");
    expect(codes(blocked)).toEqual(["RATE_LIMITED"]);
    expect(blocked.errors![0].extensions!.retryAfterSeconds).toBe(15 * 60);
    t.clock.advanceMinutes(15);
    expect(codes(await logIn(u.email, PASSWORD, "198.51.100.1"))).toEqual([]);
  });

  it("an attacker's failures do not lock the owner out from another address", async () => {
    const owner = await t.user("ADMIN");
    for (let i = 0; i < 6; i++) await logIn(owner.email, "attacker-guess", "192.0.2.66");
    expect(codes(await logIn(owner.email, "attacker-guess", "192.0.2.66"))).toEqual(["RATE_LIMITED"]);
    expect(codes(await logIn(owner.email, PASSWORD, "192.0.2.10"))).toEqual([]);
  });

  it("X-Forwarded-For is ignored unless TRUST_PROXY names the proxy", async () => {
    const plain = await startTestApp();
    try {
      const u = await plain.user("MENTEE");
      const spoofed = [];
      for (let i = 0; i < 7; i++) {
        const res = await fetch(`${plain.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": `10.9.${i}.1` },
          body: JSON.stringify({ query: LOG_IN, variables: { i: { email: u.email, password: "spoof-guess" } } }),
        });
        spoofed.push(codes((await res.json()) as GqlResult)[0]);
      }
      expect(spoofed.slice(5)).toEqual(["RATE_LIMITED", "RATE_LIMITED"]);
    } finally {
      await plain.close();
    }
  });

  it("limits attempts per client address over all accounts", async () => {
    await policy({ auth: { loginMaxAttemptsPerAddress: 3 } });
    try {
      const r = [];
      for (let i = 0; i < 4; i++) r.push(await logIn(`nobody${i}@example.com`, "whatever-pw", "198.51.100.77"));
      expect(r.slice(0, 3).map((x) => codes(x)[0])).toEqual(["UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED"]);
      expect(codes(r[3])).toEqual(["RATE_LIMITED"]);
      expect(r[3].errors![0].extensions!.limit).toBe("login-address");
    } finally {
      await policy({ auth: { loginMaxAttemptsPerAddress: 100 } });
    }
  });

  it("many addresses against one account are slowed down (progressive delay), not locked out", async () => {
    await policy({ auth: { loginAccountFailuresBeforeDelay: 3, loginDelayBaseSeconds: 2, loginDelayMaxSeconds: 8 } });
    try {
      const owner = await t.user("MENTOR");
      for (let i = 0; i < 3; i++) expect(codes(await logIn(owner.email, "botnet-guess", `100.64.0.${i}`))).toEqual(["UNAUTHENTICATED"]);
      // 4th failure: past the free count, the first attempt takes the gate (2 s)...
      expect(codes(await logIn(owner.email, "botnet-guess", "100.64.0.10"))).toEqual(["UNAUTHENTICATED"]);
      // ...and the next one within it is told when to come back.
      const slowed = await logIn(owner.email, PASSWORD, "100.64.1.1");
      expect(codes(slowed)).toEqual(["RATE_LIMITED"]);
      expect(slowed.errors![0].extensions!.limit).toBe("login-account-gate");
      expect(slowed.errors![0].extensions!.retryAfterSeconds).toBeLessThanOrEqual(8);
      // The delay grows with more failures but never past the cap: the owner gets in after it.
      t.clock.advance(slowed.errors![0].extensions!.retryAfterSeconds * 1000);
      expect(codes(await logIn(owner.email, PASSWORD, "100.64.1.1"))).toEqual([]);
    } finally {
      await policy({ auth: { loginAccountFailuresBeforeDelay: 10, loginDelayBaseSeconds: 1, loginDelayMaxSeconds: 60 } });
    }
  });
});

describe("sign-up", () => {
  it("refuses weak passwords: too short, only spaces, guessable (policy data)", async () => {
    const base = { email: "weak@example.com", displayName: "Weak", role: "MENTEE" };
    const spaces = await t.gql(SIGN_UP, { i: { ...base, password: " ".repeat(10) } });
    expect(codes(spaces)).toEqual(["BAD_USER_INPUT"]);
    expect(spaces.errors![0].extensions!.fields.password).toBeTruthy();
    expect(codes(await t.gql(SIGN_UP, { i: { ...base, password: "password123" } }))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await t.gql(SIGN_UP, { i: { ...base, password: "weak@example.com" } }))).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await t.gql(SIGN_UP, { i: { ...base, password: "short" } }))).toEqual(["BAD_USER_INPUT"]);
    await policy({ auth: { passwordMinLength: 24 } });
    try {
      const r = await t.gql(SIGN_UP, { i: { ...base, password: "violet-harbor-quantum" } });
      expect(r.errors![0].extensions!.fields.password).toMatch(/24/);
    } finally {
      await policy({ auth: { passwordMinLength: 10 } });
    }
  });

  it("is rate-limited per client address (it answers CONFLICT for a taken email: documented trade-off)", async () => {
    await policy({ auth: { signUpsPerAddressPerHour: 2 } });
    try {
      const send = async (email: string) => {
        const res = await fetch(`${t.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.200" },
          body: JSON.stringify({ query: SIGN_UP, variables: { i: { email, password: "violet-harbor-quantum", displayName: "Prober", role: "MENTEE" } } }),
        });
        return (await res.json()) as GqlResult;
      };
      expect(codes(await send("probe1@example.com"))).toEqual([]);
      expect(codes(await send("probe1@example.com"))).toEqual(["CONFLICT"]);
      const third = await send("probe2@example.com");
      expect(codes(third)).toEqual(["RATE_LIMITED"]);
      expect(third.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
    } finally {
      await policy({ auth: { signUpsPerAddressPerHour: 10 } });
    }
  });
});
