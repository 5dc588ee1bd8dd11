// The response cache for public queries: in memory, or in Redis so that every process shares it
// (and its invalidations). Staff requests are never cached. Mutations invalidate what they change
// through `CacheInvalidation`; GET responses carry an ETag (304 when it still holds) and a
// Cache-Control header. How entries are stored and why invalidation races no read: response-store.ts.
import { type Cache, useResponseCache } from "@graphql-yoga/plugin-response-cache";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { type ExecutionResult, getOperationAST } from "graphql";
import type { Plugin, YogaInitialContext } from "graphql-yoga";
import type { Redis } from "ioredis";
import { defaults, type ResponseCacheSettings } from "../../config.ts";
import { type CacheInvalidation, noInvalidation } from "../../infra/cache-invalidation.ts";
import type { Logger } from "../../observability/logger.ts";
import {
  createMemoryResponseStore,
  createRedisResponseStore,
  type ResponseStore,
  STAMP_LIFETIME_MS,
} from "./response-store.ts";

const notCached = new WeakSet<object>();

/**
 * Keeps this request's response out of the cache: it holds something the next anonymous reader
 * must not get from the cache (an unpublished article shown through a preview token, which also
 * stops working when it expires).
 */
export function doNotCache(context: object): void {
  notCached.add(context);
}

export interface ResponseCacheOptions extends ResponseCacheSettings {
  /** Shared cache; absent means this process's memory. */
  redis?: Redis | null | undefined;
  /** Where a failed cache write is told (the answer itself is unaffected). */
  logger?: Logger | undefined;
}

/** What writes tell the cache. Cached responses are tagged with the global ids they contain. */
export type { CacheInvalidation };

export function createResponseCache(options: ResponseCacheOptions): {
  plugins: Plugin[];
  invalidation: CacheInvalidation;
} {
  if (!options.enabled) return { plugins: [cacheHeadersPlugin(false)], invalidation: noInvalidation };
  const store = options.redis
    ? createRedisResponseStore(options.redis)
    : createMemoryResponseStore({ maxBytes: options.maxBytes ?? defaults.graphql.responseCache.maxBytes });
  const cache = versionedCache(store, {
    maxEntryBytes: options.maxEntryBytes ?? defaults.graphql.responseCache.maxEntryBytes,
    logger: options.logger,
  });
  const invalidate = async (entities: Entity[]) => {
    await store.invalidate(tagsToInvalidate(entities));
  };
  const invalidation: CacheInvalidation = {
    articleChanged: (articleId) =>
      invalidate([{ typename: "Article", id: encodeGlobalID("Article", articleId) }]),
    articleListsChanged: () => invalidate([{ typename: "Article" }, { typename: "Quote" }]),
    authorChanged: (authorId) => invalidate([{ typename: "Author", id: encodeGlobalID("Author", authorId) }]),
    authorListsChanged: () => invalidate([{ typename: "Author" }]),
    tagsChanged: () => invalidate([{ typename: "Tag" }]),
  };
  const cacheable = (request: Request) => !request.headers.has("authorization");
  const plugin = useResponseCache({
    cache,
    ttl: options.ttlMs,
    // One cache for every anonymous reader; a signed-in staff member bypasses it entirely.
    session: () => null,
    enabled: cacheable,
    ttlPerSchemaCoordinate: { "Query.viewer": 0 },
    onTtl: ({ ttl, context }) => (notCached.has(context) ? 0 : ttl),
    // Mutations bypass the cache (with `false` envelop would look them up like queries!) and
    // invalidate the entities they return; the services say the rest (CacheInvalidation).
    invalidateViaMutation: true,
  });
  // Before the cache plugin: its result must reach the cache's `set` carrying the read's start.
  const plugins = [readStartPlugin(store, cacheable), plugin, cacheHeadersPlugin(true)];
  return { plugins, invalidation };
}

/** When a read started: the store's sequence, and this process's clock. */
interface ReadStart {
  sequence: number;
  at: number;
}

/** Carried by a query's result from readStartPlugin to the cache's `set`; JSON leaves it out. */
const readStartKey = Symbol("lede.responseCache.readStart");
type WithReadStart = ExecutionResult & { [readStartKey]?: ReadStart };

/** Takes the store's sequence before a cacheable query runs, and hands it on with the result. */
function readStartPlugin(store: ResponseStore, cacheable: (request: Request) => boolean): Plugin {
  return {
    async onExecute({ args }) {
      const { request } = args.contextValue as YogaInitialContext;
      if (!cacheable(request) || getOperationAST(args.document, args.operationName)?.operation !== "query") {
        return;
      }
      const start: ReadStart = { sequence: await store.sequence(), at: performance.now() };
      return {
        onExecuteDone({ result, setResult }) {
          // A streamed (@defer) result is reassembled by the cache plugin, without the start:
          // it is not stored.
          if (Symbol.asyncIterator in result) return;
          const withStart: WithReadStart = { ...result, [readStartKey]: start };
          setResult(withStart);
        },
      };
    },
  };
}

type Entity = { typename: string; id?: string | number | undefined };

/** An answer carries its entities' typenames (lists of them go stale too) and their ids. */
function tagsOfAnswer(entities: Iterable<Entity>): string[] {
  const tags = new Set<string>();
  for (const { typename, id } of entities) {
    tags.add(typename);
    if (id != null) tags.add(`${typename}:${id}`);
  }
  return [...tags];
}

/** An entity with an id invalidates the answers that carry it; a bare typename, all of its kind. */
const tagsToInvalidate = (entities: Iterable<Entity>): string[] =>
  [...entities].map(({ typename, id }) => (id == null ? typename : `${typename}:${id}`));

/** The cache plugin's view of a store: results in and out as JSON, each one bounded in size. */
function versionedCache(
  store: ResponseStore,
  options: { maxEntryBytes: number; logger: Logger | undefined },
): Cache {
  // The cache plugin waits neither for its writes nor for its own invalidations: their failures
  // are logged here rather than left unhandled.
  const logged = async (what: string, work: () => Promise<void> | void) => {
    try {
      await work();
    } catch (error) {
      options.logger?.warn({ err: error }, `Response cache ${what} failed`);
    }
  };
  const parse = (json: string | null): ExecutionResult | null => (json === null ? null : JSON.parse(json));
  return {
    get(key) {
      const json = store.get(key);
      return json instanceof Promise ? json.then(parse) : parse(json);
    },
    set(key, result, entities, ttl) {
      const start = (result as WithReadStart)[readStartKey];
      // Without its start the answer may be stale; a read that long may have missed a stamp.
      if (!start || performance.now() - start.at > STAMP_LIFETIME_MS || !Number.isFinite(ttl)) return;
      const json = JSON.stringify(result);
      if (Buffer.byteLength(json) > options.maxEntryBytes) return;
      return logged("write", () => store.set(key, json, tagsOfAnswer(entities), ttl, start.sequence));
    },
    invalidate: (entities) => logged("invalidation", () => store.invalidate(tagsToInvalidate(entities))),
  };
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
