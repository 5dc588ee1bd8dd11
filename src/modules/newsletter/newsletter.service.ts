// The newsletter's rules: double opt-in, confirmation, unsubscribing, preferences. Each change and
// the email it causes are written together (one statement for a new address, a transaction
// otherwise), and the public answers never tell whether an address was known.
import { createHmac, randomUUID } from "node:crypto";
import type { Database, Executor } from "../../db/client.ts";
import { withRetry } from "../../db/retry.ts";
import type { Language } from "../../db/schema.ts";
import type { ClientInfo } from "../../infra/client-info.ts";
import type { RateLimiter } from "../../infra/rate-limit.ts";
import { cancelPendingEmails, enqueueEmails } from "../../mail/outbox.ts";
import { type FieldIssue, RateLimitedError, ValidationError } from "../errors.ts";
import { checkEmail } from "../field-checks.ts";
import { findTagsBySlugs } from "../tag/tag.repo.ts";
import { recordWebhookEvent, subscriberEvent } from "../webhooks/webhook.events.ts";
import { confirmationMessage } from "./newsletter.emails.ts";
import {
  ensureManageTokenId,
  findToken,
  insertConfirmToken,
  insertPendingSubscriber,
  lockSubscriberByEmail,
  type NewsletterToken,
  type Subscriber,
  spendConfirmTokens,
  updateSubscriber,
} from "./newsletter.repo.ts";
import { CONSENT_VERSION, type NewsletterSettings } from "./newsletter.settings.ts";
import {
  CONFIRM_TOKEN_TTL_MS,
  deriveManageToken,
  hashNewsletterToken,
  isWellFormedToken,
  newConfirmToken,
} from "./newsletter.tokens.ts";

/** What the newsletter takes from the app (a GraphQL context or the HTTP endpoints). */
export interface NewsletterServices {
  db: Database;
  now: () => Date;
  secret: string;
  rateLimiter: RateLimiter;
  newsletter: NewsletterSettings;
}

/** A forged, expired, spent or mistyped token: one answer for all, and nothing changed. */
export class InvalidTokenError extends Error {
  constructor() {
    super("This link is invalid or has expired. Subscribe again to get a new one.");
  }
}

export const MAX_EMAIL_LENGTH = 254;
export const MAX_TOPICS = 20;
/** A pending subscriber gets the confirmation again at most this often. */
export const RESEND_INTERVAL_MS = 10 * 60 * 1000;
const RATE_WINDOW_MS = 60 * 60 * 1000;

export interface SubscribeInput {
  email: string;
  topics?: readonly string[] | null | undefined;
  language: Language;
  consent: boolean;
  /** Where the form was (e.g. "article-footer"); "api" when not said. */
  source?: string | null | undefined;
}

/** The one answer to every accepted subscribe, whatever the address's state. */
export interface SubscribeAnswer {
  ok: true;
  message: string;
}

const subscribeAnswers: Record<Language, SubscribeAnswer> = {
  en: {
    ok: true,
    message: "Thank you. If this address still needs confirming, a link is on its way: check your inbox.",
  },
  fr: {
    ok: true,
    message:
      "Merci. Si cette adresse doit encore être confirmée, un lien est en route : vérifiez votre boîte de réception.",
  },
};

export async function subscribe(
  services: NewsletterServices,
  client: ClientInfo,
  input: SubscribeInput,
): Promise<SubscribeAnswer> {
  const now = services.now();
  const limits = services.newsletter.rateLimits;
  // Per IP first, so that a flood of bad input is counted too.
  await checkRateLimit(services, `newsletter:subscribe:ip:${client.ipHash ?? "unknown"}`, limits.perIp, now);
  const clean = await validateSubscribe(services.db, input);
  // Per address: attempts are counted, whether or not the address is known, so the limit says
  // nothing about subscribers. The key is a keyed hash: Redis never holds an address.
  await checkRateLimit(
    services,
    `newsletter:subscribe:email:${emailKey(services.secret, clean.email)}`,
    limits.perEmail,
    now,
  );

  // A new address, the common case, is one statement: the topics' check, the subscriber, its
  // tokens and the email. Its ids are chosen before the first attempt: run again after a lost
  // connection (the first run may have committed), it finds the address taken and goes on as
  // for a known address.
  const subscriberId = randomUUID();
  const confirmation = newConfirmation(services, { id: subscriberId, ...clean }, now);
  const outcome = await withRetry(() =>
    insertPendingSubscriber(services.db, {
      subscriber: {
        id: subscriberId,
        email: clean.email,
        topics: clean.topics,
        language: clean.language,
        consentTextVersion: CONSENT_VERSION,
        consentIpHash: client.ipHash,
        consentSource: clean.source,
      },
      ...confirmation,
      now,
    }),
  );
  if (outcome === "unknown topics") {
    // Read again to name them (a refusal, the rare case); a tag made meanwhile is not worth a retry.
    await validateTopics(services.db, clean.topics);
    throw new ValidationError([{ field: "input.topics", message: "Unknown topics (topics are tag slugs)" }]);
  }
  if (outcome === "created") return subscribeAnswers[clean.language];

  const consent = {
    consentAt: now,
    consentTextVersion: CONSENT_VERSION,
    consentIpHash: client.ipHash,
    consentSource: clean.source,
  };
  // A known address: keyed by the address and the outbox's idempotency keys, so a run again
  // after a lost connection finds its own changes and queues no second email.
  await withRetry(() =>
    services.db.transaction(async (tx) => {
      const locked = await lockSubscriberByEmail(
        tx,
        clean.email,
        new Date(now.getTime() - RESEND_INTERVAL_MS),
      );
      if (!locked) throw new Error("the subscriber of a taken address could not be found");
      const { subscriber, resendDue } = locked;
      // An active subscriber changes preferences through the manage link, not here.
      if (subscriber.status === "active") return;
      // Pending or unsubscribed: this request's choices and consent are what a confirmation confirms.
      await updateSubscriber(tx, subscriber.id, {
        status: "pending",
        topics: clean.topics,
        language: clean.language,
        ...consent,
        updatedAt: now,
        ...(resendDue && { confirmationSentAt: now }),
      });
      if (resendDue) {
        await queueConfirmation(
          tx,
          services,
          { id: subscriber.id, email: subscriber.email, language: clean.language },
          now,
        );
      }
    }),
  );
  return subscribeAnswers[clean.language];
}

/**
 * The tokens and the email of a confirmation for `subscriber`, whose manage token row will be
 * `manageTokenId`: everything derived here, nothing written.
 */
function newConfirmation(
  services: NewsletterServices,
  subscriber: { id: string; email: string; language: Language },
  now: Date,
  manageTokenId: string = randomUUID(),
) {
  const manageToken = deriveManageToken(services.secret, subscriber.id, manageTokenId);
  const confirmToken = newConfirmToken();
  const confirmTokenId = randomUUID();
  return {
    manageTokenId,
    manageTokenHash: hashNewsletterToken(manageToken),
    confirmToken,
    confirmTokenId,
    confirmTokenHash: hashNewsletterToken(confirmToken),
    confirmExpiresAt: new Date(now.getTime() + CONFIRM_TOKEN_TTL_MS),
    confirmation: confirmationMessage(services.newsletter, {
      subscriberId: subscriber.id,
      email: subscriber.email,
      language: subscriber.language,
      confirmTokenId,
      confirmToken,
      manageToken,
    }),
  };
}

/** A new confirmation token and its email for a known subscriber, in the caller's transaction. */
async function queueConfirmation(
  tx: Executor,
  services: NewsletterServices,
  subscriber: { id: string; email: string; language: Language },
  now: Date,
): Promise<void> {
  // Created with the subscriber, so that the confirmation email has its unsubscribe link too
  // (a subscriber from before that rule gets one now).
  const manageTokenId = await ensureManageTokenId(tx, {
    subscriberId: subscriber.id,
    secret: services.secret,
    now,
  });
  const confirmation = newConfirmation(services, subscriber, now, manageTokenId);
  await insertConfirmToken(tx, {
    id: confirmation.confirmTokenId,
    subscriberId: subscriber.id,
    token: confirmation.confirmToken,
    expiresAt: confirmation.confirmExpiresAt,
    now,
  });
  await enqueueEmails(tx, [confirmation.confirmation], now);
}

/**
 * Confirms the subscription of a confirmation token. Clicking the link again is harmless, and so is
 * running the transaction again after a lost connection.
 */
export async function confirmSubscription(services: NewsletterServices, token: string): Promise<Subscriber> {
  if (!isWellFormedToken(token)) throw new InvalidTokenError();
  const now = services.now();
  return withRetry(() =>
    services.db.transaction(async (tx) => {
      const found = await findToken(tx, token, "confirm", { lock: true });
      const use = found && confirmTokenUse(found, now);
      if (!found || !use) throw new InvalidTokenError();
      const { subscriber } = found;
      if (use === "confirmed already") return subscriber;
      await spendConfirmTokens(tx, subscriber.id, now);
      if (subscriber.status === "active") return subscriber;
      const confirmed = await updateSubscriber(tx, subscriber.id, {
        status: "active",
        confirmedAt: now,
        updatedAt: now,
      });
      await recordWebhookEvent(tx, subscriberEvent("subscriber.confirmed", confirmed), now);
      return confirmed;
    }),
  );
}

/** The subscriber a confirmation token is for, and whether it is confirmed already; reads only. */
export async function findConfirmation(
  services: NewsletterServices,
  token: string,
): Promise<{ subscriber: Subscriber; confirmed: boolean } | null> {
  if (!isWellFormedToken(token)) return null;
  const found = await findToken(services.db, token, "confirm", { lock: false });
  const use = found && confirmTokenUse(found, services.now());
  return found && use ? { subscriber: found.subscriber, confirmed: use === "confirmed already" } : null;
}

/** What a confirmation token can still do; null: nothing (a bad link). */
function confirmTokenUse(
  { token, subscriber }: { token: NewsletterToken; subscriber: Subscriber },
  now: Date,
): "confirm" | "confirmed already" | null {
  // Spent by this confirmation or a later one: fine while the subscription holds. Spent by
  // unsubscribing: coming back takes a new subscribe, with new consent.
  if (token.usedAt) return subscriber.status === "active" ? "confirmed already" : null;
  if (!token.expiresAt || token.expiresAt.getTime() <= now.getTime()) return null;
  return "confirm";
}

/** Unsubscribes the holder of a manage token, pending or active; again is harmless. */
export async function unsubscribe(services: NewsletterServices, token: string): Promise<Subscriber> {
  if (!isWellFormedToken(token)) throw new InvalidTokenError();
  const now = services.now();
  return withRetry(() =>
    services.db.transaction(async (tx) => {
      const found = await findToken(tx, token, "manage", { lock: true });
      if (!found) throw new InvalidTokenError();
      const { subscriber } = found;
      if (subscriber.status === "unsubscribed") return subscriber;
      await spendConfirmTokens(tx, subscriber.id, now);
      // What is queued and not sent yet stays unsent.
      await cancelPendingEmails(tx, `digest:${subscriber.id}:`);
      await cancelPendingEmails(tx, `confirm:${subscriber.id}:`);
      const unsubscribed = await updateSubscriber(tx, subscriber.id, {
        status: "unsubscribed",
        unsubscribedAt: now,
        updatedAt: now,
      });
      // Only a confirmed subscriber was ever announced: a pending one leaving is no news.
      if (subscriber.status === "active") {
        await recordWebhookEvent(tx, subscriberEvent("subscriber.unsubscribed", unsubscribed), now);
      }
      return unsubscribed;
    }),
  );
}

export async function updatePreferences(
  services: NewsletterServices,
  token: string,
  input: { topics?: readonly string[] | null | undefined; language?: Language | null | undefined },
): Promise<Subscriber> {
  if (!isWellFormedToken(token)) throw new InvalidTokenError();
  const topics = input.topics == null ? undefined : await validateTopics(services.db, input.topics);
  const now = services.now();
  return withRetry(() =>
    services.db.transaction(async (tx) => {
      const found = await findToken(tx, token, "manage", { lock: true });
      if (!found) throw new InvalidTokenError();
      if (topics === undefined && !input.language) return found.subscriber;
      return updateSubscriber(tx, found.subscriber.id, {
        ...(topics !== undefined && { topics }),
        ...(input.language && { language: input.language }),
        updatedAt: now,
      });
    }),
  );
}

/** The subscription a manage token opens, or null; reads only. */
export async function findSubscription(
  services: NewsletterServices,
  token: string,
): Promise<Subscriber | null> {
  if (!isWellFormedToken(token)) return null;
  return (await findToken(services.db, token, "manage", { lock: false }))?.subscriber ?? null;
}

async function checkRateLimit(
  services: NewsletterServices,
  key: string,
  limit: number,
  now: Date,
): Promise<void> {
  const verdict = await services.rateLimiter.hit(key, limit, RATE_WINDOW_MS);
  if (!verdict.allowed) {
    throw new RateLimitedError("Too many subscription attempts; try again later.", verdict.retryAfterMs, now);
  }
}

const emailKey = (secret: string, email: string) =>
  createHmac("sha256", secret).update(`newsletter-email:${email.toLowerCase()}`).digest("hex").slice(0, 32);

/**
 * The input's own checks. Whether the topics name tags is checked by the subscribe statement
 * itself, or here when another field is wrong already, so that every problem is told at once.
 */
async function validateSubscribe(
  db: Executor,
  input: SubscribeInput,
): Promise<{ email: string; topics: string[]; language: Language; source: string }> {
  const issues: FieldIssue[] = [];
  const email = checkEmail(issues, "input.email", input.email, MAX_EMAIL_LENGTH);
  if (input.consent !== true) {
    issues.push({ field: "input.consent", message: "Subscribing needs your consent: tick the box to agree" });
  }
  const source = input.source?.trim() || "api";
  if (source.length > 64)
    issues.push({ field: "input.source", message: "The source must be at most 64 characters" });
  let topics: string[] = [];
  try {
    topics = distinctTopics(input.topics ?? []);
    if (issues.length || !email) await checkTopicsKnown(db, topics);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    issues.push(...error.issues);
  }
  if (issues.length || !email) throw new ValidationError(issues);
  return { email, topics, language: input.language, source };
}

/** Topics are tag slugs: at most 20, each naming a tag; duplicates are dropped. */
export async function validateTopics(db: Executor, topics: readonly string[]): Promise<string[]> {
  const unique = distinctTopics(topics);
  await checkTopicsKnown(db, unique);
  return unique;
}

/** The topics without duplicates, at most 20 of them; whether they name tags is not checked here. */
function distinctTopics(topics: readonly string[]): string[] {
  const unique = [...new Set(topics.map((topic) => topic.trim()))];
  if (unique.length > MAX_TOPICS) {
    throw new ValidationError([{ field: "input.topics", message: `Choose at most ${MAX_TOPICS} topics` }]);
  }
  return unique;
}

async function checkTopicsKnown(db: Executor, unique: readonly string[]): Promise<void> {
  const candidates = unique.filter((topic) => topic.length <= 100);
  const known = new Set(
    candidates.length ? (await findTagsBySlugs(db, candidates)).map((tag) => tag.slug) : [],
  );
  const unknown = unique.filter((topic) => !known.has(topic));
  if (unknown.length) {
    throw new ValidationError([
      {
        field: "input.topics",
        message: `Unknown topic${unknown.length > 1 ? "s" : ""}: ${unknown.map((t) => JSON.stringify(t.slice(0, 100))).join(", ")} (topics are tag slugs)`,
      },
    ]);
  }
}
