// Reads and writes of the WordPress import: the mapping of WordPress items to lede rows, bulk
// inserts in statements of bounded size, and the redirects from the old site's URLs.
import {
  and,
  asc,
  count,
  eq,
  getTableColumns,
  type InferInsertModel,
  inArray,
  type SQL,
  sql,
} from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Database, Executor } from "../../db/client.ts";
import { asText, keysetFilter, keysetOrder } from "../../db/keyset.ts";
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
  await insertRows(
    db,
    wordpressItems,
    rows,
    sql`on conflict (site, kind, wp_id) do update set lede_id = excluded.lede_id, hash = excluded.hash,
      details = excluded.details, imported_at = excluded.imported_at`,
  );
}

/**
 * Inserts `rows` (all with the keys of the first) in one statement, whatever their number: they
 * travel as one JSON parameter that json_to_recordset reads back, so a batch costs one statement a
 * table and no query text grows with it. `onConflict` is the statement's ON CONFLICT clause.
 */
export async function insertRows<T extends PgTable>(
  db: Executor,
  table: T,
  rows: readonly InferInsertModel<T>[],
  onConflict?: SQL,
): Promise<void> {
  if (!rows.length) return;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(rows[0] as object).filter((key) => columns[key]);
  const targets = keys.map((key) => sql.identifier((columns[key] as PgColumn).name));
  const fields = keys.map((key) => sql.identifier(key));
  const definitions = keys.map((key) => {
    const column = columns[key] as PgColumn & { dimensions?: number };
    const type = column.getSQLType() + "[]".repeat(column.dimensions ?? 0);
    return sql`${sql.identifier(key)} ${sql.raw(type)}`;
  });
  await (db as Database).execute(
    sql`insert into ${table} (${sql.join(targets, sql`, `)})
      select ${sql.join(fields, sql`, `)} from json_to_recordset(${JSON.stringify(rows)}::text::json)
      as r(${sql.join(definitions, sql`, `)}) ${onConflict ?? sql``}`,
  );
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
  await insertRows(
    db,
    redirects,
    rows,
    sql`on conflict (from_path) do update set article_id = excluded.article_id`,
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
    .where(keysetFilter(redirectKey(), [asText], page, false))
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
