// The module boundaries hold (the same rules `pnpm lint:deps` runs in CI), and the rules are
// not vacuous: a deliberate cycle in the fixture is caught.
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cruise } from "dependency-cruiser";

const ROOT = path.resolve(import.meta.dirname, "../..");
const config = createRequire(import.meta.url)(path.join(ROOT, ".dependency-cruiser.cjs"));

async function violations(paths: string[]) {
  const prev = process.cwd();
  process.chdir(ROOT);
  try {
    const out = await cruise(paths, { ...config.options, validate: true, ruleSet: { forbidden: config.forbidden } });
    const summary = (out.output as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } }).summary;
    return summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
  } finally {
    process.chdir(prev);
  }
}

describe("module boundaries", () => {
  it("a deliberate import cycle is reported", async () => {
    const found = await violations(["tests/deps/fixture"]);
    expect(found.some((v) => v.startsWith("no-circular:") && v.includes("tests/deps/fixture/"))).toBe(true);
  });

  it("the API and the console break none of the four rules", async () => {
    expect(await violations(["api/src", "console/src"])).toEqual([]);
  }, 120_000);
});
