// Persisted documents: clients send a document's hash instead of its text (GET or POST), from the
// manifest GraphQL Code Generator writes (persisted-documents.json). With `only`, nothing else runs.
import { readFileSync } from "node:fs";
import { usePersistedOperations } from "@graphql-yoga/plugin-persisted-operations";
import type { Plugin } from "graphql-yoga";
import type { PersistedDocumentsOptions } from "../../config.ts";

export function persistedDocumentsPlugin(options: PersistedDocumentsOptions): Plugin {
  const manifest = new Map(
    Object.entries(JSON.parse(readFileSync(options.manifestPath, "utf8")) as Record<string, string>),
  );
  return usePersistedOperations({
    allowArbitraryOperations: !options.only,
    // The GraphQL-over-HTTP proposal's `documentId` (body or query string), or Apollo's
    // `extensions.persistedQuery.sha256Hash`.
    extractPersistedOperationId: (params, request) => {
      const fromBody = (params as { documentId?: unknown }).documentId;
      if (typeof fromBody === "string") return fromBody;
      const fromQuery = new URL(request.url).searchParams.get("documentId");
      if (fromQuery) return fromQuery;
      const hash = (params.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
      if (typeof hash === "string") return hash.startsWith("sha256:") ? hash : `sha256:${hash}`;
      return null;
    },
    getPersistedOperation: (key) => manifest.get(key) ?? null,
  });
}
