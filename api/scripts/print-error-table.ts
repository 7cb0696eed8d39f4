// Rewrites the error-code table in docs/api/errors.md from api/src/lib/error-catalog.ts.
// tests/docs/error-table.test.ts fails when the committed page differs.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "../src/lib/config.js";
import { withErrorTable } from "../src/lib/error-catalog.js";

const file = path.join(repoRoot, "docs/api/errors.md");
writeFileSync(file, withErrorTable(readFileSync(file, "utf8")));
console.log("wrote docs/api/errors.md");
