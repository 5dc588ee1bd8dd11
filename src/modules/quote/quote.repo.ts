// Reads and writes of quotes: words said by a named speaker, shown inside an article.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { asTimestamp, asUuid, isUuid, keysetFilter, keysetOrder, pageLimit } from "../../db/keyset.ts";
import { articles, folded, quotes } from "../../db/schema.ts";
import { isPublicArticle } from "../../db/visibility.ts";
import type { PageRequest } from "../../graphql/pagination.ts";

export type Quote = typeof quotes.$inferSelect;
export type QuoteWithDate = Quote & { articlePublishedAt: Date };

export const findQuotesByIds = (db: Executor, ids: readonly string[]) =>
  db
    .select()
    .from(quotes)
    .where(inArray(quotes.id, [...ids]));

// Quotes of published articles only: a draft's quotes are not public yet.
const newestFirst = [sql`${articles.publishedAt}`, sql`${quotes.id}`];

function conditions(speaker: string | null | undefined) {
  return and(isPublicArticle, speaker ? sql`${folded(quotes.speaker)} = ${folded(speaker)}` : undefined);
}

export const quoteCursor = (quote: QuoteWithDate): [string, string] => [
  quote.articlePublishedAt.toISOString(),
  quote.id,
];

/** Quotes across published articles, newest article first; a speaker's name matches in any case, accents or not. */
export async function listQuotes(db: Executor, speaker: string | null | undefined, page: PageRequest) {
  const rows = await db
    .select({ quote: quotes, articlePublishedAt: articles.publishedAt })
    .from(quotes)
    .innerJoin(articles, eq(articles.id, quotes.articleId))
    .where(and(conditions(speaker), keysetFilter(newestFirst, [asTimestamp, asUuid], page, true)))
    .orderBy(keysetOrder(newestFirst, page, true))
    .limit(pageLimit(page));
  return rows.map(
    (row): QuoteWithDate => ({ ...row.quote, articlePublishedAt: row.articlePublishedAt as Date }),
  );
}

export const countQuotes = (db: Executor, speaker: string | null | undefined) =>
  db
    .select({ n: sql<number>`count(*)::int` })
    .from(quotes)
    .innerJoin(articles, eq(articles.id, quotes.articleId))
    .where(conditions(speaker))
    .then((rows) => rows[0]?.n ?? 0);

// ---- Writes (the article's row lock is held by the caller) ----

export async function findQuoteForWrite(tx: Executor, id: string): Promise<Quote | null> {
  if (!isUuid(id)) return null;
  const [row] = await tx.select().from(quotes).where(eq(quotes.id, id));
  return row ?? null;
}

export async function insertQuote(tx: Executor, values: typeof quotes.$inferInsert): Promise<Quote> {
  const [row] = await tx.insert(quotes).values(values).returning();
  if (!row) throw new Error("insert returned no quote");
  return row;
}

export async function updateQuoteRow(
  tx: Executor,
  id: string,
  values: Partial<Pick<Quote, "speaker" | "speakerRole" | "text" | "position">>,
): Promise<Quote> {
  const [row] = await tx.update(quotes).set(values).where(eq(quotes.id, id)).returning();
  if (!row) throw new Error(`quote ${id} vanished under its article's lock`);
  return row;
}

export const deleteQuoteRow = (tx: Executor, id: string) => tx.delete(quotes).where(eq(quotes.id, id));
