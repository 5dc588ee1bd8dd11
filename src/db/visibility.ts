// What "public" means for an article, in SQL: every module that reads articles for readers (lists,
// quotes, search, the digest) uses this one condition.
import { and, getTableColumns, isNull, type SQL, sql } from "drizzle-orm";
import { type ArticleStatus, articleStatusEnum, articles } from "./schema.ts";

/**
 * `status in (...)` with the statuses written into the SQL, not sent as parameters: PostgreSQL can
 * then use the partial index `where status = 'published'` whatever plan it caches. The values
 * come from the enum's own list, never from the client.
 */
export function statusIn(statuses: readonly ArticleStatus[]): SQL {
  const known = statuses.filter((status) => articleStatusEnum.enumValues.includes(status));
  if (known.length === 0) return sql`false`;
  return sql`${articles.status} in (${sql.raw(known.map((status) => `'${status}'`).join(", "))})`;
}

/** Published and not deleted. */
export const isPublicArticle = and(statusIn(["published"]), isNull(articles.deletedAt)) as SQL;

/**
 * Every article column but the search vector, which only the search itself reads, and the comment
 * count, which pages read as a part (article.parts.ts): what any other read of articles selects.
 */
const {
  searchVector: _searchVector,
  visibleCommentCount: _visibleCommentCount,
  ...articleReadColumns
} = getTableColumns(articles);

export { articleReadColumns };
