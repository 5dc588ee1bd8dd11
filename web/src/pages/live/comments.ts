// The live-comments island's stream: lede's commentAdded subscription over SSE, passed through
// this site (same origin for the browser; the reader's address forwarded, so lede's
// SUBSCRIPTIONS_PER_IP counts readers, not this server). Only the persisted document's hash travels.
import type { APIRoute } from "astro";
import { siteConfig } from "../../lib/config.ts";
import { CommentAddedSubscription } from "../../lib/documents.ts";
import { documentId, forwardingHeaders } from "../../lib/lede.ts";

const GLOBAL_ID = /^[A-Za-z0-9+/=_-]{1,200}$/;

export const GET: APIRoute = async ({ url, request, clientAddress }) => {
  const articleId = url.searchParams.get("articleId") ?? "";
  const after = url.searchParams.get("after") || null;
  if (!GLOBAL_ID.test(articleId) || (after !== null && !GLOBAL_ID.test(after))) {
    return new Response("articleId (and after) must be comment and article ids\n", { status: 400 });
  }
  const target = new URL(siteConfig.graphqlUrl);
  target.searchParams.set("documentId", documentId(CommentAddedSubscription));
  target.searchParams.set("variables", JSON.stringify({ articleId, after }));
  const upstream = await fetch(target, {
    headers: {
      accept: "text/event-stream",
      ...forwardingHeaders({ clientAddress, headers: request.headers }),
    },
    // The reader leaving ends the subscription at lede too.
    signal: request.signal,
  });
  if (!upstream.ok || !upstream.body) {
    return new Response(await upstream.text(), {
      status: upstream.status,
      headers: { "content-type": "text/plain" },
    });
  }
  return new Response(upstream.body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      "x-accel-buffering": "no",
    },
  });
};
