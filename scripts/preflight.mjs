// First step of `pnpm test`: brings what the tests need from outside npm where it can.
// - Chromium (console tests): CHROMIUM_PATH or Debian's /usr/bin/chromium. Missing: installed
//   from Debian when running as root on Debian; otherwise the run stops here with one line.
// - PostgreSQL server binaries (outage test) and Redis (scale-out test): installed the same way
//   when root on Debian; otherwise the tests that need them are reported as skipped with the
//   reason (CI sets REQUIRE_SERVICES=1 so that they fail instead).
// Plain Node, no dependencies: it runs before anything else is known to work.
// PREFLIGHT_AS_NON_ROOT=1 behaves as a user without the rights to install (to check that path).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";

const asRoot = process.getuid?.() === 0 && process.env.PREFLIGHT_AS_NON_ROOT !== "1";
const debian = existsSync("/etc/debian_version") && existsSync("/usr/bin/apt-get");
const canInstall = asRoot && debian;

export const chromiumPath = () => process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const pgBinaries = () => {
  const base = "/usr/lib/postgresql";
  return existsSync(base) && readdirSync(base).some((v) => existsSync(`${base}/${v}/bin/postgres`));
};
const onPath = (cmd) => (process.env.PATH ?? "").split(":").some((d) => d && existsSync(`${d}/${cmd}`));

let updated = false;
function aptInstall(packages) {
  console.log(`preflight: installing ${packages.join(" ")} from Debian`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (!updated) execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  updated = true;
  execFileSync("apt-get", ["install", "-y", "-qq", ...packages], { stdio: ["ignore", "ignore", "inherit"], env });
}

function fail(line) {
  console.error(`preflight: ${line}`);
  process.exit(1);
}

// Chromium: required (7 console test files drive the real console in it).
if (!existsSync(chromiumPath())) {
  if (canInstall && !process.env.CHROMIUM_PATH) aptInstall(["chromium"]);
  if (!existsSync(chromiumPath()))
    fail(
      `Chromium not found at ${chromiumPath()}: install it (Debian/Ubuntu: \`sudo apt-get install chromium\`) or set CHROMIUM_PATH to a Chromium binary, then run the tests again.`,
    );
}

// Servers: optional here (their tests skip with the reason); installed when we may.
const optional = [];
if (!pgBinaries()) optional.push({ pkg: "postgresql", what: "PostgreSQL server binaries (database outage test)", ok: pgBinaries });
if (!onPath("redis-server")) optional.push({ pkg: "redis-server", what: "Redis server binary (viewer-cache test; the scale-out test also needs a Redis server running on REDIS_URL)", ok: () => onPath("redis-server") });
if (optional.length && canInstall) aptInstall(optional.map((o) => o.pkg));
for (const o of optional.filter((x) => !x.ok()))
  console.warn(`preflight: ${o.what} missing: those tests will be reported as skipped (Debian: \`sudo apt-get install ${o.pkg}\`)`);
