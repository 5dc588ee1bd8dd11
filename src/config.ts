// The only reader of process.env. Everything is parsed and validated once, at start; a bad
// value stops the process with one line that names the variable.
import { z } from "zod";

const timeOfDay = /^([01]\d|2[0-3]):[0-5]\d$/;
/** `user@host` or `Name <user@host>`. */
const mailbox = /^(?:[^<>@]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/;

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(10000),
  LEDE_DATA_DIR: z.string().min(1).default(".data"),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  LEDE_MAIL_DIR: z.string().min(1).optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  PUBLIC_URL: z.url().optional(),
  NEWSLETTER_TZ: z
    .string()
    .default("Europe/Paris")
    .refine((tz) => isTimeZone(tz), "must be an IANA time zone such as Europe/Paris"),
  NEWSLETTER_SEND_AT: z.string().regex(timeOfDay, "must be HH:MM, 24-hour").default("07:00"),
  LEDE_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  TRUST_PROXY: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  COMMENT_MAX_LINKS: z.coerce.number().int().min(0).default(2),
  COMMENT_FLOOD_SECONDS: z.coerce.number().int().min(0).default(15),
  COMMENT_AUTO_APPROVE_KNOWN: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  COMMENT_HOLD_FIRST_TIME: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  LEDE_SEED_DEMO: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  MAIL_FROM: z
    .string()
    .regex(mailbox, 'must be an address, optionally with a name: "lede <newsletter@example.com>"')
    .default("lede <newsletter@localhost>"),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  LEDE_DISPATCHER: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  NEWSLETTER_RATE_LIMIT_IP: z.coerce.number().int().min(1).default(10),
  NEWSLETTER_RATE_LIMIT_EMAIL: z.coerce.number().int().min(1).default(3),
  NEWSLETTER_ARTICLE_URL: z
    .string()
    .refine((v) => v.includes("{slug}") && URL.canParse(v.replace("{slug}", "x")), {
      message: "must be a URL with {slug} in it, e.g. https://news.example.com/a/{slug}",
    })
    .optional(),
});

export type Env = z.output<typeof schema>;

export interface Config {
  port: number;
  host: string;
  nodeEnv: Env["NODE_ENV"];
  logLevel: Env["LOG_LEVEL"];
  database: {
    url: string | undefined;
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
  /** Seed demo content into an empty database at start. */
  seedDemo: boolean;
  /** Key for IP hashes and signed links. */
  secret: string;
  /** Whether X-Forwarded-For names the client (lede runs behind a load balancer). */
  trustProxy: boolean;
  commentPolicy: CommentPolicy;
  mail: {
    from: string;
    /** Attempts before an outbox message is given up as dead. */
    maxAttempts: number;
    /** Run the dispatcher and the digest scheduler inside the server (else: `lede worker`). */
    inProcess: boolean;
  };
  /** Subscribe attempts allowed per hour. */
  newsletterRateLimits: { perIp: number; perEmail: number };
  /** Link to an article in the digest, with `{slug}` in it. */
  articleUrl: string;
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

export const defaultCommentPolicy: CommentPolicy = {
  maxLinks: 2,
  floodSeconds: 15,
  autoApproveKnown: true,
  holdFirstTime: true,
};

/** Good enough on a laptop; production refuses to start without LEDE_SECRET. */
export const DEVELOPMENT_SECRET = "lede-development-secret-do-not-use-in-production";

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export class ConfigError extends Error {}

/** Parses an environment (process.env by default); throws ConfigError naming the first bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join(".") ?? "environment";
    throw new ConfigError(
      `Invalid configuration: ${name}: ${issue?.message ?? "invalid"} (got ${JSON.stringify(cleaned[name] ?? "")})`,
    );
  }
  const e = parsed.data;
  if (e.NODE_ENV === "production" && !e.LEDE_SECRET) {
    throw new ConfigError(
      "Invalid configuration: LEDE_SECRET: required when NODE_ENV is production (32+ characters)",
    );
  }
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
  return {
    port: e.PORT,
    host: e.HOST,
    nodeEnv: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    database: {
      url: e.DATABASE_URL,
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
    seedDemo: e.LEDE_SEED_DEMO,
    secret: e.LEDE_SECRET ?? DEVELOPMENT_SECRET,
    trustProxy: e.TRUST_PROXY,
    commentPolicy: {
      maxLinks: e.COMMENT_MAX_LINKS,
      floodSeconds: e.COMMENT_FLOOD_SECONDS,
      autoApproveKnown: e.COMMENT_AUTO_APPROVE_KNOWN,
      holdFirstTime: e.COMMENT_HOLD_FIRST_TIME,
    },
    mail: { from: e.MAIL_FROM, maxAttempts: e.MAIL_MAX_ATTEMPTS, inProcess: e.LEDE_DISPATCHER },
    newsletterRateLimits: { perIp: e.NEWSLETTER_RATE_LIMIT_IP, perEmail: e.NEWSLETTER_RATE_LIMIT_EMAIL },
    articleUrl: e.NEWSLETTER_ARTICLE_URL ?? `${publicUrl}/articles/{slug}`,
  };
}
