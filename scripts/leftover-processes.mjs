// After a test run: every process the test helpers started (recorded in .tmp/processes by
// tests/helpers/process.ts) must be gone. Prints the count; exits 1 when any is still alive.
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";

const dir = path.resolve(import.meta.dirname, "..", ".tmp", "processes");
const entries = existsSync(dir) ? readdirSync(dir) : [];
const alive = [];
for (const name of entries) {
  const info = JSON.parse(readFileSync(path.join(dir, name), "utf8"));
  let running = false;
  try {
    process.kill(info.pid, 0);
    // a zombie has exited already; only its parent has not collected it
    running = !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${info.pid}/stat`, "utf8"));
  } catch {
    running = false;
  }
  if (running) alive.push(info);
  else rmSync(path.join(dir, name), { force: true });
}
console.log(`leftover processes: ${alive.length}`);
for (const p of alive) console.log(`  pid ${p.pid}: ${p.what} (started by test worker ${p.parent})`);
process.exit(alive.length ? 1 : 0);
