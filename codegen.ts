// Types GraphQL documents from the printed schema (run `pnpm codegen` after the schema changes;
// the output is committed so a clean clone builds): the console's documents, and the example
// client's in examples/.
import type { CodegenConfig } from "@graphql-codegen/cli";

const clientPreset = {
  preset: "client",
  presetConfig: { fragmentMasking: false },
  config: {
    useTypeImports: true,
    enumsAsTypes: true,
    scalars: { DateTime: "string", JSON: "unknown" },
    skipTypename: true,
  },
} as const;

const config: CodegenConfig = {
  schema: "./schema.graphql",
  ignoreNoDocuments: true,
  generates: {
    "console/src/gql/": { ...clientPreset, documents: ["console/src/**/*.{ts,tsx}", "!console/src/gql/**/*"] },
    "examples/gql/": { ...clientPreset, documents: ["examples/**/*.ts", "!examples/gql/**/*"] },
  },
};

export default config;
