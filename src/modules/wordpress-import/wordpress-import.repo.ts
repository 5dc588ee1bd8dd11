// Reads and writes of the WordPress import: the mapping of WordPress items to lede rows, bulk
// inserts in statements of bounded size, and the redirects from the old site's URLs.
import { and, asc, count, eq, type InferInsertModel, inArray, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client.ts";
import { keysetFilter, keysetOrder } from "../../db/keyset.ts";
import { articles, images, redirects, wordpressItems } from "../../db/schema.ts";
import type { PageRequest } from "../../graphql/pagination.ts";

export type WordpressKind = "author" | "tag" | "post" | "comment" | "image";
export type MappingRow = typeof wordpressItems.$inferInsert;

export interface Mapped {
  ledeId: string;
  hash: string;
}

/** The mapping of `wpIds` of one kind, by WordPress id. */
export async function findMappings(
  db: Executor,
  site: string,
  kind: WordpressKind,
  wpIds: readonly string[],
): Promise<Map<string, Mapped>> {
  const found = new Map<string, Mapped>();
  for (let i = 0; i < wpIds.length; i += 5000) {
    const rows = await db
      .select({ wpId: wordpressItems.wpId, ledeId: wordpressItems.ledeId, hash: wordpressItems.hash })
      .from(wordpressItems)
      .where(
        and(
          eq(wordpressItems.site, site),
          eq(wordpressItems.kind, kind),
          inArray(wordpressItems.wpId, wpIds.slice(i, i + 5000)),
        ),
      );
    for (const row of rows) found.set(row.wpId, { ledeId: row.ledeId, hash: row.hash });
  }
  return found;
}

/** The image mappings of `keys` whose image still exists. */
export async function findMappedImages(
  db: Executor,
  site: string,
  keys: readonly string[],
): Promise<Map<string, string>> {
  if (!keys.length) return new Map();
  const rows = await db
    .select({ wpId: wordpressItems.wpId, ledeId: wordpressItems.ledeId })
    .from(wordpressItems)
    .innerJoin(images, eq(images.id, wordpressItems.ledeId))
    .where(
      and(
        eq(wordpressItems.site, site),
        eq(wordpressItems.kind, "image"),
        inArray(wordpressItems.wpId, [...keys]),
      ),
    );
  return new Map(rows.map((row) => [row.wpId, row.ledeId]));
}

export async function upsertMappings(db: Executor, rows: readonly MappingRow[]): Promise<void> {
  await insertChunked(db, wordpressItems, rows, (insert) =>
    insert.onConflictDoUpdate({
      target: [wordpressItems.site, wordpressItems.kind, wordpressItems.wpId],
      set: {
        ledeId: sql`excluded.lede_id`,
        hash: sql`excluded.hash`,
        details: sql`excluded.details`,
        importedAt: sql`excluded.imported_at`,
      },
    }),
  );
}

/** PostgreSQL takes at most 65,535 parameters a statement. */
const MAX_PARAMETERS = 60_000;

/** Inserts `rows` in as few statements as the parameter limit allows. */
export async function insertChunked<T extends PgTable>(
  db: Executor,
  table: T,
  rows: readonly InferInsertModel<T>[],
  // biome-ignore lint/suspicious/noExplicitAny: drizzle's insert builder types differ per driver.
  finish: (insert: any) => Promise<unknown> = (insert) => insert,
): Promise<void> {
  if (!rows.length) return;
  const columns = Math.max(1, Object.keys(rows[0] as object).length);
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
  for (let i = 0; i < rows.length; i += size) {
    // biome-ignore lint/suspicious/noExplicitAny: any table's rows, checked by the signature above.
    await finish(db.insert(table).values(rows.slice(i, i + size) as any));
  }
}

/** Which of `slugs` articles have already. */
export async function takenSlugs(db: Executor, slugs: readonly string[]): Promise<Set<string>> {
  if (!slugs.length) return new Set();
  const rows = await db
    .select({ slug: articles.slug })
    .from(articles)
    .where(inArray(articles.slug, [...slugs]));
  return new Set(rows.map((row) => row.slug));
}

export async function upsertRedirects(
  db: Executor,
  rows: readonly { fromPath: string; articleId: string }[],
): Promise<void> {
  await insertChunked(db, redirects, rows, (insert) =>
    insert.onConflictDoUpdate({ target: redirects.fromPath, set: { articleId: sql`excluded.article_id` } }),
  );
}

// ---- The redirects list, for staff and for `--redirects FILE` -----------------------------------

export interface RedirectRow {
  fromPath: string;
  articleId: string;
  slug: string;
}

const redirectKey = (): SQL[] => [redirects.fromPath.getSQL()];

/** A page of redirects in path order. */
export async function listRedirects(db: Executor, page: PageRequest): Promise<RedirectRow[]> {
  return db
    .select({ fromPath: redirects.fromPath, articleId: redirects.articleId, slug: articles.slug })
    .from(redirects)
    .innerJoin(articles, eq(articles.id, redirects.articleId))
    .where(keysetFilter(redirectKey(), [(value) => sql`${String(value)}::text`], page, false))
    .orderBy(keysetOrder(redirectKey(), page, false))
    .limit(page.limit + 1);
}

export async function countRedirects(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(redirects);
  return row?.n ?? 0;
}

export const redirectCursor = (row: RedirectRow): [string] => [row.fromPath];

/** Every redirect, in path order, a page at a time (for writing a file of any size). */
export async function* allRedirects(db: Executor): AsyncGenerator<RedirectRow> {
  let after: string | null = null;
  for (;;) {
    const rows: RedirectRow[] = await db
      .select({ fromPath: redirects.fromPath, articleId: redirects.articleId, slug: articles.slug })
      .from(redirects)
      .innerJoin(articles, eq(articles.id, redirects.articleId))
      .where(after === null ? undefined : sql`${redirects.fromPath} > ${after}`)
      .orderBy(asc(redirects.fromPath))
      .limit(1000);
    yield* rows;
    if (rows.length < 1000) return;
    after = (rows.at(-1) as RedirectRow).fromPath;
  }
}
