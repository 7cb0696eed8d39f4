import path from "node:path";
import { defineConfig } from "prisma/config";

// Migrations are applied here through Prisma's WebAssembly schema engine (api/src/lib/migrate.ts);
// the datasource URL below is only read by a stock `prisma migrate deploy` run by users who have
// Prisma's native engines.
export default defineConfig({
  schema: path.join(import.meta.dirname, "prisma", "schema"),
  migrations: { path: path.join(import.meta.dirname, "prisma", "migrations") },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://127.0.0.1:5432/postgres" },
});
