// The order of an article's quotes and sources: positions 0..n-1 with no gaps and no repeats.
// Callers hold the article's row lock (lockEditableArticle), so no two changes of one article's
// order interleave.
import { and, eq, gte, lte, sql } from "drizzle-orm";
import type { Executor } from "./client.ts";
import type { quotes, sources } from "./schema.ts";

type Ordered = typeof quotes | typeof sources;

/** How many items the article has: an append goes at this position. */
export async function countPositions(tx: Executor, table: Ordered, articleId: string): Promise<number> {
  return tx.$count(table, eq(table.articleId, articleId));
}

/** Moves the items at positions from..to (to: the last one when absent) by `delta`. */
export async function shiftPositions(
  tx: Executor,
  table: Ordered,
  articleId: string,
  delta: 1 | -1,
  from: number,
  to?: number,
): Promise<void> {
  await tx
    .update(table as typeof quotes)
    .set({ position: sql`${table.position} + ${delta}` })
    .where(
      and(
        eq(table.articleId, articleId),
        gte(table.position, from),
        to === undefined ? undefined : lte(table.position, to),
      ),
    );
}
