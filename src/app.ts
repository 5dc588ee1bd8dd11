// Builds the HTTP application: yoga serving /graphql plus the plain endpoints. Tests import this
// and drive it with `app.fetch`, with no socket; server.ts listens on a port.
import type { IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createYoga, maskError, type Plugin, type YogaServerInstance } from "graphql-yoga";
import type { Redis } from "ioredis";
import { type CommentPolicy, defaults, type GraphqlSettings, type SubscriptionLimits } from "./config.ts";
import { DatabaseBusyError } from "./db/bounded-pool.ts";
import type { Database } from "./db/client.ts";
import { isDatabaseUnavailable } from "./db/retry.ts";
import { type AppServices, type Context, createContext } from "./graphql/context.ts";
import { clientError } from "./graphql/errors.ts";
import { LiveFeeds } from "./graphql/live-feeds.ts";
import { playgroundOptions, renderPlayground } from "./graphql/playground.ts";
import { compiledExecutionPlugin } from "./graphql/plugins/compiled-execution.ts";
import { corsPolicy } from "./graphql/plugins/cors.ts";
import { cursorErrorsPlugin } from "./graphql/plugins/cursor-errors.ts";
import { limitPlugins } from "./graphql/plugins/limits.ts";
import { persistedDocumentsPlugin } from "./graphql/plugins/persisted-documents.ts";
import { readReplicaPlugin } from "./graphql/plugins/read-replica.ts";
import { type CacheInvalidation, createResponseCache } from "./graphql/plugins/response-cache.ts";
import {
  csrfPreventionPlugin,
  mutationRateLimitPlugin,
  schemaIntrospectionOffPlugin,
} from "./graphql/plugins/security.ts";
import { schema } from "./graphql/schema.ts";
import { clientInfo } from "./infra/client-info.ts";
import { findCause } from "./infra/errors.ts";
import { createLedePubSub, type LedePubSub } from "./infra/pubsub.ts";
import { MemoryRateLimiter, type RateLimiter } from "./infra/rate-limit.ts";
import { memoryRenderedStore, redisRenderedStore, VersionClock } from "./modules/feeds/feeds.cache.ts";
import { feedsHttpPlugin } from "./modules/feeds/feeds.http.ts";
import type { FeedServices } from "./modules/feeds/feeds.service.ts";
import { type FeedSettings, feedSettingsFromConfig } from "./modules/feeds/feeds.settings.ts";
import { mediaHttpPlugin, multipartUploadPlugin } from "./modules/media/media.http.ts";
import { type MediaSettings, RenditionCache } from "./modules/media/media.service.ts";
import { mediaSettingsFromConfig } from "./modules/media/media.setup.ts";
import { FileMediaStore, type MediaStore } from "./modules/media/media.store.ts";
import { newsletterHttpPlugin } from "./modules/newsletter/newsletter.http.ts";
import {
  defaultNewsletterSettings,
  type NewsletterSettings,
} from "./modules/newsletter/newsletter.settings.ts";
import { authenticate } from "./modules/staff/staff.auth.ts";
import { strictAddressPolicy, type WebhookAddressPolicy } from "./modules/webhooks/webhook.address.ts";
import { createLogger, type Logger, requestLogPlugin, yogaLogger } from "./observability/logger.ts";
import { createMetrics } from "./observability/metrics.ts";
import { createReadinessCheck, type ReadinessReport } from "./observability/readiness.ts";

export interface AppOptions {
  db: Database;
  /** A read replica for queries (READ_DATABASE_URL); absent, everything uses `db`. */
  readDb?: Database;
  now?: () => Date;
  /** In-process events unless given (server.ts passes the Redis-backed one with REDIS_URL). */
  pubsub?: LedePubSub;
  rateLimiter?: RateLimiter;
  secret?: string;
  commentPolicy?: CommentPolicy;
  /** Links, sender, digest time and subscribe limits of the newsletter. */
  newsletter?: NewsletterSettings;
  /** Which webhook URLs are accepted; https to public addresses unless said. */
  webhooks?: WebhookAddressPolicy;
  /** How many proxies in front append to X-Forwarded-For (TRUST_PROXY); 0 (the default): none. */
  trustProxy?: number;
  /** Origins whose pages may call lede with credentials (CORS_ORIGINS); none: any, without. */
  corsOrigins?: readonly string[];
  /** Subscriptions per connection and per client address, and how far one may fall behind. */
  subscriptions?: SubscriptionLimits;
  /** Limits, introspection, GraphiQL, caching and persisted documents; development defaults. */
  graphql?: Partial<GraphqlSettings>;
  /** Redis for the shared response cache (else in memory). */
  cacheRedis?: Redis | null;
  /** Whether the app is ready to serve (for /ready); by default the database answers and is migrated. */
  ready?: () => Promise<boolean | ReadinessReport>;
  /** Structured logs; warnings and errors to stdout unless given. */
  logger?: Logger;
  /** Prometheus metrics at GET /metrics (on unless false). */
  metrics?: boolean;
  /** OpenTelemetry spans for requests and operations (startTracing's plugin); none unless given. */
  tracingPlugin?: Plugin | null;
  /** Where image bytes live (server.ts: LEDE_DATA_DIR/media or MEDIA_S3_URL); a temporary directory unless given. */
  mediaStore?: MediaStore;
  /** Upload limits and where clients fetch images from. */
  media?: MediaSettings;
  /** The reader site's name and links, for feeds and sitemaps. */
  feeds?: FeedSettings;
}

/** What node:http hands yoga beside the Request; absent when tests call app.fetch. */
export type ServerContext = { req?: IncomingMessage };
/**
 * The yoga app, the cache invalidation that background work (the scheduler) tells too, and the
 * live feeds whose limits the WebSocket server applies as well.
 */
export type App = YogaServerInstance<ServerContext, Context> & { cache: CacheInvalidation; live: LiveFeeds };

export function createApp(options: AppOptions): App {
  const now = options.now ?? (() => new Date());
  const settings: GraphqlSettings = { ...defaults.graphql, ...options.graphql };
  const logger = options.logger ?? createLogger({ level: "warn" });
  const responseCache = createResponseCache({ ...settings.responseCache, redis: options.cacheRedis, logger });
  const services: AppServices = {
    db: options.db,
    cache: responseCache.invalidation,
    complexityLimit: {
      complexity: settings.limits.maxCost,
      depth: settings.limits.maxDepth,
      breadth: settings.limits.maxBreadth,
    },
    now,
    pubsub: options.pubsub ?? createLedePubSub().pubsub,
    live: new LiveFeeds(options.subscriptions ?? defaults.subscriptions, logger),
    rateLimiter: options.rateLimiter ?? new MemoryRateLimiter(() => now().getTime()),
    secret: options.secret ?? defaults.secret,
    commentPolicy: options.commentPolicy ?? defaults.commentPolicy,
    newsletter: options.newsletter ?? defaultNewsletterSettings,
    webhooks: options.webhooks ?? strictAddressPolicy,
    store: options.mediaStore ?? new FileMediaStore(join(tmpdir(), "lede-media")),
    media: options.media ?? mediaSettingsFromConfig(defaults),
    renditions: new RenditionCache(),
  };
  const feeds: FeedServices = {
    db: options.readDb ?? options.db,
    now,
    feeds: options.feeds ?? feedSettingsFromConfig(defaults),
    // With Redis, a document rendered by one process serves them all.
    rendered: options.cacheRedis
      ? redisRenderedStore(options.cacheRedis, (error) => logger.warn({ err: error }, "feeds: Redis failed"))
      : memoryRenderedStore(),
    versions: new VersionClock(),
  };
  const clientOptions = { secret: services.secret, trustProxy: options.trustProxy ?? defaults.trustProxy };
  const ready = options.ready ?? createReadinessCheck(options.db);
  const observability = [
    ...(options.tracingPlugin ? [options.tracingPlugin] : []),
    requestLogPlugin(logger, {
      ipHash: (request, serverContext) =>
        clientInfo(request, (serverContext as ServerContext).req, clientOptions).ipHash,
    }),
    ...(options.metrics === false
      ? []
      : [createMetrics({ db: options.db, subscriptions: services.live }).plugin]),
  ];
  const cors = corsPolicy(options.corsOrigins ?? defaults.corsOrigins);
  const yoga = createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    // lede's own limit (GRAPHQL_MAX_BODY_BYTES, src/graphql/plugins/limits.ts) refuses declared
    // lengths up front and counts chunked bodies as it reads them. yoga's 25 MB one piped every
    // body through a stream of its own, ~1.5% of a front page's CPU, to enforce a looser bound.
    maxRequestBodySize: false,
    cors: cors.cors,
    graphiql: settings.graphiql ? playgroundOptions : false,
    renderGraphiQL: renderPlayground,
    healthCheckEndpoint: "/health",
    logging: yogaLogger(logger),
    maskedErrors: {
      maskError: (error, message, isDev) =>
        findCause(error, DatabaseBusyError)
          ? clientError("SERVICE_UNAVAILABLE", "The database is busy; try again in a moment")
          : isDatabaseUnavailable(error)
            ? clientError("SERVICE_UNAVAILABLE", "The database is unavailable; try again in a moment")
            : maskError(error, message, isDev),
    },
    context: async ({ request, req }) =>
      createContext(
        services,
        await authenticate(services.db, request.headers.get("authorization")),
        clientInfo(request, req, clientOptions),
        () => req?.socket.destroy(),
      ),
    plugins: [
      // First, so that the plugins after it (timeout, cache, introspection-off) wrap compiled runs.
      compiledExecutionPlugin((message) => logger.warn(message)),
      ...observability,
      ...cors.plugins,
      csrfPreventionPlugin(),
      multipartUploadPlugin(services.media.maxUploadBytes),
      ...limitPlugins(settings.limits),
      cursorErrorsPlugin(),
      ...(settings.introspection ? [] : [schemaIntrospectionOffPlugin()]),
      ...(settings.persistedDocuments ? [persistedDocumentsPlugin(settings.persistedDocuments)] : []),
      // Before the cache: a refused mutation then ends before the cache plugin would wrap it.
      mutationRateLimitPlugin(settings.mutationRateLimits),
      ...responseCache.plugins,
      ...(options.readDb && options.readDb !== options.db ? [readReplicaPlugin(options.readDb)] : []),
      newsletterHttpPlugin(services),
      mediaHttpPlugin(services, (error) => logger.error({ err: error }, "media: a rendition failed")),
      feedsHttpPlugin(feeds, (error) => logger.error({ err: error }, "feeds: a document failed")),
      {
        onRequest: async ({ request, endResponse, fetchAPI }) => {
          if (new URL(request.url).pathname !== "/ready") return;
          const answer = await ready().catch(() => false);
          const report: ReadinessReport = typeof answer === "boolean" ? { ready: answer } : answer;
          endResponse(
            new fetchAPI.Response(JSON.stringify(report), {
              status: report.ready ? 200 : 503,
              headers: { "content-type": "application/json", "cache-control": "no-store" },
            }),
          );
        },
      },
    ],
  });
  return Object.assign(yoga, { cache: services.cache, live: services.live });
}
