// `pnpm db:migration <name>`: writes the next migration from the change in schema.prisma.
// Hand-written SQL that Prisma's schema cannot express (exclusion constraints) is appended by
// editing the generated file before committing it.
import { diffMigrationsToSchema, writeMigration } from "../src/lib/migrate.js";

const name = process.argv[2];
if (!name) {
  console.error("usage: pnpm db:migration <name>");
  process.exit(2);
}
const sql = await diffMigrationsToSchema();
if (!sql.trim()) {
  console.log("schema.prisma and prisma/migrations agree: no migration written");
} else {
  console.log(`wrote ${await writeMigration(name, sql)}`);
}
