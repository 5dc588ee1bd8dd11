// Where the response cache keeps its answers: this process's memory, or Redis shared by every
// process. Both keep entries as JSON with their tags (typenames and `Typename:id`s), and both
// version their tags so that invalidation races no read:
// - an invalidation bumps one sequence and stamps each of its tags with it, and deletes the
//   entries that carry them, in one step (one Lua script in Redis);
// - a read takes the sequence before it touches the database, and its answer is stored only if
//   none of its tags was stamped since (checked and stored in one step, too). A read that started
//   before a write and finishes after the write's invalidation is thus never stored.

import type { Redis } from "ioredis";
import { LRUCache } from "lru-cache";

export interface ResponseStore {
  /** The invalidation sequence now; a read takes it before it touches the database. */
  sequence(): Promise<number> | number;
  get(key: string): Promise<string | null> | string | null;
  /** Stores `json` unless one of `tags` was invalidated after `readSequence`. */
  set(key: string, json: string, tags: string[], ttlMs: number, readSequence: number): Promise<void> | void;
  /** Drops every entry that carries one of `tags`, and refuses the answers of reads in flight. */
  invalidate(tags: string[]): Promise<void> | void;
}

/**
 * How long a tag's stamp is remembered. A read that takes longer than this (far beyond
 * GRAPHQL_TIMEOUT_MS) is not stored: a stamp it should have seen may be forgotten.
 */
export const STAMP_LIFETIME_MS = 10 * 60_000;

interface MemoryEntry {
  json: string;
  tags: string[];
}

/** This process's answers, bounded by `maxBytes` of JSON; the least recently used go first. */
export function createMemoryResponseStore(options: { maxBytes: number }): ResponseStore {
  let sequence = 0;
  // Tag -> [sequence, time] of its last invalidation, oldest first (re-stamping moves a tag last).
  const stamps = new Map<string, [number, number]>();
  const keysByTag = new Map<string, Set<string>>();
  const entries = new LRUCache<string, MemoryEntry>({
    maxSize: options.maxBytes,
    sizeCalculation: (entry) => Buffer.byteLength(entry.json),
    // Evicted, expired, replaced or deleted: the entry leaves its tags' indexes.
    dispose: (entry, key) => {
      for (const tag of entry.tags) {
        const keys = keysByTag.get(tag);
        keys?.delete(key);
        if (keys?.size === 0) keysByTag.delete(tag);
      }
    },
  });
  const forgetOldStamps = (now: number) => {
    for (const [tag, [, stampedAt]] of stamps) {
      if (now - stampedAt < STAMP_LIFETIME_MS) break;
      stamps.delete(tag);
    }
  };
  return {
    sequence: () => sequence,
    get: (key) => entries.get(key)?.json ?? null,
    set(key, json, tags, ttlMs, readSequence) {
      if (tags.some((tag) => (stamps.get(tag)?.[0] ?? 0) > readSequence)) return;
      entries.set(key, { json, tags }, { ttl: ttlMs });
      if (!entries.has(key)) return; // larger than the whole cache
      for (const tag of tags) {
        const keys = keysByTag.get(tag) ?? new Set();
        keysByTag.set(tag, keys.add(key));
      }
    },
    invalidate(tags) {
      sequence += 1;
      const now = performance.now();
      forgetOldStamps(now);
      for (const tag of tags) {
        stamps.delete(tag);
        stamps.set(tag, [sequence, now]);
        for (const key of [...(keysByTag.get(tag) ?? [])]) entries.delete(key);
      }
    },
  };
}

// KEYS: the entry, then each tag's stamp, then each tag's index (a sorted set of entry keys
// scored by when they expire). ARGV: the JSON, the TTL in ms, the read's sequence.
const storeScript = `
local n = (#KEYS - 1) / 2
local readSequence = tonumber(ARGV[3])
for i = 2, n + 1 do
  local stamp = redis.call('GET', KEYS[i])
  if stamp and tonumber(stamp) > readSequence then return 0 end
end
local ttl = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('SET', KEYS[1], ARGV[1], 'PX', ttl)
for i = n + 2, 2 * n + 1 do
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now)
  redis.call('ZADD', KEYS[i], now + ttl, KEYS[1])
  if redis.call('PTTL', KEYS[i]) < ttl then redis.call('PEXPIRE', KEYS[i], ttl) end
end
return 1
`;

// KEYS: the sequence, then each tag's stamp, then each tag's index. ARGV: the stamps' lifetime.
const invalidateScript = `
local n = (#KEYS - 1) / 2
local sequence = redis.call('INCR', KEYS[1])
for i = 2, n + 1 do
  redis.call('SET', KEYS[i], sequence, 'PX', ARGV[1])
  local keys = redis.call('ZRANGE', KEYS[i + n], 0, -1)
  for first = 1, #keys, 500 do
    redis.call('DEL', unpack(keys, first, math.min(first + 499, #keys)))
  end
  redis.call('DEL', KEYS[i + n])
end
return sequence
`;

type ScriptedRedis = Redis & {
  ledeResponseStore(...keysThenArgs: (string | number)[]): Promise<number>;
  ledeResponseInvalidate(...keysThenArgs: (string | number)[]): Promise<number>;
};

const prefix = "lede:response:";
const entryKey = (key: string) => `${prefix}entry:${key}`;
const stampKey = (tag: string) => `${prefix}stamp:${tag}`;
const indexKey = (tag: string) => `${prefix}index:${tag}`;
const sequenceKey = `${prefix}sequence`;

/** Answers shared by every process through Redis; Redis's own memory policy bounds them. */
export function createRedisResponseStore(redis: Redis): ResponseStore {
  const scripted = redis as ScriptedRedis;
  // ioredis sends a script by its hash and loads it on the first NOSCRIPT.
  if (!scripted.ledeResponseStore) {
    redis.defineCommand("ledeResponseStore", { lua: storeScript });
    redis.defineCommand("ledeResponseInvalidate", { lua: invalidateScript });
  }
  const tagKeys = (tags: string[]) => [...tags.map(stampKey), ...tags.map(indexKey)];
  return {
    sequence: async () => Number((await redis.get(sequenceKey)) ?? 0),
    get: (key) => redis.get(entryKey(key)),
    async set(key, json, tags, ttlMs, readSequence) {
      const keys = [entryKey(key), ...tagKeys(tags)];
      await scripted.ledeResponseStore(keys.length, ...keys, json, ttlMs, readSequence);
    },
    async invalidate(tags) {
      if (tags.length === 0) return;
      const keys = [sequenceKey, ...tagKeys(tags)];
      await scripted.ledeResponseInvalidate(keys.length, ...keys, STAMP_LIFETIME_MS);
    },
  };
}
