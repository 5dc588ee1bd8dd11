// The server process proper, which src/server.ts loads: reads the configuration, prepares the
// database, listens, and shuts down cleanly.
//
// Only the configuration and the database's opening are imported up front: embedded PGlite opens
// in its own thread (src/db/pglite-thread.ts) and takes about as long as loading the rest of the
// server, so the rest loads once it has started opening, not before.
import { createServer, type Server } from "node:http";
import { ConfigError, loadConfig } from "./config.ts";
import { openConfiguredDatabase } from "./db/client.ts";
import { DataDirectoryInUseError } from "./db/data-dir-lock.ts";
import { demoTemplate } from "./db/pglite-template.ts";

async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const template = demoTemplate(config);
  const opening = openConfiguredDatabase(config, "the lede server", template);
  // Whichever fails first is reported; the other must not end the process as unhandled.
  opening.catch(() => {});
  const [{ createLogger }, { startTracing }] = await Promise.all([
    import("./observability/logger.ts"),
    import("./observability/tracing.ts"),
  ]);
  const logger = createLogger({ level: config.logLevel });
  // Before the modules it instruments load.
  const tracing = await startTracing(config.observability.tracing);
  const [
    { createApp },
    { attachWebSocket },
    { startBackgroundWork },
    { startArticleScheduler },
    { prepareDatabase },
    { trackRequests },
    { createLedePubSub },
    { MemoryRateLimiter, RedisRateLimiter },
    { connectRedis },
    { feedSettingsFromConfig },
    { mediaSettingsFromConfig, mediaStoreFromConfig },
    { newsletterSettingsFromConfig },
    { createReadinessCheck },
  ] = await Promise.all([
    import("./app.ts"),
    import("./websocket.ts"),
    import("./worker.ts"),
    import("./modules/article/article.scheduler.ts"),
    import("./db/setup.ts"),
    import("./infra/drain.ts"),
    import("./infra/pubsub.ts"),
    import("./infra/rate-limit.ts"),
    import("./infra/redis.ts"),
    import("./modules/feeds/feeds.settings.ts"),
    import("./modules/media/media.setup.ts"),
    import("./modules/newsletter/newsletter.settings.ts"),
    import("./observability/readiness.ts"),
  ]);
  const handle = await opening;
  const mediaStore = await mediaStoreFromConfig(config);
  const events = createLedePubSub(config.redisUrl);
  const limiterRedis = config.redisUrl ? connectRedis(config.redisUrl, "rate-limit") : null;
  // The response cache (unless RESPONSE_CACHE=false) and the rendered feeds.
  const cacheRedis = config.redisUrl ? connectRedis(config.redisUrl, "cache") : null;
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
    tracingPlugin: tracing?.plugin ?? null,
    mediaStore,
    media: mediaSettingsFromConfig(config),
    feeds: feedSettingsFromConfig(config),
    // A process that is shutting down is not ready: the load balancer stops sending it requests.
    ready: () => (stopping ? Promise.resolve({ ready: false, reason: "shutting down" }) : readiness()),
  });
  // The app is made while embedded PGlite may still be opening (its statements wait for it): the
  // database is migrated and seeded before anything listens.
  const saveTemplate = template && { template, dataDir: config.database.dataDir };
  for (const note of await prepareDatabase(handle, { seedDemo: config.seedDemo, mediaStore, saveTemplate }))
    logger.info(note);
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
