// Demo content for a fresh database: our own writing (seed-content.ts), inserted in one
// transaction with ids derived from slugs, so every fresh install has the same global ids.
import { inArray, sql } from "drizzle-orm";
import { demoImageNames, demoImages } from "../modules/media/media.demo.ts";
import type { Database } from "./client.ts";
import {
  articleAuthors,
  articles,
  articleTags,
  authors,
  comments,
  images,
  quotes,
  sources,
  tags,
} from "./schema.ts";
import { type SeedComment, seedArticles, seedAuthors, seedTags } from "./seed-content.ts";
import { stableUuid } from "./stable-uuid.ts";

export class DatabaseNotEmptyError extends Error {}

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [row] = await db
    .select({
      n: sql<number>`(select count(*) from ${articles}) + (select count(*) from ${authors})`.mapWith(Number),
    })
    .from(sql`(select 1) as one`);
  return (row?.n ?? 0) === 0;
}

export interface SeedCounts {
  articles: number;
  comments: number;
}

/** Seeds the demo content; refuses, changing nothing, unless the database has no content yet. */
export async function seedDemoContent(db: Database): Promise<SeedCounts> {
  const seeded = await seedDemoContentIfEmpty(db);
  if (!seeded)
    throw new DatabaseNotEmptyError("The database already has content; seed only an empty database");
  return seeded;
}

/** The content hashes the seeded demo covers were recorded with (none before the seed). */
export async function seededCoverHashes(db: Database): Promise<string[]> {
  const ids = demoImageNames().map((name) => stableUuid(`image:${name}`));
  const rows = await db.select({ hash: images.contentHash }).from(images).where(inArray(images.id, ids));
  return rows.map((row) => row.hash);
}

/**
 * Seeds the demo content into an empty database; null, changing nothing, when it has content.
 * Processes starting together on one empty server take turns here: the first seeds, the others
 * wait for its commit, then find content and go on.
 */
export async function seedDemoContentIfEmpty(db: Database): Promise<SeedCounts | null> {
  // Made before the transaction: its table lock is held only for the inserts. The renderer loads
  // here, not with the start of every server that checks whether it has content.
  const [covers, { readingTimeMinutes, renderBody }] = await Promise.all([
    demoImages(),
    import("../modules/article/article.content.ts"),
  ]);
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${articles} in exclusive mode`);
    if (!(await isDatabaseEmpty(tx as unknown as Database))) return null;
    const authorId = new Map(seedAuthors.map((a) => [a.slug, stableUuid(`author:${a.slug}`)]));
    const tagId = new Map(seedTags.map((t) => [t.slug, stableUuid(`tag:${t.slug}`)]));
    const coverIds = covers.map((cover) => stableUuid(`image:${cover.name}`));
    const seededAt = new Date("2026-11-20T08:00:00Z");
    await tx.insert(images).values(
      covers.map((cover, index) => ({
        id: coverIds[index] as string,
        contentHash: cover.contentHash,
        mimeType: "image/jpeg",
        width: cover.width,
        height: cover.height,
        byteSize: cover.bytes.length,
        placeholder: cover.placeholder,
        alt: cover.alt,
        credit: "Illustration: lede",
        createdAt: seededAt,
        updatedAt: seededAt,
      })),
    );
    await tx.insert(authors).values(seedAuthors.map((a) => ({ ...a, id: authorId.get(a.slug) as string })));
    await tx.insert(tags).values(seedTags.map((t) => ({ ...t, id: tagId.get(t.slug) as string })));

    const articleRows: (typeof articles.$inferInsert)[] = [];
    const bylineRows: (typeof articleAuthors.$inferInsert)[] = [];
    const tagRows: (typeof articleTags.$inferInsert)[] = [];
    const quoteRows: (typeof quotes.$inferInsert)[] = [];
    const sourceRows: (typeof sources.$inferInsert)[] = [];
    const commentRows: (typeof comments.$inferInsert)[] = [];

    for (const [index, seed] of seedArticles.entries()) {
      const id = stableUuid(`article:${seed.slug}`);
      const publishedAt = seed.publishedAt ? new Date(seed.publishedAt) : null;
      const writtenAt = new Date((publishedAt ?? new Date("2026-11-20T08:00:00Z")).getTime() - 86_400_000);
      articleRows.push({
        id,
        slug: seed.slug,
        language: seed.language,
        title: seed.title,
        lede: seed.lede,
        body: seed.body,
        bodyHtml: renderBody(seed.body),
        readingTimeMinutes: readingTimeMinutes(seed.body),
        status: seed.status,
        publishedAt,
        createdAt: writtenAt,
        updatedAt: publishedAt ?? writtenAt,
        commentsOpen: seed.commentsOpen,
        // Some covers are shared: an image is one row however many articles show it.
        coverImageId: coverIds[index % coverIds.length] as string,
      });
      seed.authorSlugs.forEach((slug, position) => {
        bylineRows.push({ articleId: id, authorId: authorId.get(slug) as string, position });
      });
      for (const slug of seed.tagSlugs) tagRows.push({ articleId: id, tagId: tagId.get(slug) as string });
      seed.quotes.forEach((q, position) => {
        quoteRows.push({ ...q, id: stableUuid(`quote:${seed.slug}:${position}`), articleId: id, position });
      });
      seed.sources.forEach((s, position) => {
        sourceRows.push({ ...s, id: stableUuid(`source:${seed.slug}:${position}`), articleId: id, position });
      });

      // Comments arrive over the days after publication, a reply always after its parent.
      let minute = 0;
      const walk = (list: readonly SeedComment[], ancestors: string[], path: string) => {
        list.forEach((comment, index) => {
          const commentPath = `${path}.${index}`;
          const commentId = stableUuid(`comment:${seed.slug}${commentPath}`);
          minute += 37 + ((index * 53) % 211);
          const createdAt = new Date((publishedAt ?? writtenAt).getTime() + minute * 60_000);
          commentRows.push({
            id: commentId,
            articleId: id,
            parentId: ancestors.at(-1) ?? null,
            ancestorIds: ancestors,
            authorName: comment.authorName,
            authorEmail: comment.authorEmail,
            authorUrl: comment.authorUrl,
            body: comment.body,
            status: comment.status,
            createdAt,
            updatedAt: createdAt,
          });
          walk(comment.replies ?? [], [...ancestors, commentId], commentPath);
        });
      };
      walk(seed.comments, [], "");
    }

    await tx.insert(articles).values(articleRows);
    await tx.insert(articleAuthors).values(bylineRows);
    await tx.insert(articleTags).values(tagRows);
    if (quoteRows.length) await tx.insert(quotes).values(quoteRows);
    if (sourceRows.length) await tx.insert(sources).values(sourceRows);
    // Parents before replies: the walk above pushes every comment before its replies.
    for (let i = 0; i < commentRows.length; i += 500) {
      await tx.insert(comments).values(commentRows.slice(i, i + 500));
    }
    return { articles: articleRows.length, comments: commentRows.length };
  });
}
