// The users module is the only writer of the User table: other modules ask it through a domain
// event (safety's `safety.standingChanged`) or an export of its front door. A source scan, so a
// new write elsewhere fails here before any behaviour test has to notice.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const MODULES = path.resolve(import.meta.dirname, "../../api/src/modules");
const OWNER = "users";

// `tx.user.update(`, `c.tx.user.updateMany(`, `db.user.create(`, ... and raw SQL on the table.
const USER_WRITE = /\.user\s*\.\s*(create|createMany|update|updateMany|upsert|delete|deleteMany)\s*\(|\b(UPDATE|INSERT\s+INTO|DELETE\s+FROM)\s+"User"/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? sourceFiles(p) : d.name.endsWith(".ts") ? [p] : [];
  });
}

function userWrites(files: string[]): string[] {
  return files.flatMap((f) => {
    const src = readFileSync(f, "utf8");
    return [...src.matchAll(USER_WRITE)].map((m) => `${path.relative(MODULES, f)}:${src.slice(0, m.index).split("\n").length}: ${m[0]}`);
  });
}

describe("the User table has one writer", () => {
  const files = sourceFiles(MODULES);
  const owned = (f: string) => path.relative(MODULES, f).split(path.sep)[0] === OWNER;

  it("the scan sees the users module's own writes (it is not vacuous)", () => {
    const own = userWrites(files.filter(owned));
    expect(own.some((w) => w.includes(".user.update("))).toBe(true);
    expect(own.some((w) => w.includes(".user.updateMany("))).toBe(true);
    expect(own.some((w) => w.includes(".user.create("))).toBe(true);
  });

  it("no file outside api/src/modules/users writes the User table", () => {
    expect(userWrites(files.filter((f) => !owned(f)))).toEqual([]);
  });
});
