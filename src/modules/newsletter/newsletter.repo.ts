// Reads and writes of subscribers and their tokens. Email addresses compare case-insensitively:
// the unique index is on lower(email), and every lookup goes through it.
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client.ts";
import {
  articles,
  articleTags,
  images,
  type Language,
  newsletterDigestRuns,
  newsletterSubscribers,
  newsletterTokens,
  tags,
  wordpressItems,
} from "../../db/schema.ts";
import { articleReadColumns, isPublicArticle } from "../../db/visibility.ts";
import { emailForValues, enqueueEmailFor, type OutgoingEmail } from "../../mail/outbox.ts";
import { deriveManageToken, hashNewsletterToken, type TokenPurpose } from "./newsletter.tokens.ts";

export type Subscriber = typeof newsletterSubscribers.$inferSelect;
export type NewSubscriber = typeof newsletterSubscribers.$inferInsert;
export type NewsletterToken = typeof newsletterTokens.$inferSelect;

/** A new subscriber's first writes: its row, its two tokens (hashed) and its confirmation email. */
export interface NewPendingSubscriber {
  subscriber: Pick<
    NewSubscriber,
    "email" | "topics" | "language" | "consentTextVersion" | "consentIpHash" | "consentSource"
  > & { id: string; topics: string[] };
  manageTokenId: string;
  manageTokenHash: string;
  confirmTokenId: string;
  confirmTokenHash: string;
  confirmExpiresAt: Date;
  confirmation: OutgoingEmail;
  /** The consent's time, the confirmation's and the row's. */
  now: Date;
}

/** What `insertPendingSubscriber` did: wrote the subscriber, or nothing and why. */
export type PendingSubscriberOutcome = "created" | "address taken" | "unknown topics";

/**
 * Writes a new subscriber, its manage and confirmation tokens and its confirmation email in one
 * statement (atomic without a transaction), when every topic names a tag. Writes nothing when a
 * topic is unknown, or when the address is taken in any letter case. Everything is keyed by ids
 * chosen before the call, so a run again after a lost connection finds the address taken and
 * writes nothing twice.
 */
export async function insertPendingSubscriber(
  db: Executor,
  input: NewPendingSubscriber,
): Promise<PendingSubscriberOutcome> {
  const s = input.subscriber;
  const at = input.now.toISOString();
  const [row] = await insertPendingStatement(db).execute({
    id: s.id,
    email: s.email,
    topics: s.topics,
    language: s.language,
    consentTextVersion: s.consentTextVersion,
    consentIpHash: s.consentIpHash ?? null,
    consentSource: s.consentSource ?? null,
    at,
    manageTokenId: input.manageTokenId,
    manageTokenHash: input.manageTokenHash,
    confirmTokenId: input.confirmTokenId,
    confirmTokenHash: input.confirmTokenHash,
    confirmExpiresAt: input.confirmExpiresAt.toISOString(),
    ...emailForValues(input.confirmation, input.now),
  });
  if (!row?.topicsKnown) return "unknown topics";
  return row.id ? "created" : "address taken";
}

/**
 * `insertPendingSubscriber`'s statement, built once per database with placeholders and prepared:
 * subscribing is a hot path. Built, it costs no query building per request; prepared, it is one
 * round trip (an unnamed statement with parameters is two: postgres.js asks for their types
 * first) and PostgreSQL parses it once per connection.
 */
const insertPendingStatements = new WeakMap<Executor, ReturnType<typeof buildInsertPending>>();
const insertPendingStatement = (db: Executor) => {
  let statement = insertPendingStatements.get(db);
  if (!statement) {
    statement = buildInsertPending(db);
    insertPendingStatements.set(db, statement);
  }
  return statement;
};

function buildInsertPending(db: Executor) {
  const qb = new QueryBuilder();
  const p = sql.placeholder;
  const topics = sql.param(p("topics"), newsletterSubscribers.topics);
  const at = sql`${p("at")}::timestamptz`;
  // Topics are distinct (validateSubscribe) and slugs unique: all are tags when all match.
  const known = qb
    .$with("known_topics", { ok: sql<boolean>`ok`.as("ok") })
    .as(
      sql`select count(*) = cardinality(${topics}::text[]) as ok from tags where slug = any(${topics}::text[])`,
    );
  const created = qb.$with("subscriber", { id: sql<string>`id`.as("id") }).as(sql`
    insert into newsletter_subscribers (id, email, status, topics, language, consent_at,
      consent_text_version, consent_ip_hash, consent_source, confirmation_sent_at, created_at, updated_at)
    select ${p("id")}::uuid, ${p("email")}::text, 'pending', ${topics}::text[], ${p("language")}::language,
      ${at}, ${p("consentTextVersion")}::text, ${p("consentIpHash")}::text, ${p("consentSource")}::text,
      ${at}, ${at}, ${at}
    from known_topics where ok
    on conflict do nothing
    returning id`);
  const tokens = qb.$with("subscriber_tokens", {}).as(sql`
    insert into newsletter_tokens (id, subscriber_id, purpose, token_hash, expires_at, created_at)
    select ${p("manageTokenId")}::uuid, id, 'manage', ${p("manageTokenHash")}::text, null, ${at}
      from subscriber
    union all
    select ${p("confirmTokenId")}::uuid, id, 'confirm', ${p("confirmTokenHash")}::text,
      ${p("confirmExpiresAt")}::timestamptz, ${at}
      from subscriber`);
  const email = qb.$with("confirmation_email", {}).as(enqueueEmailFor(sql`subscriber`));
  return db
    .with(known, created, tokens, email)
    .select({ topicsKnown: known.ok, id: created.id })
    .from(known)
    .leftJoin(created, sql`true`)
    .prepare("insert_pending_subscriber");
}

/**
 * The subscriber of `email`, locked until the transaction ends, with whether a confirmation may
 * be sent again: never sent, sent before `resendAfter`, or the subscriber had left.
 */
export async function lockSubscriberByEmail(
  db: Executor,
  email: string,
  resendAfter: Date,
): Promise<{ subscriber: Subscriber; resendDue: boolean } | null> {
  const s = newsletterSubscribers;
  const [row] = await db
    .select({
      subscriber: s,
      resendDue: sql<boolean>`(${s.status} = 'unsubscribed' or ${s.confirmationSentAt} is null
        or ${s.confirmationSentAt} <= ${resendAfter.toISOString()}::timestamptz)`,
    })
    .from(s)
    .where(sql`lower(${s.email}) = lower(${email})`)
    .for("update");
  return row ?? null;
}

export async function updateSubscriber(
  db: Executor,
  id: string,
  values: Partial<Omit<NewSubscriber, "id" | "email" | "createdAt">>,
): Promise<Subscriber> {
  const [row] = await db
    .update(newsletterSubscribers)
    .set(values)
    .where(eq(newsletterSubscribers.id, id))
    .returning();
  if (!row) throw new Error(`subscriber ${id} vanished`);
  return row;
}

export async function insertConfirmToken(
  db: Executor,
  input: { id?: string; subscriberId: string; token: string; expiresAt: Date; now: Date },
): Promise<string> {
  const [row] = await db
    .insert(newsletterTokens)
    .values({
      ...(input.id && { id: input.id }),
      subscriberId: input.subscriberId,
      purpose: "confirm",
      tokenHash: hashNewsletterToken(input.token),
      expiresAt: input.expiresAt,
      createdAt: input.now,
    })
    .returning({ id: newsletterTokens.id });
  if (!row) throw new Error("insert returned no token row");
  return row.id;
}

/**
 * The id of the subscriber's manage token row, creating the row on first use. The id is chosen
 * here, since the token derives from it; the partial unique index keeps one row per subscriber.
 */
export async function ensureManageTokenId(
  db: Executor,
  input: { subscriberId: string; secret: string; now: Date },
): Promise<string> {
  const existing = (await findManageTokenIds(db, [input.subscriberId])).get(input.subscriberId);
  if (existing) return existing;
  const id = randomUUID();
  await db
    .insert(newsletterTokens)
    .values({
      id,
      subscriberId: input.subscriberId,
      purpose: "manage",
      tokenHash: hashNewsletterToken(deriveManageToken(input.secret, input.subscriberId, id)),
      createdAt: input.now,
    })
    .onConflictDoNothing();
  const tokenId = (await findManageTokenIds(db, [input.subscriberId])).get(input.subscriberId);
  if (!tokenId) throw new Error(`no manage token for subscriber ${input.subscriberId}`);
  return tokenId;
}

/** The subscriber's manage token in clear, creating its row on first use. */
export const ensureManageToken = async (
  db: Executor,
  input: { subscriberId: string; secret: string; now: Date },
): Promise<string> =>
  deriveManageToken(input.secret, input.subscriberId, await ensureManageTokenId(db, input));

/** The manage token row id of each subscriber that has one. */
export async function findManageTokenIds(
  db: Executor,
  subscriberIds: readonly string[],
): Promise<Map<string, string>> {
  if (!subscriberIds.length) return new Map();
  const rows = await db
    .select({ id: newsletterTokens.id, subscriberId: newsletterTokens.subscriberId })
    .from(newsletterTokens)
    .where(
      and(inArray(newsletterTokens.subscriberId, [...subscriberIds]), eq(newsletterTokens.purpose, "manage")),
    );
  return new Map(rows.map((row) => [row.subscriberId, row.id]));
}

/**
 * The token with this hash and purpose, and its subscriber; with `lock`, both rows stay locked
 * until the transaction ends.
 */
export async function findToken(
  db: Executor,
  token: string,
  purpose: TokenPurpose,
  options: { lock: boolean },
): Promise<{ token: NewsletterToken; subscriber: Subscriber } | null> {
  const query = db
    .select({ token: newsletterTokens, subscriber: newsletterSubscribers })
    .from(newsletterTokens)
    .innerJoin(newsletterSubscribers, eq(newsletterSubscribers.id, newsletterTokens.subscriberId))
    .where(
      and(eq(newsletterTokens.tokenHash, hashNewsletterToken(token)), eq(newsletterTokens.purpose, purpose)),
    );
  const [row] = await (options.lock ? query.for("update") : query);
  return row ?? null;
}

/** Spends every unused confirmation token of a subscriber. */
export async function spendConfirmTokens(db: Executor, subscriberId: string, now: Date): Promise<void> {
  await db
    .update(newsletterTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(newsletterTokens.subscriberId, subscriberId),
        eq(newsletterTokens.purpose, "confirm"),
        isNull(newsletterTokens.usedAt),
      ),
    );
}

// --- The digest -----------------------------------------------------------------------------

/** What the digest shows of an article's cover image. */
export interface DigestCover {
  id: string;
  width: number;
  height: number;
  mimeType: string;
  alt: string | null;
  decorative: boolean;
}

export type DigestSourceArticle = Omit<
  typeof articles.$inferSelect,
  "searchVector" | "visibleCommentCount"
> & {
  tags: { slug: string; name: string }[];
  cover: DigestCover | null;
};

/** Published articles with `from <= published_at < to`, newest first, with their tags and cover. */
const notImportedPublished = sql`not exists (select 1 from ${wordpressItems} w
  where w.kind = 'post' and w.lede_id = ${articles.id} and w.details @> '{"arrivedPublished": true}')`;

export async function publishedArticlesBetween(
  db: Executor,
  from: Date,
  to: Date,
  language?: Language,
): Promise<DigestSourceArticle[]> {
  const rows = await db
    .select({
      ...articleReadColumns,
      // Joined here, not read after: the digest stays two statements however many articles.
      cover: {
        id: images.id,
        width: images.width,
        height: images.height,
        mimeType: images.mimeType,
        alt: images.alt,
        decorative: images.decorative,
      },
    })
    .from(articles)
    .leftJoin(images, eq(images.id, articles.coverImageId))
    .where(
      and(
        // Public means published and not deleted: a deleted article is never mailed.
        isPublicArticle,
        gte(articles.publishedAt, from),
        lt(articles.publishedAt, to),
        // An article that came published with an archive (a WordPress import) was news on the old
        // site, not today.
        notImportedPublished,
        language ? eq(articles.language, language) : undefined,
      ),
    )
    .orderBy(desc(articles.publishedAt), desc(articles.id));
  if (!rows.length) return [];
  const links = await db
    .select({ articleId: articleTags.articleId, slug: tags.slug, name: tags.name })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(
      inArray(
        articleTags.articleId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(tags.name));
  return rows.map((row) => ({
    ...row,
    tags: links.filter((link) => link.articleId === row.id).map(({ slug, name }) => ({ slug, name })),
  }));
}

export interface DigestRecipient {
  id: string;
  email: string;
  topics: string[];
  language: Language;
  manageTokenId: string | null;
}

/** A page of active subscribers by id, after `afterId`. */
export function activeSubscribersAfter(
  db: Executor,
  afterId: string | null,
  limit: number,
): Promise<DigestRecipient[]> {
  const s = newsletterSubscribers;
  return db
    .select({
      id: s.id,
      email: s.email,
      topics: s.topics,
      language: s.language,
      manageTokenId: newsletterTokens.id,
    })
    .from(s)
    .leftJoin(
      newsletterTokens,
      and(eq(newsletterTokens.subscriberId, s.id), eq(newsletterTokens.purpose, "manage")),
    )
    .where(and(eq(s.status, "active"), afterId ? gt(s.id, afterId) : undefined))
    .orderBy(asc(s.id))
    .limit(limit);
}

export async function countActiveSubscribers(db: Executor): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(newsletterSubscribers)
    .where(eq(newsletterSubscribers.status, "active"));
  return row?.n ?? 0;
}

export async function digestRunCompleted(db: Executor, date: string): Promise<boolean> {
  const rows = await db
    .select({ date: newsletterDigestRuns.date })
    .from(newsletterDigestRuns)
    .where(eq(newsletterDigestRuns.date, date));
  return rows.length > 0;
}

export async function recordDigestRun(
  db: Executor,
  run: { date: string; completedAt: Date; subscribers: number; emails: number },
): Promise<void> {
  await db
    .insert(newsletterDigestRuns)
    .values(run)
    .onConflictDoUpdate({
      target: newsletterDigestRuns.date,
      set: {
        completedAt: run.completedAt,
        subscribers: run.subscribers,
        emails: sql`${newsletterDigestRuns.emails} + ${run.emails}`,
      },
    });
}
