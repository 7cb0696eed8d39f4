import { createRequire } from "node:module";
import path from "node:path";
import { defineConfig } from "vitest/config";

// graphql 17 ships a separate "development" build that Vite would pick for our sources while
// Node loads the production build for packages (Pothos, yoga): two copies of graphql break its
// realm checks. Point our sources at the file Node itself resolves.
const graphqlDir = path.dirname(createRequire(import.meta.url).resolve("graphql"));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^graphql$/, replacement: path.join(graphqlDir, "index.mjs") },
      { find: /^graphql\/(.*)$/, replacement: path.join(graphqlDir, "$1", "index.mjs") },
    ],
  },
  test: {
    include: ["tests/**/*.test.ts", "api/src/**/*.test.ts"],
    exclude: ["**/node_modules/**", "tests/bench/**"],
    globalSetup: ["tests/helpers/global-setup.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { PASSWORD_HASH_COST: "12", LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent" },
  },
});
