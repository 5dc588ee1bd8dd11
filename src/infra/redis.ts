// Redis connections, when REDIS_URL is set. Each use gets its own connection because a
// subscribing connection can do nothing else.
import { Redis } from "ioredis";

export function connectRedis(url: string, name: string): Redis {
  return new Redis(url, {
    connectionName: `lede:${name}`,
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
    lazyConnect: false,
  });
}
