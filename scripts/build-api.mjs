// `pnpm build` (API part): compiles api/src and api/scripts to api/dist ahead of time with esbuild,
// file by file (no bundle), so production runs plain `node` with no TypeScript loader. Type
// checking stays with `pnpm typecheck` (tsc); this step only strips types, in about a second.
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const api = path.resolve(import.meta.dirname, "..", "api");
const out = path.join(api, "dist");

function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return tsFiles(p);
    return d.name.endsWith(".ts") && !d.name.endsWith(".d.ts") && !d.name.endsWith(".test.ts") ? [p] : [];
  });
}

const started = performance.now();
const entryPoints = [...tsFiles(path.join(api, "src")), ...tsFiles(path.join(api, "scripts"))];
rmSync(out, { recursive: true, force: true });
await build({
  entryPoints,
  outdir: out,
  outbase: api,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
});
console.log(`api: ${entryPoints.length} files compiled to ${path.relative(process.cwd(), out)} in ${Math.round(performance.now() - started)} ms`);
