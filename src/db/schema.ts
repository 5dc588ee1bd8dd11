// The whole data model of lede, one table per concept of CONTEXT.md (the glossary at the root).
// Ids are UUIDs from gen_random_uuid(), available on PostgreSQL 15 and on PGlite alike.
import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export const languageEnum = pgEnum("language", ["fr", "en"]);
export const articleStatusEnum = pgEnum("article_status", ["draft", "scheduled", "published", "archived"]);
export const commentStatusEnum = pgEnum("comment_status", ["pending", "approved", "spam", "trash"]);
export const subscriberStatusEnum = pgEnum("subscriber_status", ["pending", "active", "unsubscribed"]);
export const staffRoleEnum = pgEnum("staff_role", ["admin", "editor", "author"]);
export const outboxStatusEnum = pgEnum("outbox_status", ["pending", "sent", "dead"]);

/**
 * `value` in lower case without accents (lede_fold, an immutable wrapper of unaccent made in the
 * migration): how names and words compare, and what their indexes hold.
 */
export const folded = (value: SQLWrapper | string): SQL => sql`lede_fold(${value})`;

export type Language = (typeof languageEnum.enumValues)[number];
export type ArticleStatus = (typeof articleStatusEnum.enumValues)[number];
export type CommentStatus = (typeof commentStatusEnum.enumValues)[number];
export type StaffRole = (typeof staffRoleEnum.enumValues)[number];
export type OutboxStatus = (typeof outboxStatusEnum.enumValues)[number];

// Millisecond precision everywhere: timestamps round-trip exactly through JavaScript Dates and
// through the cursors built from them.
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

const id = () => uuid("id").primaryKey().defaultRandom();
const createdAt = () => timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow();

export interface SocialLink {
  label: string;
  url: string;
}

export const authors = pgTable("authors", {
  id: id(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  bio: text("bio"),
  avatarUrl: text("avatar_url"),
  jobTitle: text("job_title"),
  links: jsonb("links").$type<SocialLink[]>().notNull().default([]),
  createdAt: createdAt(),
});

export const tags = pgTable("tags", {
  id: id(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  createdAt: createdAt(),
});

export const articles = pgTable(
  "articles",
  {
    id: id(),
    slug: text("slug").notNull().unique(),
    language: languageEnum("language").notNull(),
    title: text("title").notNull(),
    lede: text("lede"),
    body: text("body").notNull(),
    // Rendered and sanitised when the body is written, so reads never pay for Markdown.
    bodyHtml: text("body_html").notNull(),
    status: articleStatusEnum("status").notNull().default("draft"),
    publishedAt: timestamp("published_at", { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    readingTimeMinutes: integer("reading_time_minutes").notNull().default(1),
    commentsOpen: boolean("comments_open").notNull().default(true),
    /** The image shown above the title; an image in use is never deleted (restrict). */
    coverImageId: uuid("cover_image_id").references((): AnyPgColumn => images.id, { onDelete: "restrict" }),
    /** Bumped by every update: an edit based on an older version is a conflict. */
    version: integer("version").notNull().default(1),
    /** Soft delete: set, the article is gone for everyone until restored. */
    deletedAt: timestamp("deleted_at", { withTimezone: true, precision: 3 }),
    /**
     * The public comment count (approved, with every comment above approved too), kept by
     * triggers on comments (migration visible_comment_count), so a page reads it instead of
     * counting threads that grow with the site.
     */
    visibleCommentCount: integer("visible_comment_count").notNull().default(0),
    // Title above lede above body, each through its language's accent-folding configuration
    // (lede_fr / lede_en, made in the migration); kept by PostgreSQL itself.
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`setweight(to_tsvector(case when language = 'fr' then 'lede_fr'::regconfig else 'lede_en'::regconfig end, coalesce(title, '')), 'A')
        || setweight(to_tsvector(case when language = 'fr' then 'lede_fr'::regconfig else 'lede_en'::regconfig end, coalesce(lede, '')), 'B')
        || setweight(to_tsvector(case when language = 'fr' then 'lede_fr'::regconfig else 'lede_en'::regconfig end, body), 'C')`,
    ),
  },
  (t) => [
    // The public list: published articles, newest first, keyset-paginated on (published_at, id).
    index("articles_published_idx").on(t.publishedAt.desc(), t.id.desc()).where(sql`status = 'published'`),
    index("articles_status_idx").on(t.status),
    // Which articles show an image as their cover (the images list, the delete guard).
    index("articles_cover_image_idx").on(t.coverImageId),
    index("articles_search_idx").using("gin", t.searchVector),
    // Typo tolerance: trigram similarity of short queries against titles.
    index("articles_title_trgm_idx").using("gin", sql`lower(${t.title}) gin_trgm_ops`),
    // The scheduler's question: which scheduled articles are due?
    index("articles_scheduled_idx").on(t.publishedAt).where(sql`status = 'scheduled'`),
  ],
);

/**
 * The vocabulary of public articles: each word of a title, lede or body once, folded. Search
 * corrects a mistyped word to its closest entry (trigram similarity, served by the index).
 * Triggers on articles add the words of every article that is public after a write (see the
 * migration); a word whose articles went away stays, and then simply finds nothing.
 */
export const searchWords = pgTable("search_words", { word: text("word").primaryKey() }, (t) => [
  index("search_words_trgm_idx").using("gin", t.word.op("gin_trgm_ops")),
]);

/** Every saved state of an article: who changed what, when; any of them can be restored. */
export const articleRevisions = pgTable(
  "article_revisions",
  {
    id: id(),
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    /** The article's version this revision recorded. */
    version: integer("version").notNull(),
    staffId: uuid("staff_id").references(() => staff.id, { onDelete: "set null" }),
    /** The fields this revision changed from the one before. */
    changedFields: text("changed_fields").array().notNull(),
    snapshot: jsonb("snapshot").$type<ArticleSnapshot>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("article_revisions_version_idx").on(t.articleId, t.version)],
);

/** What a revision keeps of an article: everything an editor writes. */
export interface ArticleSnapshot {
  slug: string;
  language: Language;
  title: string;
  lede: string | null;
  body: string;
  status: ArticleStatus;
  publishedAt: string | null;
  commentsOpen: boolean;
  authorIds: string[];
  tagIds: string[];
  /** Absent in revisions written before images existed. */
  coverImageId?: string | null;
}

export const articleAuthors = pgTable(
  "article_authors",
  {
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => authors.id, { onDelete: "restrict" }),
    // 0 is the primary author; co-authors follow in byline order.
    position: integer("position").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.authorId] }),
    uniqueIndex("article_authors_position_idx").on(t.articleId, t.position),
    index("article_authors_author_idx").on(t.authorId),
  ],
);

export const articleTags = pgTable(
  "article_tags",
  {
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    tagId: uuid("tag_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.tagId] }), index("article_tags_tag_idx").on(t.tagId)],
);

export const quotes = pgTable(
  "quotes",
  {
    id: id(),
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    speaker: text("speaker").notNull(),
    speakerRole: text("speaker_role"),
    text: text("text").notNull(),
    position: integer("position").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("quotes_article_idx").on(t.articleId, t.position),
    // `quotes(speaker:)` compares names folded: any letter case, with or without accents.
    index("quotes_speaker_idx").on(folded(t.speaker)),
  ],
);

export const sources = pgTable(
  "sources",
  {
    id: id(),
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    publisher: text("publisher"),
    url: text("url").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [index("sources_article_idx").on(t.articleId, t.position)],
);

export const comments = pgTable(
  "comments",
  {
    id: id(),
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    parentId: uuid("parent_id"),
    // Every ancestor, root first: the depth is its length, and a thread is visible only
    // while all of them are approved.
    ancestorIds: uuid("ancestor_ids").array().notNull().default(sql`'{}'::uuid[]`),
    authorName: text("author_name").notNull(),
    authorEmail: text("author_email").notNull(),
    authorUrl: text("author_url"),
    body: text("body").notNull(),
    status: commentStatusEnum("status").notNull().default("pending"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    ipHash: text("ip_hash"),
    userAgent: text("user_agent"),
  },
  (t) => [
    foreignKey({ name: "comments_parent_id_fk", columns: [t.parentId], foreignColumns: [t.id] }).onDelete(
      "cascade",
    ),
    index("comments_article_thread_idx").on(t.articleId, t.parentId, t.createdAt, t.id),
    // An article's top-level comments in page order. The index above cannot give it: PostgreSQL
    // does not take "parent_id is null" as an equality, so it sorted every top-level comment of a
    // busy article to keep a page (1,075 on the bench's hottest, large data).
    index("comments_article_top_level_idx").on(t.articleId, t.createdAt, t.id).where(sql`parent_id is null`),
    index("comments_parent_idx").on(t.parentId, t.createdAt, t.id),
    index("comments_status_idx").on(t.status, t.createdAt),
    index("comments_email_idx").on(sql`lower(${t.authorEmail})`),
  ],
);

export const newsletterSubscribers = pgTable(
  "newsletter_subscribers",
  {
    id: id(),
    email: text("email").notNull(),
    status: subscriberStatusEnum("status").notNull().default("pending"),
    topics: text("topics").array().notNull().default(sql`'{}'::text[]`),
    language: languageEnum("language").notNull(),
    consentAt: timestamp("consent_at", { withTimezone: true, precision: 3 }).notNull(),
    consentTextVersion: text("consent_text_version").notNull(),
    consentIpHash: text("consent_ip_hash"),
    consentSource: text("consent_source"),
    confirmationSentAt: timestamp("confirmation_sent_at", { withTimezone: true, precision: 3 }),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true, precision: 3 }),
    unsubscribedAt: timestamp("unsubscribed_at", { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("newsletter_subscribers_email_idx").on(sql`lower(${t.email})`),
    index("newsletter_subscribers_status_idx").on(t.status),
  ],
);

export const newsletterTokens = pgTable(
  "newsletter_tokens",
  {
    id: id(),
    subscriberId: uuid("subscriber_id")
      .notNull()
      .references(() => newsletterSubscribers.id, { onDelete: "cascade" }),
    purpose: text("purpose").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true, precision: 3 }),
    usedAt: timestamp("used_at", { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
  },
  (t) => [
    index("newsletter_tokens_subscriber_idx").on(t.subscriberId, t.purpose),
    // One manage token per subscriber: its clear value is derived from its id (newsletter.tokens.ts).
    uniqueIndex("newsletter_tokens_manage_idx").on(t.subscriberId).where(sql`purpose = 'manage'`),
    check("newsletter_tokens_purpose_check", sql`${t.purpose} in ('confirm', 'manage')`),
  ],
);

export const outbox = pgTable(
  "outbox",
  {
    id: id(),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    kind: text("kind").notNull(),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body"),
    status: outboxStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastError: text("last_error"),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true, precision: 3 }),
  },
  (t) => [
    index("outbox_due_idx").on(t.nextAttemptAt).where(sql`status = 'pending'`),
    // Staff list messages by status, newest first (dead ones above all).
    index("outbox_status_created_idx").on(t.status, t.createdAt, t.id),
  ],
);

/**
 * An endpoint that hears of events: its URL, the event types it wants, and its signing secret,
 * encrypted with a key derived from LEDE_SECRET. During a rotation the previous secret signs too,
 * until `previous_secret_expires_at`.
 */
export const webhooks = pgTable("webhooks", {
  id: id(),
  url: text("url").notNull(),
  description: text("description").notNull().default(""),
  events: text("events").array().notNull(),
  includePersonalData: boolean("include_personal_data").notNull().default(false),
  secretEncrypted: text("secret_encrypted").notNull(),
  /** The end of the secret, to tell secrets apart; the secret is shown once, at creation. */
  secretHint: text("secret_hint").notNull(),
  previousSecretEncrypted: text("previous_secret_encrypted"),
  previousSecretExpiresAt: timestamp("previous_secret_expires_at", { withTimezone: true, precision: 3 }),
  disabledAt: timestamp("disabled_at", { withTimezone: true, precision: 3 }),
  disabledReason: text("disabled_reason"),
  /** Since when every delivery has failed; null after a success. */
  failingSince: timestamp("failing_since", { withTimezone: true, precision: 3 }),
  createdAt: createdAt(),
  updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/**
 * What happened, once, whatever the number of endpoints: the payload's `data`, and apart from it
 * the personal data (an email) that only endpoints allowed to see it receive. Written only when
 * some endpoint listens.
 */
export const webhookEvents = pgTable("webhook_events", {
  id: id(),
  type: text("type").notNull(),
  /** The resource the event is about ("Article:<global id>"): deliveries keep its order per endpoint. */
  resourceKey: text("resource_key").notNull(),
  data: jsonb("data").$type<Record<string, unknown>>().notNull(),
  personalData: jsonb("personal_data").$type<Record<string, unknown>>(),
  createdAt: createdAt(),
});

/** One event for one endpoint: a work-queue row (infra/work-queue.ts), like an outbox email. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: id(),
    /** Insertion order: a resource's deliveries to an endpoint go out in this order. */
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
    webhookId: uuid("webhook_id")
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
    eventId: uuid("event_id")
      .notNull()
      .references(() => webhookEvents.id, { onDelete: "cascade" }),
    resourceKey: text("resource_key").notNull(),
    status: outboxStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastError: text("last_error"),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true, precision: 3 }),
  },
  (t) => [
    index("webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index("webhook_deliveries_stream_idx")
      .on(t.webhookId, t.resourceKey, t.seq)
      .where(sql`status = 'pending'`),
    index("webhook_deliveries_log_idx").on(t.webhookId, t.createdAt, t.id),
  ],
);

/** The log of a delivery: each attempt's HTTP status, duration and the start of the answer. */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: id(),
    deliveryId: uuid("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    attempt: integer("attempt").notNull(),
    statusCode: integer("status_code"),
    durationMs: integer("duration_ms").notNull(),
    /** The first KB of the answer's body. */
    responseBody: text("response_body"),
    error: text("error"),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_attempts_delivery_idx").on(t.deliveryId, t.attempt)],
);

/**
 * One row per morning digest that ran to the end: the scheduler skips a date that has one. Two
 * runs of one date are harmless anyway (the outbox keys make each email once); this only saves
 * the scan.
 */
export const newsletterDigestRuns = pgTable("newsletter_digest_runs", {
  date: date("date", { mode: "string" }).primaryKey(),
  completedAt: timestamp("completed_at", { withTimezone: true, precision: 3 }).notNull(),
  subscribers: integer("subscribers").notNull(),
  emails: integer("emails").notNull(),
});

export const staff = pgTable("staff", {
  id: id(),
  name: text("name").notNull(),
  role: staffRoleEnum("role").notNull(),
  // The byline this staff member writes under, if any: authors may edit only their own articles.
  authorId: uuid("author_id").references(() => authors.id, { onDelete: "set null" }),
  createdAt: createdAt(),
});

export const staffTokens = pgTable(
  "staff_tokens",
  {
    id: id(),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    // sha256 of the token: a database leak does not leak working tokens.
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, precision: 3 }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, precision: 3 }),
  },
  (t) => [index("staff_tokens_staff_idx").on(t.staffId)],
);

/**
 * Uploaded images, one row per distinct content: the same bytes uploaded twice are one image. The
 * cleaned original and its renditions live in the media store (src/modules/media/media.store.ts)
 * under the content hash; the row says what it is and how to describe it.
 */
export const images = pgTable(
  "images",
  {
    id: id(),
    /** sha256 (hex) of the bytes as uploaded. */
    contentHash: text("content_hash").notNull().unique(),
    mimeType: text("mime_type").notNull(),
    /** After the EXIF orientation was applied. */
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    /** Of the stored original (EXIF stripped). */
    byteSize: integer("byte_size").notNull(),
    /** A thumbhash, base64: a blurred preview a page can show before the image arrives. */
    placeholder: text("placeholder").notNull(),
    alt: text("alt"),
    caption: text("caption"),
    credit: text("credit"),
    /** Purely decorative: shown with alt="" and publishable without alt text. */
    decorative: boolean("decorative").notNull().default(false),
    /** Private: never in a public type. */
    uploadedBy: uuid("uploaded_by").references(() => staff.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index("images_created_idx").on(t.createdAt, t.id)],
);

/** The images an article's body shows inline (`![alt](lede:image/ID)`), kept when the body is written. */
export const articleImages = pgTable(
  "article_images",
  {
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    imageId: uuid("image_id")
      .notNull()
      .references(() => images.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.imageId] }), index("article_images_image_idx").on(t.imageId)],
);

/**
 * What `lede import wordpress` brought in, keyed by the WordPress site and the item's id there: a
 * second run finds each item here, skips it when its hash is unchanged and updates it otherwise.
 * Kinds: author, tag, post, comment, image (the image's key is its uploads path). `details` keeps
 * what lede has no column for and must stay private (an author's email, a post that was private).
 */
export const wordpressItems = pgTable(
  "wordpress_items",
  {
    site: text("site").notNull(),
    kind: text("kind").notNull(),
    wpId: text("wp_id").notNull(),
    ledeId: uuid("lede_id").notNull(),
    /** sha256 of what the item was imported from: equal means unchanged. */
    hash: text("hash").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>(),
    importedAt: timestamp("imported_at", { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.site, t.kind, t.wpId] }),
    // The digest's question: did this article arrive published with an archive?
    index("wordpress_items_post_idx").on(t.ledeId).where(sql`kind = 'post'`),
  ],
);

/** An old URL path (and query, `/?p=12`) that now lives at an article: the old site's permalinks. */
export const redirects = pgTable(
  "redirects",
  {
    fromPath: text("from_path").primaryKey(),
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [index("redirects_article_idx").on(t.articleId)],
);
