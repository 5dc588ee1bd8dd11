import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";
import { runNodeScript } from "./setup/cli.ts";

describe("configuration", () => {
  it("has defaults that run a laptop install", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000,
      database: { url: undefined, dataDir: ".data" },
      redisUrl: undefined,
      mailDir: ".data/mail",
      newsletter: { timeZone: "Europe/Paris", sendAt: "07:00" },
    });
  });

  it("reads each variable", () => {
    const config = loadConfig({
      PORT: "8080",
      DATABASE_URL: "postgres://db.internal:5432/lede",
      REDIS_URL: "redis://cache:6379",
      NEWSLETTER_TZ: "America/Montreal",
      NEWSLETTER_SEND_AT: "06:30",
      PUBLIC_URL: "https://news.example.com/",
    });
    expect(config.port).toBe(8080);
    expect(config.database.url).toBe("postgres://db.internal:5432/lede");
    expect(config.redisUrl).toBe("redis://cache:6379");
    expect(config.newsletter).toEqual({ timeZone: "America/Montreal", sendAt: "06:30" });
    expect(config.publicUrl).toBe("https://news.example.com");
  });

  it("reads the mail and newsletter variables", () => {
    expect(loadConfig({})).toMatchObject({
      mail: { from: "lede <newsletter@localhost>", maxAttempts: 8, inProcess: true },
      newsletterRateLimits: { perIp: 10, perEmail: 3 },
      articleUrl: "http://localhost:4000/articles/{slug}",
    });
    const config = loadConfig({
      MAIL_FROM: "Le Brief <brief@news.example.com>",
      MAIL_MAX_ATTEMPTS: "3",
      LEDE_DISPATCHER: "false",
      NEWSLETTER_RATE_LIMIT_IP: "100",
      NEWSLETTER_RATE_LIMIT_EMAIL: "5",
      NEWSLETTER_ARTICLE_URL: "https://news.example.com/a/{slug}",
    });
    expect(config).toMatchObject({
      mail: { from: "Le Brief <brief@news.example.com>", maxAttempts: 3, inProcess: false },
      newsletterRateLimits: { perIp: 100, perEmail: 5 },
      articleUrl: "https://news.example.com/a/{slug}",
    });
  });

  it("reads the reader site's name and links, which the article link follows unless it is set", () => {
    expect(loadConfig({}).site).toEqual({
      name: "lede",
      url: "http://localhost:4000",
      tagUrl: "http://localhost:4000/tags/{slug}",
      authorUrl: "http://localhost:4000/authors/{slug}",
    });
    const config = loadConfig({ SITE_NAME: "Le Fil", SITE_URL: "https://news.example.com/" });
    expect(config.site).toMatchObject({ name: "Le Fil", url: "https://news.example.com" });
    expect(config.articleUrl).toBe("https://news.example.com/articles/{slug}");
    expect(
      loadConfig({ NEWSLETTER_ARTICLE_URL: "https://news.example.com/{language}/a/{slug}" }).articleUrl,
    ).toBe("https://news.example.com/{language}/a/{slug}");
    expect(loadConfig({ SITE_TAG_URL: "https://news.example.com/t/{slug}" }).site.tagUrl).toBe(
      "https://news.example.com/t/{slug}",
    );
  });

  it("seeds the demo articles into an empty database, except in production unless asked", () => {
    const production = { NODE_ENV: "production", LEDE_SECRET: "a-production-secret-of-32-characters!" };
    expect(loadConfig({}).seedDemo).toBe(true);
    expect(loadConfig({ LEDE_SEED_DEMO: "false" }).seedDemo).toBe(false);
    expect(loadConfig(production).seedDemo).toBe(false);
    expect(loadConfig({ ...production, LEDE_SEED_DEMO: "true" }).seedDemo).toBe(true);
    expect(() => loadConfig({ LEDE_SEED_DEMO: "yes" })).toThrow(/^Invalid configuration: LEDE_SEED_DEMO:/);
  });

  it.each([
    ["PORT", "eighty"],
    ["PORT", "70000"],
    ["DATABASE_URL", "mysql://localhost/lede"],
    ["REDIS_URL", "localhost:6379"],
    ["NEWSLETTER_TZ", "Mars/Olympus"],
    ["NEWSLETTER_SEND_AT", "7am"],
    ["NODE_ENV", "staging"],
    ["MAIL_FROM", "newsletter at example.com"],
    ["MAIL_MAX_ATTEMPTS", "0"],
    ["LEDE_DISPATCHER", "maybe"],
    ["NEWSLETTER_RATE_LIMIT_IP", "-1"],
    ["NEWSLETTER_RATE_LIMIT_EMAIL", "many"],
    ["NEWSLETTER_ARTICLE_URL", "https://news.example.com/articles"],
    ["NEWSLETTER_ARTICLE_URL", "ftp://news.example.com/{slug}"],
    ["SITE_URL", "news.example.com"],
    ["SITE_TAG_URL", "https://news.example.com/tags"],
    ["SITE_AUTHOR_URL", "/authors/{slug}"],
    ["RESPONSE_CACHE_MAX_BYTES", "1kB"],
    ["RESPONSE_CACHE_MAX_ENTRY_BYTES", "60000000"],
  ])("names %s when its value %j is bad", (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^Invalid configuration: ${name}:`));
  });

  it("bounds the response cache by bytes, 50 MB in all and 1 MB an answer unless told", () => {
    expect(loadConfig({}).graphql.responseCache).toMatchObject({
      maxBytes: 50_000_000,
      maxEntryBytes: 1_000_000,
    });
    const set = loadConfig({ RESPONSE_CACHE_MAX_BYTES: "8000000", RESPONSE_CACHE_MAX_ENTRY_BYTES: "200000" });
    expect(set.graphql.responseCache).toMatchObject({ maxBytes: 8_000_000, maxEntryBytes: 200_000 });
  });

  it("reads TRUST_PROXY as the number of proxies in front, and refuses the old `true` with a hint", () => {
    expect(loadConfig({}).trustProxy).toBe(0);
    expect(loadConfig({ TRUST_PROXY: "false" }).trustProxy).toBe(0);
    expect(loadConfig({ TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(errorOf(() => loadConfig({ TRUST_PROXY: "true" }))).toMatch(
      /^Invalid configuration: TRUST_PROXY: .*left-most.*number of proxies.*\(1 for one load balancer\)/,
    );
    expect(errorOf(() => loadConfig({ TRUST_PROXY: "yes" }))).toMatch(/number of proxies/);
  });

  it("reads CORS_ORIGINS as a list of origins", () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(
      loadConfig({ CORS_ORIGINS: "https://reader.example.com, http://localhost:3000/" }).corsOrigins,
    ).toEqual(["https://reader.example.com", "http://localhost:3000"]);
    for (const bad of ["reader.example.com", "https://reader.example.com/app", "https://a.example,,"]) {
      expect(errorOf(() => loadConfig({ CORS_ORIGINS: bad }))).toMatch(
        /^Invalid configuration: CORS_ORIGINS:/,
      );
    }
  });

  it.each([
    ["LEDE_SECRET", "short-secret-hunter2"],
    ["DATABASE_URL", "mysql://lede:hunter2@db.internal/lede"],
    ["READ_DATABASE_URL", "mysql://lede:hunter2@replica.internal/lede"],
    ["REDIS_URL", "memcached://:hunter2@cache:6379"],
    ["SMTP_URL", "http://mailer:hunter2@smtp.example.com"],
    ["OTEL_EXPORTER_OTLP_ENDPOINT", "ftp://otel:hunter2@collector"],
  ])("never prints the value of %s, which may hold a secret", (name, value) => {
    const message = errorOf(() => loadConfig({ [name]: value }));
    expect(message).toMatch(new RegExp(`^Invalid configuration: ${name}:`));
    expect(message).not.toContain("hunter2");
  });

  it("says how to make a secret when LEDE_SECRET is short or missing in production", () => {
    expect(errorOf(() => loadConfig({ LEDE_SECRET: "short" }))).toMatch(/openssl rand -base64 48/);
    expect(errorOf(() => loadConfig({ NODE_ENV: "production" }))).toMatch(/openssl rand -base64 48/);
  });

  it("echoes a value that holds no secret, to show what was wrong", () => {
    expect(errorOf(() => loadConfig({ PORT: "eighty" }))).toMatch(/\(got "eighty"\)$/);
  });

  it("stops the server at start with one clear line", async () => {
    const result = await runNodeScript("src/server.ts", [], { PORT: "eighty" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^Invalid configuration: PORT:/),
    ]);
  });
});

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error("expected a ConfigError");
}
