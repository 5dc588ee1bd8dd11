// The newsletter's double opt-in: subscribing tells nothing about who is subscribed, writes one
// subscriber and one email however many requests race, and every link in an email works once
// clicked, and only for what it was made for.
import { createHash } from "node:crypto";
import { rmSync } from "node:fs";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { and, eq, sql } from "drizzle-orm";
import { print } from "graphql";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "../src/app.ts";
import { DEVELOPMENT_SECRET } from "../src/config.ts";
import { newsletterSubscribers, newsletterTokens, outbox } from "../src/db/schema.ts";
import { hashIp } from "../src/infra/client-info.ts";
import { MemoryRateLimiter, type RateLimiter, RedisRateLimiter } from "../src/infra/rate-limit.ts";
import { dispatchOnce } from "../src/mail/dispatcher.ts";
import { emlFileName, fileTransport } from "../src/mail/transports.ts";
import { CONSENT_VERSION, defaultNewsletterSettings } from "../src/modules/newsletter/newsletter.settings.ts";
import { graphql } from "./generated/gql.ts";
import { createTestApp, type TestApp } from "./setup/app.ts";
import { readMailDir, temporaryMailDir, tokenFrom } from "./setup/mail.ts";

const Subscribe = graphql(`
  mutation NewsletterSubscribe($input: SubscribeToNewsletterInput!) {
    subscribeToNewsletter(input: $input) {
      __typename
      ... on SubscribeToNewsletterSuccess { ok message }
      ... on ValidationError { message issues { field message } }
      ... on RateLimited { message retryAt }
    }
  }
`);

const Confirm = graphql(`
  mutation NewsletterConfirm($token: String!) {
    confirmNewsletterSubscription(input: { token: $token }) {
      __typename
      ... on ConfirmNewsletterSubscriptionSuccess { subscription { status language confirmedAt topics { slug } } }
      ... on InvalidToken { message }
    }
  }
`);

const Unsubscribe = graphql(`
  mutation NewsletterUnsubscribe($token: String!) {
    unsubscribeFromNewsletter(input: { token: $token }) {
      __typename
      ... on UnsubscribeFromNewsletterSuccess { subscription { status } }
      ... on InvalidToken { message }
    }
  }
`);

const UpdatePreferences = graphql(`
  mutation NewsletterPreferences($input: UpdateNewsletterPreferencesInput!) {
    updateNewsletterPreferences(input: $input) {
      __typename
      ... on UpdateNewsletterPreferencesSuccess { subscription { status language topics { slug } } }
      ... on InvalidToken { message }
      ... on ValidationError { issues { field message } }
    }
  }
`);

const SubscriptionByToken = graphql(`
  query NewsletterSubscriptionByToken($token: String!) {
    newsletterSubscription(token: $token) { status language topics { slug } }
  }
`);

const Consent = graphql(`
  query NewsletterConsent {
    newsletterConsent(language: FR) { version text }
  }
`);

const PUBLIC_URL = "http://lede.test";
const START = new Date("2027-03-01T08:00:00.000Z");
let clock = START;
const now = () => clock;
const at = (minutes: number) => new Date(START.getTime() + minutes * 60_000);

const settings = {
  ...defaultNewsletterSettings,
  publicUrl: PUBLIC_URL,
  // Most tests are not about rate limits; the ones that are build their own app.
  rateLimits: { perIp: 1_000_000, perEmail: 1_000_000 },
};

let t: TestApp;
let mailDir: string;
beforeAll(async () => {
  t = await createTestApp({ now, trustProxy: 1, newsletter: settings });
  mailDir = temporaryMailDir();
});
afterAll(async () => {
  await t.close();
  rmSync(mailDir, { recursive: true, force: true });
});

let counter = 0;
const newEmail = (label = "reader") => `${label}.${++counter}@example.com`;

const subscribeInput = (
  email: string,
  extra: Partial<{ topics: string[]; language: "FR" | "EN"; consent: boolean; source: string }> = {},
) => ({
  email,
  topics: ["ai", "space"],
  language: "FR" as const,
  consent: true,
  source: "article-footer",
  ...extra,
});

let ipCounter = 0;
/** A client address per request, so that no per-IP limit of the app is at play unless a test wants it. */
const nextIp = () => `198.51.100.${++ipCounter % 250}`;

async function subscribe(email: string, extra: Parameters<typeof subscribeInput>[1] = {}, ip = nextIp()) {
  const { data, errors } = await t.execute(
    Subscribe,
    { input: subscribeInput(email, extra) },
    { headers: { "x-forwarded-for": ip } },
  );
  expect(errors).toBeUndefined();
  return data?.subscribeToNewsletter;
}

const subscriberOf = async (email: string) =>
  (
    await t.db
      .select()
      .from(newsletterSubscribers)
      .where(sql`lower(${newsletterSubscribers.email}) = lower(${email})`)
  )[0];

const emailsTo = (subscriberId: string, kind = "confirm") =>
  t.db
    .select()
    .from(outbox)
    .where(sql`starts_with(${outbox.idempotencyKey}, ${`${kind}:${subscriberId}:`})`)
    .orderBy(outbox.createdAt, outbox.id);

/** The tokens of the latest confirmation email of a subscriber, read from its outbox row. */
async function tokensOf(email: string): Promise<{ confirm: string; manage: string }> {
  const subscriber = await subscriberOf(email);
  const rows = await emailsTo(subscriber?.id as string);
  const row = rows.at(-1);
  if (!row) throw new Error(`no confirmation email for ${email}`);
  return {
    confirm: tokenFrom(row.textBody, "/newsletter/confirm"),
    manage: tokenFrom(row.headers["List-Unsubscribe"] ?? "", "/newsletter/unsubscribe"),
  };
}

async function tableSizes() {
  const [row] = await t.db
    .select({
      subscribers: sql<number>`(select count(*)::int from newsletter_subscribers)`,
      tokens: sql<number>`(select count(*)::int from newsletter_tokens)`,
      emails: sql<number>`(select count(*)::int from outbox)`,
      changed: sql<string>`(select coalesce(max(updated_at)::text, '') from newsletter_subscribers)`,
    })
    .from(sql`(select 1) as one`);
  return row;
}

/** Sends every due outbox row into the test's mail directory. */
async function dispatchAll() {
  const transport = fileTransport(mailDir, { from: settings.mailFrom, messageIdDomain: "lede.test" });
  for (;;) {
    const report = await dispatchOnce({ db: t.db, transport, now });
    if (report.claimed === 0) return;
  }
}

async function post<R, V>(app: App, document: TypedDocumentNode<R, V>, variables: V, ip: string) {
  const response = await app.fetch(`${PUBLIC_URL}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": ip },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return { status: response.status, text: await response.text() };
}

describe("subscribeToNewsletter", () => {
  it("makes a new address pending, records its consent, and queues one confirmation email", async () => {
    const email = newEmail();
    const answer = await subscribe(email, {}, "198.51.100.23");
    expect(answer).toEqual({
      __typename: "SubscribeToNewsletterSuccess",
      ok: true,
      message: expect.any(String),
    });

    const subscriber = await subscriberOf(email);
    expect(subscriber).toMatchObject({
      email,
      status: "pending",
      topics: ["ai", "space"],
      language: "fr",
      consentAt: START,
      consentTextVersion: CONSENT_VERSION,
      consentIpHash: hashIp(DEVELOPMENT_SECRET, "198.51.100.23"),
      consentSource: "article-footer",
      confirmationSentAt: START,
      confirmedAt: null,
    });
    const emails = await emailsTo(subscriber?.id as string);
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({
      kind: "newsletter.confirm",
      recipient: email,
      status: "pending",
      subject: "Confirmez votre abonnement à la newsletter du matin",
      headers: {
        "List-Unsubscribe": expect.stringMatching(
          /^<http:\/\/lede\.test\/newsletter\/unsubscribe\?token=[\w-]{43}>$/,
        ),
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      },
    });
    const tokens = await t.db
      .select({ purpose: newsletterTokens.purpose, expiresAt: newsletterTokens.expiresAt })
      .from(newsletterTokens)
      .where(eq(newsletterTokens.subscriberId, subscriber?.id as string))
      .orderBy(newsletterTokens.purpose);
    expect(tokens).toEqual([
      { purpose: "confirm", expiresAt: at(48 * 60) },
      { purpose: "manage", expiresAt: null },
    ]);
  });

  it("writes a new address in one statement, without a transaction, the topics' check included", async () => {
    const withTopics = await t.countStatements(() => subscribe(newEmail()));
    expect(withTopics.statements).toHaveLength(1);
    expect(withTopics.statements[0]).toMatch(
      /^with "known_topics" as \(select count\(\*\).* from tags .*"subscriber" as \(\s*insert into newsletter_subscribers.*insert into newsletter_tokens.*insert into outbox/s,
    );
    const withoutTopics = await t.countStatements(() => subscribe(newEmail(), { topics: [] }));
    expect(withoutTopics.statements).toHaveLength(1);
  });

  it("records the consent text's version that newsletterConsent shows", async () => {
    const { data } = await t.execute(Consent);
    expect(data?.newsletterConsent).toEqual({
      version: CONSENT_VERSION,
      text: expect.stringContaining("désabonner"),
    });
  });

  it("gives byte-identical answers for new, pending, active and unsubscribed addresses", async () => {
    const [pending, active, unsubscribed] = [newEmail("pending"), newEmail("active"), newEmail("left")];
    for (const email of [pending, active, unsubscribed]) await subscribe(email);
    await t.execute(Confirm, { token: (await tokensOf(active)).confirm });
    const left = await tokensOf(unsubscribed);
    await t.execute(Confirm, { token: left.confirm });
    await t.execute(Unsubscribe, { token: left.manage });
    expect((await subscriberOf(pending))?.status).toBe("pending");
    expect((await subscriberOf(active))?.status).toBe("active");
    expect((await subscriberOf(unsubscribed))?.status).toBe("unsubscribed");

    const answers = [];
    for (const email of [newEmail("new"), pending, active, unsubscribed]) {
      const response = await post(t.app, Subscribe, { input: subscribeInput(email) }, "203.0.113.9");
      expect(response.status).toBe(200);
      answers.push(response.text);
    }
    expect(JSON.parse(answers[0] as string).data.subscribeToNewsletter.__typename).toBe(
      "SubscribeToNewsletterSuccess",
    );
    expect(new Set(answers).size).toBe(1);
  });

  it("leaves an active subscriber as it is", async () => {
    const email = newEmail();
    await subscribe(email, { topics: ["ai"] });
    await t.execute(Confirm, { token: (await tokensOf(email)).confirm });
    const before = await subscriberOf(email);
    clock = at(60);
    try {
      await subscribe(email, { topics: ["energy"], language: "EN" });
    } finally {
      clock = START;
    }
    expect(await subscriberOf(email)).toEqual(before);
    expect(await emailsTo(before?.id as string)).toHaveLength(1);
  });

  it("refuses an unknown topic for a known address as for a new one, and changes nothing", async () => {
    const email = newEmail();
    await subscribe(email, { topics: ["ai"] });
    const before = await subscriberOf(email);
    clock = at(60);
    try {
      const known = await subscribe(email, { topics: ["energy", "knitting"], language: "EN" });
      const fresh = await subscribe(newEmail(), { topics: ["energy", "knitting"], language: "EN" });
      expect(known).toEqual(fresh);
      expect(known).toMatchObject({
        __typename: "ValidationError",
        issues: [{ field: "input.topics", message: expect.stringContaining('"knitting"') }],
      });
    } finally {
      clock = START;
    }
    expect(await subscriberOf(email)).toEqual(before);
    expect(await emailsTo(before?.id as string)).toHaveLength(1);
  });

  it("makes an unsubscribed address pending again, with a new confirmation", async () => {
    const email = newEmail();
    await subscribe(email);
    const { confirm, manage } = await tokensOf(email);
    await t.execute(Confirm, { token: confirm });
    await t.execute(Unsubscribe, { token: manage });
    await subscribe(email, { topics: ["energy"], language: "EN" });
    const subscriber = await subscriberOf(email);
    expect(subscriber).toMatchObject({ status: "pending", topics: ["energy"], language: "en" });
    const emails = await emailsTo(subscriber?.id as string);
    // The first confirmation (never dispatched here) was withdrawn on unsubscribing; a new one is queued.
    expect(emails).toHaveLength(1);
    expect(emails[0]?.subject).toBe("Confirm your subscription to the morning newsletter");
    // The old confirmation link does not bring the subscription back.
    expect(
      (await t.execute(Confirm, { token: confirm })).data?.confirmNewsletterSubscription.__typename,
    ).toBe("InvalidToken");
  });

  it("sends a pending address its confirmation again at most every 10 minutes", async () => {
    const email = newEmail();
    const count = async () => (await emailsTo((await subscriberOf(email))?.id as string)).length;
    try {
      await subscribe(email);
      clock = at(5);
      await subscribe(email);
      expect(await count()).toBe(1);
      clock = at(9.99);
      await subscribe(email);
      expect(await count()).toBe(1);
      clock = at(10);
      await subscribe(email);
      expect(await count()).toBe(2);
      clock = at(19);
      await subscribe(email);
      expect(await count()).toBe(2);
      clock = at(21);
      await subscribe(email);
      expect(await count()).toBe(3);
    } finally {
      clock = START;
    }
    // Each confirmation has its own token and key; any of them confirms.
    const keys = (await emailsTo((await subscriberOf(email))?.id as string)).map((e) => e.idempotencyKey);
    expect(new Set(keys).size).toBe(3);
  });

  it("compares addresses without regard to letter case", async () => {
    const email = newEmail("Mixed.Case");
    await subscribe(email);
    await subscribe(email.toUpperCase());
    await subscribe(email.toLowerCase());
    const rows = await t.db
      .select()
      .from(newsletterSubscribers)
      .where(sql`lower(${newsletterSubscribers.email}) = ${email.toLowerCase()}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.email).toBe(email);
    expect(await emailsTo(rows[0]?.id as string)).toHaveLength(1);
  });

  it("writes one subscriber and one confirmation email for 50 concurrent identical requests", async () => {
    const email = newEmail("race");
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        t.execute(
          Subscribe,
          { input: subscribeInput(email) },
          { headers: { "x-forwarded-for": "203.0.113.50" } },
        ),
      ),
    );
    for (const { data, errors } of answers) {
      expect(errors).toBeUndefined();
      expect(data?.subscribeToNewsletter.__typename).toBe("SubscribeToNewsletterSuccess");
    }
    const rows = await t.db
      .select()
      .from(newsletterSubscribers)
      .where(sql`lower(${newsletterSubscribers.email}) = ${email}`);
    expect(rows).toHaveLength(1);
    expect(await emailsTo(rows[0]?.id as string)).toHaveLength(1);
    const tokens = await t.db
      .select()
      .from(newsletterTokens)
      .where(eq(newsletterTokens.subscriberId, rows[0]?.id as string));
    expect(tokens.map((token) => token.purpose).sort()).toEqual(["confirm", "manage"]);
  });

  describe("refuses bad input with a ValidationError naming the field, and writes nothing", () => {
    it.each([
      ["consent: false", { consent: false }, "input.consent"],
      ["an unknown topic", { topics: ["ai", "knitting"] }, "input.topics"],
      ["more than 20 topics", { topics: Array.from({ length: 21 }, (_, i) => `topic-${i}`) }, "input.topics"],
      ["a source over 64 characters", { source: "x".repeat(65) }, "input.source"],
    ])("%s", async (_label, extra, field) => {
      const before = await tableSizes();
      const answer = await subscribe(newEmail(), extra);
      expect(answer?.__typename).toBe("ValidationError");
      expect(answer && "issues" in answer && answer.issues.map((issue) => issue.field)).toEqual([field]);
      expect(await tableSizes()).toEqual(before);
    });

    it("an address over 254 characters", async () => {
      const before = await tableSizes();
      const email = `${"a".repeat(60)}.${"b".repeat(60)}@${"c".repeat(60)}.${"d".repeat(60)}.example.com`;
      expect(email.length).toBeGreaterThan(254);
      const answer = await subscribe(email);
      expect(answer && "issues" in answer && answer.issues.map((issue) => issue.field)).toEqual([
        "input.email",
      ]);
      expect(await tableSizes()).toEqual(before);
    });

    it("every problem at once", async () => {
      const answer = await subscribe(newEmail(), { consent: false, topics: ["nope"] });
      expect(answer && "issues" in answer && answer.issues.map((issue) => issue.field).sort()).toEqual([
        "input.consent",
        "input.topics",
      ]);
    });

    it.each([["not-an-address"], ["two@at@example.com"], ["   "]])(
      "a malformed address (%j), like a comment's email",
      async (email) => {
        const before = await tableSizes();
        const answer = await subscribe(email);
        expect(answer?.__typename).toBe("ValidationError");
        expect(answer && "issues" in answer && answer.issues.map((issue) => issue.field)).toEqual([
          "input.email",
        ]);
        expect(await tableSizes()).toEqual(before);
      },
    );
  });

  it("ignores spaces around an address, as a pasted one has", async () => {
    const email = newEmail("pasted");
    expect((await subscribe(`  ${email}\t`))?.__typename).toBe("SubscribeToNewsletterSuccess");
    expect((await subscriberOf(email))?.email).toBe(email);
  });
});

describe("rate limits", () => {
  const limitedApp = (rateLimiter?: RateLimiter) =>
    createApp({
      db: t.db,
      now,
      trustProxy: 1,
      newsletter: { ...settings, rateLimits: { perIp: 10, perEmail: 3 } },
      rateLimiter: rateLimiter ?? new MemoryRateLimiter(() => now().getTime()),
    });
  const typename = (text: string) => JSON.parse(text).data.subscribeToNewsletter.__typename as string;

  it("allows 10 subscribes an hour from one IP, then answers RateLimited, other IPs unaffected", async () => {
    const app = limitedApp();
    const results = [];
    for (let i = 0; i < 11; i++) {
      results.push(
        typename((await post(app, Subscribe, { input: subscribeInput(newEmail()) }, "192.0.2.1")).text),
      );
    }
    expect(results.slice(0, 10)).toEqual(Array(10).fill("SubscribeToNewsletterSuccess"));
    expect(results[10]).toBe("RateLimited");
    const blocked = newEmail();
    await post(app, Subscribe, { input: subscribeInput(blocked) }, "192.0.2.1");
    expect(await subscriberOf(blocked)).toBeUndefined();
    expect(
      typename((await post(app, Subscribe, { input: subscribeInput(newEmail()) }, "192.0.2.2")).text),
    ).toBe("SubscribeToNewsletterSuccess");
    // The window is an hour.
    clock = at(61);
    try {
      expect(
        typename((await post(app, Subscribe, { input: subscribeInput(newEmail()) }, "192.0.2.1")).text),
      ).toBe("SubscribeToNewsletterSuccess");
    } finally {
      clock = START;
    }
  });

  it("allows 3 attempts an hour per address, counting attempts, so known and unknown addresses answer alike", async () => {
    const known = newEmail("known");
    await subscribe(known);
    await t.execute(Confirm, { token: (await tokensOf(known)).confirm });
    const unknown = newEmail("unknown");

    const app = limitedApp();
    const transcript = async (email: string) => {
      const texts = [];
      for (let i = 0; i < 4; i++) {
        // Spread over IPs, so only the per-address limit is at play.
        texts.push(
          (await post(app, Subscribe, { input: subscribeInput(email.toUpperCase()) }, `192.0.2.${100 + i}`))
            .text,
        );
      }
      return texts;
    };
    const forKnown = await transcript(known);
    const forUnknown = await transcript(unknown);
    expect(forKnown.map(typename)).toEqual([
      "SubscribeToNewsletterSuccess",
      "SubscribeToNewsletterSuccess",
      "SubscribeToNewsletterSuccess",
      "RateLimited",
    ]);
    expect(forUnknown.map(typename)).toEqual(forKnown.map(typename));
    // The refusals are the same, word for word.
    expect(forUnknown[3]).toBe(forKnown[3]);
  });

  it.skipIf(!process.env.TEST_REDIS_URL)(
    "counts in Redis across processes (needs TEST_REDIS_URL)",
    async () => {
      const redis = new Redis(process.env.TEST_REDIS_URL as string);
      const prefix = `lede:test:newsletter:${process.pid}:${Date.now()}:`;
      try {
        // Two apps, as two processes would be, sharing one Redis.
        const [first, second] = [
          limitedApp(new RedisRateLimiter(redis, prefix)),
          limitedApp(new RedisRateLimiter(redis, prefix)),
        ];
        const email = newEmail("redis");
        const results = [];
        for (const [i, app] of [first, second, first, second].entries()) {
          results.push(
            typename(
              (await post(app, Subscribe, { input: subscribeInput(email) }, `192.0.2.${200 + i}`)).text,
            ),
          );
        }
        expect(results).toEqual([
          "SubscribeToNewsletterSuccess",
          "SubscribeToNewsletterSuccess",
          "SubscribeToNewsletterSuccess",
          "RateLimited",
        ]);
        // The key names no address.
        const keys = await redis.keys(`${prefix}*`);
        expect(keys.length).toBeGreaterThan(0);
        expect(keys.join(" ")).not.toContain("example.com");
      } finally {
        const keys = await redis.keys(`${prefix}*`);
        if (keys.length) await redis.del(...keys);
        await redis.quit();
      }
    },
  );
});

describe("tokens", () => {
  it("are 256 random bits, stored only as their sha256", async () => {
    const email = newEmail();
    await subscribe(email);
    const { confirm, manage } = await tokensOf(email);
    expect(confirm).toMatch(/^[\w-]{43}$/);
    expect(manage).toMatch(/^[\w-]{43}$/);
    const rows = await t.db
      .select()
      .from(newsletterTokens)
      .where(eq(newsletterTokens.subscriberId, (await subscriberOf(email))?.id as string));
    const stored = JSON.stringify(rows);
    for (const token of [confirm, manage]) {
      expect(stored).not.toContain(token);
      expect(stored).toContain(createHash("sha256").update(token).digest("hex"));
    }
  });

  it("answer InvalidToken to a forged token, and change nothing", async () => {
    const email = newEmail();
    await subscribe(email);
    const before = await tableSizes();
    const forged = [
      "A".repeat(43),
      (await tokensOf(email)).confirm.replace(/^./, (c) => (c === "A" ? "B" : "A")),
      "short",
      "",
      `${"x".repeat(43)}'; drop table outbox; --`,
    ];
    for (const token of forged) {
      const confirm = (await t.execute(Confirm, { token })).data?.confirmNewsletterSubscription;
      expect(confirm).toEqual({
        __typename: "InvalidToken",
        message: expect.stringMatching(/invalid or has expired/),
      });
      const unsubscribe = (await t.execute(Unsubscribe, { token })).data?.unsubscribeFromNewsletter;
      expect(unsubscribe?.__typename).toBe("InvalidToken");
      const update = (await t.execute(UpdatePreferences, { input: { token, language: "EN" } })).data
        ?.updateNewsletterPreferences;
      expect(update?.__typename).toBe("InvalidToken");
      expect((await t.execute(SubscriptionByToken, { token })).data?.newsletterSubscription).toBeNull();
    }
    expect(await tableSizes()).toEqual(before);
    expect((await subscriberOf(email))?.status).toBe("pending");
  });

  it("answer InvalidToken to a confirmation token older than 48 hours, and change nothing", async () => {
    const [late, justInTime] = [newEmail("late"), newEmail("in-time")];
    await subscribe(late);
    await subscribe(justInTime);
    try {
      clock = at(48 * 60 - 0.001);
      const inTime = await t.execute(Confirm, { token: (await tokensOf(justInTime)).confirm });
      expect(inTime.data?.confirmNewsletterSubscription.__typename).toBe(
        "ConfirmNewsletterSubscriptionSuccess",
      );

      clock = at(48 * 60);
      const before = await tableSizes();
      const expired = await t.execute(Confirm, { token: (await tokensOf(late)).confirm });
      expect(expired.data?.confirmNewsletterSubscription).toEqual({
        __typename: "InvalidToken",
        message: "This link is invalid or has expired. Subscribe again to get a new one.",
      });
      expect(await tableSizes()).toEqual(before);
      expect((await subscriberOf(late))?.status).toBe("pending");
    } finally {
      clock = START;
    }
  });

  it("work only for their purpose", async () => {
    const email = newEmail();
    await subscribe(email);
    const { confirm, manage } = await tokensOf(email);
    expect((await t.execute(Confirm, { token: manage })).data?.confirmNewsletterSubscription.__typename).toBe(
      "InvalidToken",
    );
    expect(
      (await t.execute(Unsubscribe, { token: confirm })).data?.unsubscribeFromNewsletter.__typename,
    ).toBe("InvalidToken");
    expect((await subscriberOf(email))?.status).toBe("pending");
  });

  it("belong to one subscriber", async () => {
    const [first, second] = [newEmail(), newEmail()];
    await subscribe(first);
    await subscribe(second);
    await t.execute(Confirm, { token: (await tokensOf(first)).confirm });
    expect((await subscriberOf(first))?.status).toBe("active");
    expect((await subscriberOf(second))?.status).toBe("pending");
  });
});

describe("the confirmation email, end to end", () => {
  it("arrives as an .eml file whose link opens a page whose button confirms the subscription", async () => {
    const email = newEmail("eml");
    await subscribe(email, { language: "EN", topics: ["space"] });
    await dispatchAll();
    const subscriber = await subscriberOf(email);
    const [row] = await emailsTo(subscriber?.id as string);
    expect(row?.status).toBe("sent");

    const message = readMailDir(mailDir).find(
      (m) => m.file === emlFileName(row as { idempotencyKey: string }),
    );
    expect(message).toBeDefined();
    expect(message?.headers).toMatchObject({
      from: "lede <newsletter@localhost>",
      to: email,
      subject: "Confirm your subscription to the morning newsletter",
      "list-unsubscribe": expect.stringMatching(
        /^<http:\/\/lede\.test\/newsletter\/unsubscribe\?token=[\w-]{43}>$/,
      ),
      "list-unsubscribe-post": "List-Unsubscribe=One-Click",
      "message-id": `<${row?.id}@lede.test>`,
    });
    expect(message?.html).toContain("Confirm my subscription");
    const link = /http:\/\/lede\.test\/newsletter\/confirm\?token=[\w-]{43}/.exec(message?.text ?? "")?.[0];
    expect(link).toBeDefined();
    expect(message?.html).toContain(link);

    // Opening the link (as a mail scanner does, for every link) shows a button and changes nothing.
    const before = await tableSizes();
    for (let i = 0; i < 2; i++) {
      const page = await t.app.fetch(link as string);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(page.headers.get("cache-control")).toBe("no-store");
      const html = await page.text();
      expect(html).toContain("Confirm your subscription to the morning newsletter?");
      expect(html).toContain(
        `<form method="post" action="/newsletter/confirm?token=${new URL(link as string).searchParams.get("token")}">`,
      );
    }
    expect(await subscriberOf(email)).toMatchObject({ status: "pending", confirmedAt: null });
    expect(await tableSizes()).toEqual(before);

    // The button POSTs: that confirms.
    const confirmed = await t.app.fetch(link as string, { method: "POST" });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain("Subscription confirmed");
    expect(await subscriberOf(email)).toMatchObject({ status: "active", confirmedAt: START });

    // Again, by GET or POST, is harmless and says it is confirmed.
    for (const method of ["GET", "POST"]) {
      const again = await t.app.fetch(link as string, { method });
      expect(again.status).toBe(200);
      expect(await again.text()).toContain("Subscription confirmed");
    }
    expect((await subscriberOf(email))?.status).toBe("active");
  });

  it("confirms through the mutation too, and says so on a bad link with a 400 page", async () => {
    const email = newEmail();
    await subscribe(email);
    const result = await t.execute(Confirm, { token: (await tokensOf(email)).confirm });
    expect(result.data?.confirmNewsletterSubscription).toEqual({
      __typename: "ConfirmNewsletterSubscriptionSuccess",
      subscription: {
        status: "ACTIVE",
        language: "FR",
        confirmedAt: START.toISOString(),
        topics: [{ slug: "ai" }, { slug: "space" }],
      },
    });
    for (const method of ["GET", "POST"]) {
      const bad = await t.app.fetch(`${PUBLIC_URL}/newsletter/confirm?token=${"Z".repeat(43)}`, {
        method,
        headers: { "accept-language": "fr-FR,fr;q=0.9" },
      });
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain("Ce lien ne fonctionne plus");
    }
  });
});

describe("unsubscribing", () => {
  async function activeSubscriber() {
    const email = newEmail();
    await subscribe(email);
    const tokens = await tokensOf(email);
    await t.execute(Confirm, { token: tokens.confirm });
    return { email, ...tokens };
  }

  it("is one POST to the List-Unsubscribe URL (RFC 8058): 200, no redirect", async () => {
    const { email, manage } = await activeSubscriber();
    const response = await t.app.fetch(`${PUBLIC_URL}/newsletter/unsubscribe?token=${manage}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toContain("Vous êtes désabonné");
    expect(await subscriberOf(email)).toMatchObject({ status: "unsubscribed", unsubscribedAt: START });
    // Again: still fine, still unsubscribed.
    const again = await t.app.fetch(`${PUBLIC_URL}/newsletter/unsubscribe?token=${manage}`, {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
    });
    expect(again.status).toBe(200);
  });

  it("shows a page with a button on GET, and changes nothing", async () => {
    const { email, manage } = await activeSubscriber();
    const before = await tableSizes();
    const page = await t.app.fetch(`${PUBLIC_URL}/newsletter/unsubscribe?token=${manage}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    const html = await page.text();
    expect(html).toContain(`<form method="post" action="/newsletter/unsubscribe?token=${manage}">`);
    expect(html).toContain("Me désabonner</button>");
    expect(await tableSizes()).toEqual(before);
    expect((await subscriberOf(email))?.status).toBe("active");
  });

  it("answers a 400 page to an unknown token, and changes nothing", async () => {
    await activeSubscriber();
    const before = await tableSizes();
    for (const method of ["GET", "POST"]) {
      const response = await t.app.fetch(`${PUBLIC_URL}/newsletter/unsubscribe?token=${"Q".repeat(43)}`, {
        method,
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("This link no longer works");
    }
    expect(await tableSizes()).toEqual(before);
  });

  it("works through the mutation, and withdraws the emails not sent yet", async () => {
    const { email, manage } = await activeSubscriber();
    const subscriber = await subscriberOf(email);
    await t.db.insert(outbox).values({
      idempotencyKey: `digest:${subscriber?.id}:2027-03-02`,
      kind: "newsletter.digest",
      recipient: email,
      subject: "Le brief du matin",
      textBody: "…",
    });
    const result = await t.execute(Unsubscribe, { token: manage });
    expect(result.data?.unsubscribeFromNewsletter).toEqual({
      __typename: "UnsubscribeFromNewsletterSuccess",
      subscription: { status: "UNSUBSCRIBED" },
    });
    expect(await emailsTo(subscriber?.id as string, "digest")).toEqual([]);
  });

  it('from the confirmation email ("not you?") stops a pending subscription for good', async () => {
    const email = newEmail();
    await subscribe(email);
    const { confirm, manage } = await tokensOf(email);
    await t.execute(Unsubscribe, { token: manage });
    expect((await subscriberOf(email))?.status).toBe("unsubscribed");
    expect(
      (await t.execute(Confirm, { token: confirm })).data?.confirmNewsletterSubscription.__typename,
    ).toBe("InvalidToken");
  });
});

describe("preferences", () => {
  it("change topics and language with the manage token", async () => {
    const email = newEmail();
    await subscribe(email);
    const { manage } = await tokensOf(email);
    const result = await t.execute(UpdatePreferences, {
      input: { token: manage, topics: ["energy", "cloud"], language: "EN" },
    });
    expect(result.data?.updateNewsletterPreferences).toEqual({
      __typename: "UpdateNewsletterPreferencesSuccess",
      subscription: { status: "PENDING", language: "EN", topics: [{ slug: "energy" }, { slug: "cloud" }] },
    });
    expect(await subscriberOf(email)).toMatchObject({ topics: ["energy", "cloud"], language: "en" });

    // Omitted fields stay as they are; [] means every topic.
    await t.execute(UpdatePreferences, { input: { token: manage, topics: [] } });
    expect(await subscriberOf(email)).toMatchObject({ topics: [], language: "en" });
  });

  it("refuse an unknown topic with a ValidationError, and change nothing", async () => {
    const email = newEmail();
    await subscribe(email);
    const { manage } = await tokensOf(email);
    const before = await subscriberOf(email);
    const result = await t.execute(UpdatePreferences, {
      input: { token: manage, topics: ["ai", "gardening"] },
    });
    expect(result.data?.updateNewsletterPreferences).toEqual({
      __typename: "ValidationError",
      issues: [{ field: "input.topics", message: expect.stringContaining('"gardening"') }],
    });
    expect(await subscriberOf(email)).toEqual(before);
  });

  it("have a page behind the manage link: a form that saves them", async () => {
    const email = newEmail();
    await subscribe(email, { topics: ["ai"] });
    const { manage } = await tokensOf(email);
    const page = await t.app.fetch(`${PUBLIC_URL}/newsletter/manage?token=${manage}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<input type="checkbox" name="topics" value="ai" checked>');
    expect(html).toContain('<input type="checkbox" name="topics" value="space">');

    const saved = await t.app.fetch(`${PUBLIC_URL}/newsletter/manage?token=${manage}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "topics=space&topics=security&language=en",
    });
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain("Your preferences are saved.");
    expect(await subscriberOf(email)).toMatchObject({ topics: ["space", "security"], language: "en" });
    expect((await t.execute(SubscriptionByToken, { token: manage })).data?.newsletterSubscription).toEqual({
      status: "PENDING",
      language: "EN",
      topics: [{ slug: "space" }, { slug: "security" }],
    });
  });
});

describe("newsletterSubscription", () => {
  it("always shows the latest preferences (a token's answer is never served from a cache)", async () => {
    const email = newEmail();
    await subscribe(email, { topics: ["ai"] });
    const { manage } = await tokensOf(email);
    const read = async () =>
      (await t.execute(SubscriptionByToken, { token: manage })).data?.newsletterSubscription;
    expect(await read()).toEqual({ status: "PENDING", language: "FR", topics: [{ slug: "ai" }] });
    await t.execute(UpdatePreferences, { input: { token: manage, topics: ["space"], language: "EN" } });
    expect(await read()).toEqual({ status: "PENDING", language: "EN", topics: [{ slug: "space" }] });
    await t.execute(Unsubscribe, { token: manage });
    expect((await read())?.status).toBe("UNSUBSCRIBED");
  });
});

describe("privacy", () => {
  it("keeps subscribers' addresses out of every public answer", async () => {
    const email = newEmail("private");
    await subscribe(email);
    const { manage } = await tokensOf(email);
    const answers = JSON.stringify([
      await t.execute(SubscriptionByToken, { token: manage }),
      await t.execute(UpdatePreferences, { input: { token: manage } }),
      await (await t.app.fetch(`${PUBLIC_URL}/newsletter/manage?token=${manage}`)).text(),
    ]);
    expect(answers).not.toContain(email);
    expect(answers).not.toContain("private.");
  });

  it("keeps no clear token in a sent email's row", async () => {
    const email = newEmail();
    await subscribe(email);
    const { confirm, manage } = await tokensOf(email);
    await dispatchAll();
    const rows = await t.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.recipient, email), eq(outbox.status, "sent")));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(confirm);
    expect(JSON.stringify(rows)).not.toContain(manage);
  });
});
