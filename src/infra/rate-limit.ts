// Fixed-window counters for rate limits. In memory for one process; in Redis with REDIS_URL, so
// that every process counts against the same limit.
import type { Redis } from "ioredis";

export interface RateLimitVerdict {
  allowed: boolean;
  /** When the caller may try again (0 when allowed). */
  retryAfterMs: number;
}

export interface RateLimiter {
  /** Counts `cost` hits (one by default) on `key`; allowed while the window holds at most `limit`. */
  hit(key: string, limit: number, windowMs: number, cost?: number): Promise<RateLimitVerdict>;
}

export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private lastSweep = 0;

  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  async hit(key: string, limit: number, windowMs: number, cost = 1): Promise<RateLimitVerdict> {
    const now = this.now();
    this.sweep(now);
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count += cost;
    return window.count <= limit
      ? { allowed: true, retryAfterMs: 0 }
      : { allowed: false, retryAfterMs: window.resetAt - now };
  }

  /** Drops expired windows now and then, so memory follows the live keys only. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

export class RedisRateLimiter implements RateLimiter {
  private readonly redis: Redis;
  private readonly prefix: string;

  constructor(redis: Redis, prefix = "lede:rl:") {
    this.redis = redis;
    this.prefix = prefix;
  }

  async hit(key: string, limit: number, windowMs: number, cost = 1): Promise<RateLimitVerdict> {
    const redisKey = `${this.prefix}${key}`;
    const result = await this.redis
      .multi()
      .incrby(redisKey, cost)
      .pexpire(redisKey, windowMs, "NX")
      .pttl(redisKey)
      .exec();
    const count = Number(result?.[0]?.[1] ?? 0);
    const ttl = Number(result?.[2]?.[1] ?? windowMs);
    return count <= limit
      ? { allowed: true, retryAfterMs: 0 }
      : { allowed: false, retryAfterMs: Math.max(ttl, 1) };
  }
}
