// The only reader of process.env. Everything is parsed and validated once, at start; a bad
// value stops the process with one line that names the variable. The schema below is also the
// one place defaults are written: `defaults` is what an empty environment gives, and every layer
// that needs a default (createApp, the dispatcher, tests) takes it from there. The settings types
// live here too, so that config.ts imports nothing of the layers that read it.
import { z } from "zod";

const timeOfDay = /^([01]\d|2[0-3]):[0-5]\d$/;
/** `user@host` or `Name <user@host>`. */
const mailbox = /^(?:[^<>@]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/;

const MAKE_A_SECRET = "make one with `openssl rand -base64 48`";

/**
 * Settings whose value may be or hold a credential (the secret itself, a password in a URL): an
 * error names them but never prints their value, which would land in logs and CI output.
 */
const mayHoldSecret = (name: string) => /SECRET|PASSWORD|TOKEN|KEY|_URL$|_ENDPOINT$/.test(name);

/**
 * A true/false switch, exactly those words. `flag.default(x)` for a fixed default, `flag.optional()`
 * where the default depends on other settings.
 */
const flag = z.stringbool({ truthy: ["true"], falsy: ["false"], case: "sensitive" });

/**
 * A link template with `{slug}` in it (and, where `optional` says, other placeholders) that is an
 * absolute http(s) URL once they are filled in.
 */
const urlTemplate = (example: string, optional: string[] = []) =>
  z
    .string()
    .refine(
      (v) => {
        if (!v.includes("{slug}")) return false;
        const filled = [...optional, "{slug}"].reduce(
          (url, placeholder) => url.replaceAll(placeholder, "x"),
          v,
        );
        return /^https?:$/.test(URL.parse(filled)?.protocol ?? "");
      },
      { message: `must be an http(s) URL with {slug} in it, e.g. ${example}` },
    )
    .optional();

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  READ_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(10000),
  LEDE_DATA_DIR: z.string().min(1).default(".data"),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  LEDE_MAIL_DIR: z.string().min(1).optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  METRICS_ENABLED: flag.default(true),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  OTEL_SERVICE_NAME: z.string().min(1).default("lede"),
  READINESS_TIMEOUT_MS: z.coerce.number().int().min(50).default(1000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  PUBLIC_URL: z.url().optional(),
  NEWSLETTER_TZ: z
    .string()
    .default("Europe/Paris")
    .refine((tz) => isTimeZone(tz), "must be an IANA time zone such as Europe/Paris"),
  NEWSLETTER_SEND_AT: z.string().regex(timeOfDay, "must be HH:MM, 24-hour").default("07:00"),
  LEDE_SECRET: z.string().min(32, `must be at least 32 characters; ${MAKE_A_SECRET}`).optional(),
  TRUST_PROXY: z
    .string()
    .refine((v) => v !== "true", {
      message:
        "`true` is refused, as it took the left-most X-Forwarded-For address, which the client chooses: set the number of proxies in front of lede instead (1 for one load balancer)",
    })
    .regex(/^(false|\d{1,2})$/, "must be the number of proxies in front of lede, e.g. 1 (false or 0: none)")
    .transform((v) => (v === "false" ? 0 : Number(v)))
    .default(0),
  CORS_ORIGINS: z
    .string()
    .refine((v) => v.split(",").every((origin) => isWebOrigin(origin.trim())), {
      message:
        "must be origins separated by commas, e.g. https://reader.example.com,https://www.example.com (scheme, host and port; no path)",
    })
    .transform((v) => v.split(",").map((origin) => new URL(origin.trim()).origin))
    .optional(),
  COMMENT_MAX_LINKS: z.coerce.number().int().min(0).default(2),
  COMMENT_FLOOD_SECONDS: z.coerce.number().int().min(0).default(15),
  COMMENT_AUTO_APPROVE_KNOWN: flag.default(true),
  COMMENT_HOLD_FIRST_TIME: flag.default(true),
  LEDE_SEED_DEMO: flag.optional(),
  MAIL_FROM: z
    .string()
    .regex(mailbox, 'must be an address, optionally with a name: "lede <newsletter@example.com>"')
    .default("lede <newsletter@localhost>"),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  LEDE_DISPATCHER: flag.default(true),
  WEBHOOK_ALLOW_HTTP: flag.default(false),
  WEBHOOK_ALLOW_PRIVATE_ADDRESSES: flag.default(false),
  NEWSLETTER_RATE_LIMIT_IP: z.coerce.number().int().min(1).default(10),
  NEWSLETTER_RATE_LIMIT_EMAIL: z.coerce.number().int().min(1).default(3),
  NEWSLETTER_ARTICLE_URL: urlTemplate("https://news.example.com/{language}/a/{slug}", ["{language}"]),
  SITE_NAME: z.string().trim().min(1).max(200).default("lede"),
  SITE_URL: z.url({ protocol: /^https?$/ }).optional(),
  SITE_TAG_URL: urlTemplate("https://news.example.com/tags/{slug}"),
  SITE_AUTHOR_URL: urlTemplate("https://news.example.com/authors/{slug}"),
  // An article body may be 200,000 characters: a request must be able to carry it.
  GRAPHQL_MAX_BODY_BYTES: z.coerce.number().int().min(1_000).default(1_000_000),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(10).default(3_000),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).default(16),
  GRAPHQL_MAX_BREADTH: z.coerce.number().int().min(2).default(300),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).default(15),
  GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().min(0).default(5),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(10).default(50_000),
  GRAPHQL_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  GRAPHQL_INTROSPECTION: flag.optional(),
  GRAPHIQL: flag.optional(),
  MUTATION_LIMIT_PER_IP: z.coerce.number().int().min(1).default(60),
  MUTATION_LIMIT_PER_TOKEN: z.coerce.number().int().min(1).default(600),
  SUBSCRIPTIONS_PER_CONNECTION: z.coerce.number().int().min(1).default(20),
  SUBSCRIPTIONS_PER_IP: z.coerce.number().int().min(1).default(100),
  SUBSCRIPTION_MAX_QUEUED: z.coerce.number().int().min(1).max(1000).default(100),
  RESPONSE_CACHE: flag.default(true),
  RESPONSE_CACHE_TTL_MS: z.coerce.number().int().min(0).default(300_000),
  RESPONSE_CACHE_MAX_BYTES: z.coerce.number().int().min(1_000).default(50_000_000),
  RESPONSE_CACHE_MAX_ENTRY_BYTES: z.coerce.number().int().min(100).default(1_000_000),
  MEDIA_MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1_000)
    .default(20 * 1024 * 1024),
  MEDIA_MAX_PIXELS: z.coerce.number().int().min(1_000_000).default(100_000_000),
  MEDIA_S3_URL: z
    .string()
    .refine((v) => URL.parse(v)?.protocol === "s3:" && Boolean(URL.parse(v)?.hostname), {
      message: "must look like s3://ACCESS_KEY:SECRET@BUCKET/prefix?endpoint=https://host&region=auto",
    })
    .optional(),
  MEDIA_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  MEDIA_IMPORT_ALLOW_PRIVATE: flag.default(false),
  MEDIA_IMPORT_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  PERSISTED_DOCUMENTS: z.string().min(1).optional(),
  PERSISTED_DOCUMENTS_ONLY: flag.default(false),
});

export type Env = z.output<typeof schema>;

export interface GraphqlSettings {
  limits: OperationLimits;
  introspection: boolean;
  graphiql: boolean;
  mutationRateLimits: MutationRateLimits;
  responseCache: ResponseCacheSettings;
  persistedDocuments: PersistedDocumentsOptions | null;
}

export interface Config {
  port: number;
  host: string;
  nodeEnv: Env["NODE_ENV"];
  logLevel: Env["LOG_LEVEL"];
  observability: {
    /** Serve Prometheus metrics at GET /metrics. */
    metrics: boolean;
    /** The longest /ready waits for the database. */
    readinessTimeoutMs: number;
    /** OpenTelemetry: on only with an OTLP endpoint. */
    tracing: { endpoint: string | undefined; serviceName: string };
  };
  /** The longest a graceful shutdown waits for requests in flight before cutting them. */
  shutdownTimeoutMs: number;
  database: {
    url: string | undefined;
    /** A read replica for queries. */
    readUrl: string | undefined;
    dataDir: string;
    poolSize: number;
    connectTimeoutMs: number;
    statementTimeoutMs: number;
  };
  redisUrl: string | undefined;
  smtpUrl: string | undefined;
  mailDir: string;
  publicUrl: string;
  newsletter: { timeZone: string; sendAt: string };
  /** Seed demo content into an empty database at start (default: not in production). */
  seedDemo: boolean;
  /** Key for IP hashes and signed links. */
  secret: string;
  /** The origins whose pages may call lede with credentials; none: any origin, without credentials. */
  corsOrigins: string[];
  /** How many proxies in front of lede append the address they saw to X-Forwarded-For; 0: none. */
  trustProxy: number;
  commentPolicy: CommentPolicy;
  mail: {
    from: string;
    /** Attempts before an outbox message is given up as dead. */
    maxAttempts: number;
    /** Run the dispatcher and the digest scheduler inside the server (else: `lede worker`). */
    inProcess: boolean;
  };
  /** Webhook URLs: http and private, loopback or link-local addresses are for development and tests. */
  webhooks: { allowHttp: boolean; allowPrivateAddresses: boolean };
  /** Subscribe attempts allowed per hour. */
  newsletterRateLimits: { perIp: number; perEmail: number };
  /** Link to an article (digest, webhooks, feeds, sitemaps), with `{slug}` and maybe `{language}` in it. */
  articleUrl: string;
  /** The reader site: its name and home, and where its tag and author pages are (`{slug}`). */
  site: { name: string; url: string; tagUrl: string; authorUrl: string };
  /** The response cache's sizes always set here; a test may leave them out. */
  graphql: GraphqlSettings & { responseCache: Required<ResponseCacheSettings> };
  subscriptions: SubscriptionLimits;
  media: {
    /** Files under this directory unless s3Url is set. */
    dir: string;
    /** s3://… (MEDIA_S3_URL): an S3-compatible bucket instead of files. */
    s3Url: string | undefined;
    maxUploadBytes: number;
    maxPixels: number;
    /** Where clients fetch /media from: MEDIA_PUBLIC_URL (a CDN), else PUBLIC_URL/media. */
    publicBase: string;
    cdn: boolean;
    allowPrivateAddresses: boolean;
    importTimeoutMs: number;
  };
}

/** What a stranger's request may be and do (GRAPHQL_*); enforced by graphql/plugins/limits.ts. */
export interface OperationLimits {
  maxBodyBytes: number;
  maxTokens: number;
  maxDepth: number;
  maxBreadth: number;
  maxAliases: number;
  maxDirectives: number;
  maxCost: number;
  timeoutMs: number;
  /** Hide "did you mean …?" hints, which map the schema for a stranger. */
  blockFieldSuggestions: boolean;
}

/** Mutations allowed per window, per client IP and per staff token (graphql/plugins/security.ts). */
export interface MutationRateLimits {
  perIp: { limit: number; windowMs: number };
  perToken: { limit: number; windowMs: number };
}

/** Persisted documents (graphql/plugins/persisted-documents.ts). */
export interface PersistedDocumentsOptions {
  /** The manifest: `{ "sha256:<hex>": "query …" }`. */
  manifestPath: string;
  /** Refuse any operation that is not in the manifest. */
  only: boolean;
}

export interface ResponseCacheSettings {
  enabled: boolean;
  /** How long a cached response lives at most, invalidations aside. */
  ttlMs: number;
  /** The most the in-memory cache holds, in bytes of JSON; the least recently used go first. */
  maxBytes?: number;
  /** A larger answer is never cached, in memory or in Redis. */
  maxEntryBytes?: number;
}

/** What one client may hold open, and how far a subscriber may fall behind before it is dropped. */
export interface SubscriptionLimits {
  /** Operations in progress on one WebSocket connection. */
  perConnection: number;
  /** Live subscriptions from one client address, SSE and WebSocket together (in this process). */
  perIp: number;
  /** Events waiting for one subscriber; one more and it is dropped. */
  maxQueued: number;
}

/** How a new comment is moderated; the defaults follow WordPress's. */
export interface CommentPolicy {
  /** A comment with more links than this is held for moderation. */
  maxLinks: number;
  /** The least time between two comments from one IP or one email. */
  floodSeconds: number;
  /** Approve at once an email that already has an approved comment. */
  autoApproveKnown: boolean;
  /** Hold a first-time commenter's comment for moderation. */
  holdFirstTime: boolean;
}

/** Good enough on a laptop; production refuses to start without LEDE_SECRET. */
export const DEVELOPMENT_SECRET = "lede-development-secret-do-not-use-in-production";

/**
 * Whether `tz` names a time zone, as Intl.DateTimeFormat accepts it. The canonical names are looked
 * up in Intl's list first: a DateTimeFormat loads ICU's locale and zone data, about 15 ms of every
 * start. Aliases (Asia/Calcutta, US/Eastern) and other spellings are then asked of DateTimeFormat.
 */
function isTimeZone(tz: string): boolean {
  if (Intl.supportedValuesOf("timeZone").includes(tz)) return true;
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** `https://host[:port]` and nothing more: what a browser sends as Origin. */
function isWebOrigin(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (
    (url.protocol === "https:" || url.protocol === "http:") &&
    url.origin === value.replace(/\/$/, "").toLowerCase()
  );
}

export class ConfigError extends Error {}

/** Parses an environment (process.env by default); throws ConfigError naming the first bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join(".") ?? "environment";
    const got = mayHoldSecret(name) ? "" : ` (got ${JSON.stringify(cleaned[name] ?? "")})`;
    throw new ConfigError(`Invalid configuration: ${name}: ${issue?.message ?? "invalid"}${got}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === "production" && !e.LEDE_SECRET) {
    throw new ConfigError(
      `Invalid configuration: LEDE_SECRET: required when NODE_ENV is production (32+ characters; ${MAKE_A_SECRET})`,
    );
  }
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
  if (e.READ_DATABASE_URL && !e.DATABASE_URL) {
    throw new ConfigError(
      "Invalid configuration: READ_DATABASE_URL: needs DATABASE_URL (the primary) as well",
    );
  }
  if (e.RESPONSE_CACHE_MAX_ENTRY_BYTES > e.RESPONSE_CACHE_MAX_BYTES) {
    throw new ConfigError(
      "Invalid configuration: RESPONSE_CACHE_MAX_ENTRY_BYTES: must not exceed RESPONSE_CACHE_MAX_BYTES",
    );
  }
  const production = e.NODE_ENV === "production";
  const siteUrl = (e.SITE_URL ?? publicUrl).replace(/\/$/, "");
  return {
    port: e.PORT,
    host: e.HOST,
    nodeEnv: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    observability: {
      metrics: e.METRICS_ENABLED,
      readinessTimeoutMs: e.READINESS_TIMEOUT_MS,
      tracing: { endpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: e.OTEL_SERVICE_NAME },
    },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    database: {
      url: e.DATABASE_URL,
      readUrl: e.READ_DATABASE_URL,
      dataDir: e.LEDE_DATA_DIR,
      poolSize: e.DATABASE_POOL_SIZE,
      connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    },
    redisUrl: e.REDIS_URL,
    smtpUrl: e.SMTP_URL,
    mailDir: e.LEDE_MAIL_DIR ?? `${e.LEDE_DATA_DIR}/mail`,
    publicUrl,
    newsletter: { timeZone: e.NEWSLETTER_TZ, sendAt: e.NEWSLETTER_SEND_AT },
    // A production site starts empty: demo articles there would be published to readers.
    seedDemo: e.LEDE_SEED_DEMO ?? !production,
    secret: e.LEDE_SECRET ?? DEVELOPMENT_SECRET,
    trustProxy: e.TRUST_PROXY,
    corsOrigins: e.CORS_ORIGINS ?? [],
    commentPolicy: {
      maxLinks: e.COMMENT_MAX_LINKS,
      floodSeconds: e.COMMENT_FLOOD_SECONDS,
      autoApproveKnown: e.COMMENT_AUTO_APPROVE_KNOWN,
      holdFirstTime: e.COMMENT_HOLD_FIRST_TIME,
    },
    mail: { from: e.MAIL_FROM, maxAttempts: e.MAIL_MAX_ATTEMPTS, inProcess: e.LEDE_DISPATCHER },
    webhooks: { allowHttp: e.WEBHOOK_ALLOW_HTTP, allowPrivateAddresses: e.WEBHOOK_ALLOW_PRIVATE_ADDRESSES },
    newsletterRateLimits: { perIp: e.NEWSLETTER_RATE_LIMIT_IP, perEmail: e.NEWSLETTER_RATE_LIMIT_EMAIL },
    articleUrl: e.NEWSLETTER_ARTICLE_URL ?? `${siteUrl}/articles/{slug}`,
    site: {
      name: e.SITE_NAME,
      url: siteUrl,
      tagUrl: e.SITE_TAG_URL ?? `${siteUrl}/tags/{slug}`,
      authorUrl: e.SITE_AUTHOR_URL ?? `${siteUrl}/authors/{slug}`,
    },
    graphql: {
      limits: {
        maxBodyBytes: e.GRAPHQL_MAX_BODY_BYTES,
        maxTokens: e.GRAPHQL_MAX_TOKENS,
        maxDepth: e.GRAPHQL_MAX_DEPTH,
        maxBreadth: e.GRAPHQL_MAX_BREADTH,
        maxAliases: e.GRAPHQL_MAX_ALIASES,
        maxDirectives: e.GRAPHQL_MAX_DIRECTIVES,
        maxCost: e.GRAPHQL_MAX_COST,
        timeoutMs: e.GRAPHQL_TIMEOUT_MS,
        blockFieldSuggestions: production,
      },
      // Production hides the schema's map unless asked: no introspection, no GraphiQL.
      introspection: e.GRAPHQL_INTROSPECTION ?? !production,
      graphiql: e.GRAPHIQL ?? !production,
      mutationRateLimits: {
        perIp: { limit: e.MUTATION_LIMIT_PER_IP, windowMs: 60_000 },
        perToken: { limit: e.MUTATION_LIMIT_PER_TOKEN, windowMs: 60_000 },
      },
      responseCache: {
        enabled: e.RESPONSE_CACHE,
        ttlMs: e.RESPONSE_CACHE_TTL_MS,
        maxBytes: e.RESPONSE_CACHE_MAX_BYTES,
        maxEntryBytes: e.RESPONSE_CACHE_MAX_ENTRY_BYTES,
      },
      persistedDocuments: e.PERSISTED_DOCUMENTS
        ? { manifestPath: e.PERSISTED_DOCUMENTS, only: e.PERSISTED_DOCUMENTS_ONLY }
        : null,
    },
    media: {
      dir: `${e.LEDE_DATA_DIR}/media`,
      s3Url: e.MEDIA_S3_URL,
      maxUploadBytes: e.MEDIA_MAX_UPLOAD_BYTES,
      maxPixels: e.MEDIA_MAX_PIXELS,
      publicBase: (e.MEDIA_PUBLIC_URL ?? `${publicUrl}/media`).replace(/\/$/, ""),
      cdn: e.MEDIA_PUBLIC_URL !== undefined,
      allowPrivateAddresses: e.MEDIA_IMPORT_ALLOW_PRIVATE,
      importTimeoutMs: e.MEDIA_IMPORT_TIMEOUT_MS,
    },
    subscriptions: {
      perConnection: e.SUBSCRIPTIONS_PER_CONNECTION,
      perIp: e.SUBSCRIPTIONS_PER_IP,
      maxQueued: e.SUBSCRIPTION_MAX_QUEUED,
    },
  };
}

/**
 * What lede runs with when nothing is configured (development's openness, production's limits):
 * the only copy of the defaults, read from the schema above.
 */
export const defaults: Config = loadConfig({});
