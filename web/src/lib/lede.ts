// The site's one way to talk to lede: a typed document in, its typed data out. Only the document's
// hash travels (persisted documents), and each request carries the reader's address and user agent,
// so that lede's per-IP rate limits and consent records see the reader, not this server.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { siteConfig } from "./config.ts";

export interface Reader {
  /** The reader's address as this server saw it (the socket's peer). */
  clientAddress: string;
  /** The request the reader sent, for its X-Forwarded-For and User-Agent. */
  headers: Headers;
}

export class LedeError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * What lede needs to know who the reader is: X-Forwarded-For as it came (proxies in front of this
 * site) with the reader's address appended. lede's TRUST_PROXY counts this site as one proxy.
 */
export function forwardingHeaders(reader: Reader): Record<string, string> {
  const incoming = reader.headers.get("x-forwarded-for");
  const headers: Record<string, string> = {
    "x-forwarded-for": incoming ? `${incoming}, ${reader.clientAddress}` : reader.clientAddress,
  };
  const userAgent = reader.headers.get("user-agent");
  if (userAgent) headers["user-agent"] = userAgent;
  return headers;
}

export function documentId(document: TypedDocumentNode<unknown, never>): string {
  const hash = (document as unknown as { __meta__?: { hash?: string } }).__meta__?.hash;
  if (!hash) throw new Error("a document without its persisted hash: run `npm run codegen`");
  return hash;
}

export async function execute<Result, Variables>(
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  reader: Reader,
): Promise<Result> {
  const response = await fetch(siteConfig.graphqlUrl, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json",
      ...forwardingHeaders(reader),
    },
    body: JSON.stringify({
      documentId: documentId(document as TypedDocumentNode<unknown, never>),
      variables,
    }),
    signal: AbortSignal.timeout(siteConfig.timeoutMs),
  });
  const text = await response.text();
  let body: { data?: Result | null; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = JSON.parse(text);
  } catch {
    throw new LedeError(`lede answered ${response.status} without JSON`, 502);
  }
  if (body.errors?.length || !body.data) {
    const first = body.errors?.[0];
    const code = first?.extensions?.code;
    if (code === "PERSISTED_QUERY_NOT_IN_LIST" || /must provide query/i.test(first?.message ?? "")) {
      // lede runs without this site's manifest (or an older one): say how to start it.
      throw new LedeError(
        "lede does not know this site's documents: start it with PERSISTED_DOCUMENTS=web/src/gql/persisted-documents.json (from `npm run build --prefix web`)",
        502,
      );
    }
    const status = code === "RATE_LIMITED" ? 429 : code === "BAD_USER_INPUT" ? 400 : 502;
    throw new LedeError(`lede: ${first?.message ?? "no data"} (${code ?? response.status})`, status);
  }
  return body.data;
}
