// Types the console's GraphQL documents from the printed schema (run `pnpm codegen` after the
// schema changes; the output in console/src/gql is committed so a clean clone builds).
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "./schema.graphql",
  documents: ["console/src/**/*.{ts,tsx}", "!console/src/gql/**/*"],
  ignoreNoDocuments: true,
  generates: {
    "console/src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: "string", JSON: "unknown" },
        skipTypename: true,
      },
    },
  },
};

export default config;
