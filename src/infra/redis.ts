// Redis connections, when REDIS_URL is set. Each use gets its own connection because a
// subscribing connection can do nothing else.
import { createRequire } from "node:module";
import type { Redis } from "ioredis";

// Loaded on the first connection: a server without REDIS_URL never needs the client.
const require = createRequire(import.meta.url);

export function connectRedis(url: string, name: string, options: { pubsub?: boolean } = {}): Redis {
  const { Redis } = require("ioredis") as typeof import("ioredis");
  return new Redis(url, {
    // Pub/sub channels ignore the database number, and a SELECT racing a SUBSCRIBE on connect
    // or an INFO ready check would fail ("only subscriber commands may be used"): pub/sub clients
    // stay on database 0 and skip the check.
    ...(options.pubsub && { db: 0, enableReadyCheck: false }),
    connectionName: `lede:${name}`,
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
    lazyConnect: false,
  });
}
