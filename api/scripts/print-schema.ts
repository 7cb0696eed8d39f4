// Writes schema.graphql from the Pothos schema (sorted). tests/api/schema-drift.test.ts fails
// when the committed file differs.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { printSchema, lexicographicSortSchema } from "graphql";
import { schema } from "../src/schema/index.js";
import { repoRoot } from "../src/lib/config.js";

export const printed = () => printSchema(lexicographicSortSchema(schema)) + "\n";
writeFileSync(path.join(repoRoot, "schema.graphql"), printed());
console.log("wrote schema.graphql");
