// Tests that need a server the machine lacks are reported as SKIPPED with the reason, never as
// passed. CI (REQUIRE_SERVICES=1, set by .ci/run, which installs and starts everything) turns a
// missing server into a failure instead, so nothing is silently skipped there.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { PG_ADMIN_URL, REDIS_URL, reachable } from "./services.js";

export type Need = "postgres-server" | "postgres-binaries" | "redis" | "redis-binary";

/** Debian's PostgreSQL server binaries (newest version), if installed. */
export function postgresBinDir(): string | undefined {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return undefined;
  const v = readdirSync(base)
    .filter((d) => existsSync(path.join(base, d, "bin", "postgres")))
    .sort((x, y) => Number(y) - Number(x))[0];
  return v ? path.join(base, v, "bin") : undefined;
}

const checks: Record<Need, () => Promise<string | undefined>> = {
  "postgres-server": async () => ((await reachable(PG_ADMIN_URL)) ? undefined : `no PostgreSQL server at ${new URL(PG_ADMIN_URL).host}`),
  "postgres-binaries": async () => (postgresBinDir() ? undefined : "PostgreSQL server binaries missing (Debian package postgresql)"),
  "redis-binary": async () =>
    (process.env.PATH ?? "").split(":").some((d) => d && existsSync(path.join(d, "redis-server"))) ? undefined : "redis-server missing (Debian package redis-server)",
  redis: async () => ((await reachable(REDIS_URL)) ? undefined : `no Redis server at ${new URL(REDIS_URL).host} (Debian package redis-server)`),
};

/** The reason these tests cannot run here, or undefined when everything they need is present. */
export async function missing(...needs: Need[]): Promise<string | undefined> {
  const reasons = (await Promise.all(needs.map((n) => checks[n]()))).filter(Boolean);
  if (!reasons.length) return undefined;
  const reason = reasons.join("; ");
  if (process.env.REQUIRE_SERVICES === "1") throw new Error(`REQUIRE_SERVICES=1 but ${reason}`);
  // Printed with the file's output as well as carried in the suite title.
  console.warn(`skipped: ${reason}`);
  return reason;
}

/** A suite title that carries the skip reason into the test report. */
export const titled = (title: string, reason: string | undefined) => (reason ? `${title} [skipped: ${reason}]` : title);
