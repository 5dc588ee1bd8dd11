// Starts lede: reads the configuration, prepares the database, listens, and shuts down cleanly.
import { createServer } from "node:http";
import { sql } from "drizzle-orm";
import { createApp } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { openConfiguredDatabase, prepareDatabase } from "./db/setup.ts";
import { createLedePubSub } from "./infra/pubsub.ts";
import { MemoryRateLimiter, RedisRateLimiter } from "./infra/rate-limit.ts";
import { connectRedis } from "./infra/redis.ts";
import { attachWebSocket } from "./websocket.ts";

async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const handle = await openConfiguredDatabase(config);
  for (const note of await prepareDatabase(handle, { seedDemo: config.seedDemo })) console.log(note);

  const events = createLedePubSub(config.redisUrl);
  const limiterRedis = config.redisUrl ? connectRedis(config.redisUrl, "rate-limit") : null;
  const app = createApp({
    db: handle.db,
    pubsub: events.pubsub,
    rateLimiter: limiterRedis ? new RedisRateLimiter(limiterRedis) : new MemoryRateLimiter(),
    secret: config.secret,
    commentPolicy: config.commentPolicy,
    trustProxy: config.trustProxy,
    graphiql: true,
    ready: async () => {
      await handle.db.execute(sql`select 1`);
      return true;
    },
  });
  const server = createServer(app);
  const websocket = attachWebSocket(server, app);
  server.listen(config.port, config.host, () => {
    const where = handle.driver === "pglite" ? `embedded PGlite in ${config.database.dataDir}` : "PostgreSQL";
    console.log(
      `lede ready in ${Math.round(performance.now() - started)} ms on ${where}: http://localhost:${config.port}/graphql`,
    );
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: draining requests`);
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    void websocket.close();
    server.close(async () => {
      await events.close();
      await limiterRedis?.quit().catch(() => {});
      await handle.close();
      clearTimeout(force);
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
