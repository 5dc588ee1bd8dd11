// The response cache for public queries: in memory, or in Redis so that every process shares it
// (and its invalidations). Staff requests are never cached. Mutations invalidate what they change
// through `CacheInvalidation`; GET responses carry an ETag (304 when it still holds) and a
// Cache-Control header.
import { createRedisCache } from "@envelop/response-cache-redis";
import { type Cache, createInMemoryCache, useResponseCache } from "@graphql-yoga/plugin-response-cache";
import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Plugin } from "graphql-yoga";
import type { Redis } from "ioredis";

const notCached = new WeakSet<object>();

/**
 * Keeps this request's response out of the cache: it holds something the next anonymous reader
 * must not get from the cache (an unpublished article shown through a preview token, which also
 * stops working when it expires).
 */
export function doNotCache(context: object): void {
  notCached.add(context);
}

export interface ResponseCacheOptions {
  enabled: boolean;
  /** How long a cached response lives at most, invalidations aside. */
  ttlMs: number;
  /** Shared cache; absent means this process's memory. */
  redis?: Redis | null | undefined;
}

export const defaultResponseCacheOptions: ResponseCacheOptions = { enabled: true, ttlMs: 300_000 };

/** What writes tell the cache. Cached responses are tagged with the global ids they contain. */
export interface CacheInvalidation {
  /** An article, or anything shown with it (its comments, count, quotes, sources), changed. */
  articleChanged(articleId: string): Promise<void>;
  /** The set of public articles changed (published, unpublished, deleted): every list is stale. */
  articleListsChanged(): Promise<void>;
  authorChanged(authorId: string): Promise<void>;
  /** An author was added: the `authors` list is stale. */
  authorListsChanged(): Promise<void>;
  tagsChanged(): Promise<void>;
}

const noInvalidation: CacheInvalidation = {
  articleChanged: async () => {},
  articleListsChanged: async () => {},
  authorChanged: async () => {},
  authorListsChanged: async () => {},
  tagsChanged: async () => {},
};

export function createResponseCache(options: ResponseCacheOptions): {
  plugins: Plugin[];
  invalidation: CacheInvalidation;
} {
  if (!options.enabled) return { plugins: [cacheHeadersPlugin(false)], invalidation: noInvalidation };
  const cache: Cache = options.redis
    ? createRedisCache({ redis: options.redis })
    : createInMemoryCache({ max: 10_000 });
  const invalidate = async (entities: { typename: string; id?: string }[]) => {
    await cache.invalidate(entities);
  };
  const invalidation: CacheInvalidation = {
    articleChanged: (articleId) =>
      invalidate([{ typename: "Article", id: encodeGlobalID("Article", articleId) }]),
    articleListsChanged: () => invalidate([{ typename: "Article" }, { typename: "Quote" }]),
    authorChanged: (authorId) => invalidate([{ typename: "Author", id: encodeGlobalID("Author", authorId) }]),
    authorListsChanged: () => invalidate([{ typename: "Author" }]),
    tagsChanged: () => invalidate([{ typename: "Tag" }]),
  };
  const plugin = useResponseCache({
    cache,
    ttl: options.ttlMs,
    // One cache for every anonymous reader; a signed-in staff member bypasses it entirely.
    session: () => null,
    enabled: (request) => !request.headers.has("authorization"),
    ttlPerSchemaCoordinate: { "Query.viewer": 0 },
    onTtl: ({ ttl, context }) => (notCached.has(context) ? 0 : ttl),
    // Mutations bypass the cache (with `false` envelop would look them up like queries!) and
    // invalidate the entities they return; the services say the rest (CacheInvalidation).
    invalidateViaMutation: true,
  });
  return { plugins: [plugin, cacheHeadersPlugin(true)], invalidation };
}

/**
 * Browsers and CDNs may keep a public GET response but must revalidate it (with its ETag, for a
 * cheap 304); anything a staff member fetched is private.
 */
function cacheHeadersPlugin(publicCacheable: boolean): Plugin {
  return {
    onResponse({ request, response }) {
      if (new URL(request.url).pathname !== "/graphql" || response.headers.has("cache-control")) return;
      const staff = request.headers.has("authorization");
      const cacheable = publicCacheable && request.method === "GET" && !staff && response.status === 200;
      response.headers.set(
        "cache-control",
        cacheable ? "public, max-age=0, must-revalidate" : staff ? "private, no-store" : "no-store",
      );
    },
  };
}
