// What keeps feeds cheap: the rendered XML, kept under its ETag (which a cheap statement recomputes
// from the database on every request, so every process agrees on it and no write has to tell the
// cache anything), and the Last-Modified that goes with each ETag.
import type { Redis } from "ioredis";
import { LRUCache } from "lru-cache";

/** Rendered documents by ETag: in this process's memory, or in Redis for every process. */
export interface RenderedStore {
  get(etag: string): Promise<string | null>;
  set(etag: string, xml: string): Promise<void>;
}

export function memoryRenderedStore(maxBytes = 20_000_000): RenderedStore {
  const cache = new LRUCache<string, string>({
    maxSize: maxBytes,
    sizeCalculation: (xml) => Math.max(1, Buffer.byteLength(xml)),
  });
  return {
    get: async (etag) => cache.get(etag) ?? null,
    set: async (etag, xml) => {
      if (Buffer.byteLength(xml) <= maxBytes) cache.set(etag, xml);
    },
  };
}

/** A day bounds what nobody asks for any more; a change of content is a new ETag anyway. */
const REDIS_TTL_MS = 86_400_000;

export function redisRenderedStore(redis: Redis, onError: (error: unknown) => void): RenderedStore {
  const key = (etag: string) => `lede:feeds:${etag}`;
  // A cache that does not answer costs a render, never the answer.
  return {
    get: (etag) =>
      redis.get(key(etag)).catch((error) => {
        onError(error);
        return null;
      }),
    set: async (etag, xml) => {
      await redis.set(key(etag), xml, "PX", REDIS_TTL_MS).catch(onError);
    },
  };
}

/**
 * The Last-Modified of each document: when this process first served its current ETag (truncated to
 * the second, as HTTP dates are), and always later than the previous one's. A version is never older
 * than the change that made it, so a client's If-Modified-Since from any process never matches a
 * newer version; the items' own dates could not say when an article left a feed.
 */
export class VersionClock {
  private readonly heads = new LRUCache<string, { etag: string; at: number }>({ max: 100_000 });

  lastModified(document: string, etag: string, now: Date): Date {
    const head = this.heads.get(document);
    if (head?.etag === etag) return new Date(head.at);
    const second = Math.floor(now.getTime() / 1000) * 1000;
    const at = head ? Math.max(second, head.at + 1000) : second;
    this.heads.set(document, { etag, at });
    return new Date(at);
  }
}
