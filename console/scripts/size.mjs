// Prints the gzip size of the JavaScript a first visit loads (the entry chunk and everything
// it imports statically; lazy pages are excluded) and fails above the budget.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";

const BUDGET_KB = Number(process.env.CONSOLE_JS_BUDGET_KB ?? 100);
const dist = path.resolve(import.meta.dirname, "../dist");
const manifest = JSON.parse(readFileSync(path.join(dist, ".vite/manifest.json"), "utf8"));

const initial = new Set();
const visit = (key) => {
  if (initial.has(key)) return;
  initial.add(key);
  for (const dep of manifest[key].imports ?? []) visit(dep);
};
for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);

let total = 0;
const rows = [...initial].map((key) => {
  const file = manifest[key].file;
  const gz = gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
  total += gz;
  return { file, gz };
});
const kb = (n) => (n / 1024).toFixed(1);
for (const r of rows.sort((a, b) => b.gz - a.gz)) console.log(`  ${r.file.padEnd(44)} ${kb(r.gz).padStart(7)} KB gzip`);
const lazy = Object.values(manifest).filter((c) => c.file.endsWith(".js") && !rows.some((r) => r.file === c.file)).length;
console.log(`initial JS: ${kb(total)} KB gzip in ${rows.length} chunk(s) (budget ${BUDGET_KB} KB; ${lazy} lazy chunk(s) not counted)`);
if (total > BUDGET_KB * 1024) {
  console.error(`initial JS is over budget by ${kb(total - BUDGET_KB * 1024)} KB`);
  process.exit(1);
}
