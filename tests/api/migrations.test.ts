import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lexicographicSortSchema, printSchema } from "graphql";
import { diffMigrationsToSchema, migrationsDir } from "../../api/src/lib/migrate.js";
import { schema } from "../../api/src/schema/index.js";
import { repoRoot } from "../../api/src/lib/config.js";

describe("drift checks", () => {
  it("prisma/schema and prisma/migrations agree (run `pnpm db:migration <name>` when this fails)", async () => {
    const sql = await diffMigrationsToSchema();
    expect(sql.trim(), `pending schema change not in a migration:\n${sql}`).toBe("");
    // replaying every migration into a shadow database takes a while on a loaded 2-core machine
  }, 240_000);

  it("migrations are in Prisma's standard folder format", () => {
    const dirs = readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(dirs.length).toBeGreaterThan(0);
    for (const d of dirs) {
      expect(d.name).toMatch(/^\d{14}_[a-z0-9_]+$/);
      expect(existsSync(path.join(migrationsDir, d.name, "migration.sql"))).toBe(true);
    }
    expect(readFileSync(path.join(migrationsDir, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
  });

  it("schema.graphql equals the schema the server builds (run `pnpm schema:print` when this fails)", () => {
    const committed = readFileSync(path.join(repoRoot, "schema.graphql"), "utf8");
    expect(committed).toBe(printSchema(lexicographicSortSchema(schema)) + "\n");
  });
});
