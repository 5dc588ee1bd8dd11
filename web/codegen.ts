// Typed documents for the reader site, from lede's schema.graphql (GraphQL Code Generator, client
// preset). `persisted-documents.json` is the manifest lede loads with PERSISTED_DOCUMENTS: the site
// sends only each document's hash, so lede can run with PERSISTED_DOCUMENTS_ONLY=true.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "../schema.graphql",
  documents: ["src/lib/documents.ts"],
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { persistedDocuments: true, fragmentMasking: false },
      config: {
        scalars: { DateTime: "string", URL: "string", ID: "string", EmailAddress: "string", File: "File" },
        enumsAsTypes: true,
        useTypeImports: true,
        strictScalars: true,
      },
    },
  },
};

export default config;
