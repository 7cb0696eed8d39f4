// The error table of docs/api/errors.md and the close-code table of docs/api/realtime.md cover
// everything a client can receive: a new code fails here until it is documented.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CloseCode } from "graphql-ws";
import { ERROR_CODES } from "../../api/src/lib/errors.js";
import { ALL_ERROR_CODES, ERROR_DOCS, withErrorTable } from "../../api/src/lib/error-catalog.js";

const root = path.resolve(import.meta.dirname, "../..");
const read = (p: string) => readFileSync(path.join(root, p), "utf8");
const tableCodes = (page: string) => [...page.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]);

/** Every `extensions.code` string literal in the API's sources. */
function codesInSources(): string[] {
  const dir = path.join(root, "api/src");
  const found = new Set<string>();
  for (const f of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    if (!f.endsWith(".ts") || f.includes("generated")) continue;
    const text = readFileSync(path.join(dir, f), "utf8");
    for (const m of text.matchAll(/\bcode: "([A-Z_]+)"|DomainError\("([A-Z_]+)"/g)) found.add(m[1] ?? m[2]);
  }
  return [...found].sort();
}

describe("docs/api/errors.md", () => {
  const page = read("docs/api/errors.md");

  it("has a row for every code of the error-code list", () => {
    const rows = tableCodes(page);
    for (const code of ERROR_CODES) expect(rows, `no row for ${code}`).toContain(code);
  });

  it("has a row for every code the API's sources raise, domain or protocol", () => {
    expect(codesInSources().filter((c) => !tableCodes(page).includes(c))).toEqual([]);
  });

  it("explains every code (meaning, details, what to do)", () => {
    for (const code of ALL_ERROR_CODES) {
      const d = ERROR_DOCS[code];
      expect(d.meaning.length && d.details.length && d.action.length, code).toBeTruthy();
    }
  });

  it("carries the table generated from the catalogue (run `pnpm docs:errors` after a change)", () => {
    expect(page).toBe(withErrorTable(page));
  });
});

describe("docs/api/realtime.md close codes", () => {
  const rows = tableCodes(read("docs/api/realtime.md")).map(Number);

  it("lists the codes a client can get from this server", () => {
    expect(rows.sort()).toEqual([1001, 1009, 4400, 4401, 4403, 4408, 4409, 4429]);
  });

  it("uses graphql-ws's own numbers for the protocol codes", () => {
    const protocol = [CloseCode.BadRequest, CloseCode.Unauthorized, CloseCode.Forbidden, CloseCode.ConnectionInitialisationTimeout, CloseCode.SubscriberAlreadyExists, CloseCode.TooManyInitialisationRequests];
    expect(rows.filter((c) => c >= 4000)).toEqual(protocol.map(Number).sort());
  });
});
