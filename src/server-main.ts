// The server process proper, which src/server.ts loads: reads the configuration, prepares the
// database, listens, and shuts down cleanly.
import { createServer, type Server } from "node:http";
import { createApp } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { DataDirectoryInUseError } from "./db/data-dir-lock.ts";
import { openConfiguredDatabase, prepareDatabase } from "./db/setup.ts";
import { trackRequests } from "./infra/drain.ts";
import { createLedePubSub } from "./infra/pubsub.ts";
import { MemoryRateLimiter, RedisRateLimiter } from "./infra/rate-limit.ts";
import { connectRedis } from "./infra/redis.ts";
import { startArticleScheduler } from "./modules/article/article.scheduler.ts";
import { mediaSettingsFromConfig } from "./modules/media/media.service.ts";
import { mediaStoreFromConfig } from "./modules/media/media.setup.ts";
import { newsletterSettingsFromConfig } from "./modules/newsletter/newsletter.settings.ts";
import { createLogger } from "./observability/logger.ts";
import { createReadinessCheck } from "./observability/readiness.ts";
import { startTracing } from "./observability/tracing.ts";
import { attachWebSocket } from "./websocket.ts";
import { startBackgroundWork } from "./worker.ts";

async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel });
  const tracing = await startTracing(config.observability.tracing);
  const handle = await openConfiguredDatabase(config, "the lede server");
  const mediaStore = mediaStoreFromConfig(config);
  for (const note of await prepareDatabase(handle, { seedDemo: config.seedDemo, mediaStore }))
    logger.info(note);

  const events = createLedePubSub(config.redisUrl);
  const limiterRedis = config.redisUrl ? connectRedis(config.redisUrl, "rate-limit") : null;
  const cacheRedis =
    config.redisUrl && config.graphql.responseCache.enabled ? connectRedis(config.redisUrl, "cache") : null;
  /** Redis, the database (and with it the embedded database's lock), then the spans. */
  const closeConnections = async () => {
    await events.close();
    await limiterRedis?.quit().catch(() => {});
    await cacheRedis?.quit().catch(() => {});
    await handle.close();
    await tracing?.shutdown();
  };
  let stopping = false;
  const readiness = createReadinessCheck(handle.db, { timeoutMs: config.observability.readinessTimeoutMs });
  const app = createApp({
    db: handle.db,
    readDb: handle.readDb,
    pubsub: events.pubsub,
    rateLimiter: limiterRedis ? new RedisRateLimiter(limiterRedis) : new MemoryRateLimiter(),
    secret: config.secret,
    commentPolicy: config.commentPolicy,
    newsletter: newsletterSettingsFromConfig(config),
    webhooks: config.webhooks,
    trustProxy: config.trustProxy,
    corsOrigins: config.corsOrigins,
    graphql: config.graphql,
    subscriptions: config.subscriptions,
    cacheRedis,
    logger,
    metrics: config.observability.metrics,
    tracing: tracing?.provider ?? null,
    mediaStore,
    media: mediaSettingsFromConfig(config),
    // A process that is shutting down is not ready: the load balancer stops sending it requests.
    ready: () => (stopping ? Promise.resolve({ ready: false, reason: "shutting down" }) : readiness()),
  });
  const server = createServer(app);
  const requests = trackRequests(server);
  // Listening first: a process that cannot serve (a port in use) must not start background work
  // and linger; it lets go of the database and exits 1.
  try {
    await listen(server, config.port, config.host);
  } catch (error) {
    await closeConnections();
    throw new StartupError(listenFailure(error, config.host, config.port));
  }
  const websocket = attachWebSocket(server, app);
  const log = (line: string) => logger.info(line);
  const background = config.mail.inProcess ? startBackgroundWork(handle.db, config, log) : null;
  // Publishes scheduled articles when due; safe in every process at once (one claims each article).
  const scheduler = startArticleScheduler({
    db: handle.db,
    pubsub: events.pubsub,
    cache: app.cache,
    articleUrl: config.articleUrl,
    log,
  });
  const where = handle.driver === "pglite" ? `embedded PGlite in ${config.database.dataDir}` : "PostgreSQL";
  logger.info(
    `lede ready in ${Math.round(performance.now() - started)} ms on ${where}: http://localhost:${config.port}/graphql`,
  );
  logger.info(
    background ? `dispatcher running: ${background.describe}` : "dispatcher off (LEDE_DISPATCHER=false)",
  );
  if (tracing) logger.info(`tracing to ${config.observability.tracing.endpoint}`);

  // Graceful shutdown: stop accepting, finish the requests in flight (cut past SHUTDOWN_TIMEOUT_MS),
  // let the dispatcher finish its message and the schedulers their round, then close Redis and the
  // database. Exits 0 when everything finished by itself, 1 when something had to be cut.
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const since = performance.now();
    const elapsed = () => Math.round(performance.now() - since);
    const step = (message: string, fields: Record<string, unknown> = {}) =>
      logger.info({ shutdown: true, elapsedMs: elapsed(), ...fields }, `shutdown: ${message}`);
    step(`${signal}: no new connections; draining ${requests.inFlight()} requests in flight`, { signal });
    const force = setTimeout(() => {
      logger.fatal({ shutdown: true, elapsedMs: elapsed() }, "shutdown: stuck; exiting without closing");
      process.exit(1);
    }, config.shutdownTimeoutMs + 10_000).unref();

    const drained = requests.drain(config.shutdownTimeoutMs).then((result) => {
      step(
        result.clean
          ? "requests drained"
          : `requests drained; ${result.cut} cut after ${config.shutdownTimeoutMs} ms`,
        { ...result },
      );
      return result;
    });
    const websocketClosed = websocket.close().then(() => step("websocket subscriptions closed"));
    // The dispatcher finishes the message in flight while requests drain.
    const backgroundStopped = background?.stop().then(() => step("dispatcher and digest scheduler stopped"));
    const schedulerStopped = scheduler.stop().then(() => step("article scheduler stopped"));
    let clean = true;
    try {
      clean = (await drained).clean;
      await Promise.all([websocketClosed, backgroundStopped, schedulerStopped]);
      await closeConnections();
      step(config.redisUrl ? "redis and database closed" : "database closed");
    } catch (error) {
      clean = false;
      logger.error({ err: error, shutdown: true }, "shutdown: a step failed");
    }
    clearTimeout(force);
    step(`done; exiting ${clean ? 0 : 1}`);
    process.exit(clean ? 0 : 1);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

/** A reason not to start that one line says in full. */
class StartupError extends Error {}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function listenFailure(error: unknown, host: string, port: number): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EADDRINUSE") return `port ${port} is in use on ${host}: stop what holds it, or set PORT`;
  if (code === "EACCES") return `port ${port} on ${host} needs privileges this process lacks: set PORT`;
  return `cannot listen on ${host}:${port}: ${error instanceof Error ? error.message : String(error)}`;
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else if (error instanceof StartupError || error instanceof DataDirectoryInUseError)
    console.error(`lede: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
