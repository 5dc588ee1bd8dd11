// GraphQL Code Generator: typed documents for every operation written with `graphql()` in the
// tests (lede's own client). Clients of lede point `schema` at their copy of schema.graphql.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["test/**/*.ts", "!test/generated/**"],
  ignoreNoDocuments: false,
  generates: {
    "test/generated/": {
      preset: "client",
      presetConfig: { persistedDocuments: true, fragmentMasking: false },
      config: {
        scalars: { DateTime: "string", URL: "string", ID: "string", EmailAddress: "string", File: "File" },
        enumsAsTypes: true,
        useTypeImports: true,
        strictScalars: true,
        importExtension: ".ts",
      },
    },
  },
};

export default config;
