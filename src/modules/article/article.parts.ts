// The parts of an article that a page shows around it: byline, tags, quotes, sources and the
// comment count. Whatever parts the resolvers of one tick ask for, for however many articles,
// come back from a single SQL statement (a drizzle relational query, JSON-aggregated in
// PostgreSQL). This is what keeps a front page and an article page at a constant statement count.
import DataLoader from "dataloader";
import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { authors, quotes, sources, tags } from "../../db/schema.ts";
import type { Context } from "../../graphql/context.ts";

export type AuthorRow = typeof authors.$inferSelect;
export type TagRow = typeof tags.$inferSelect;
export type QuoteRow = typeof quotes.$inferSelect;
export type SourceRow = typeof sources.$inferSelect;

export interface ArticleParts {
  authors: AuthorRow[];
  tags: TagRow[];
  quotes: QuoteRow[];
  sources: SourceRow[];
  commentCount: number;
}
export type ArticlePartName = keyof ArticleParts;

/**
 * The public comment count: approved comments at every depth whose whole thread above them is
 * approved too, which is exactly what the comment lists can reach.
 */
export const visibleCommentCountSql = (articleId: unknown) => sql<number>`(
  select count(*)::int from comments c
  where c.article_id = ${articleId} and c.status = 'approved'
    and not exists (select 1 from comments p where p.id = any(c.ancestor_ids) and p.status <> 'approved'))`;

export async function findArticleParts(
  db: Executor,
  articleIds: readonly string[],
  wanted: ReadonlySet<ArticlePartName>,
): Promise<Map<string, Partial<ArticleParts>>> {
  const rows = await db.query.articles.findMany({
    where: { id: { in: [...articleIds] } },
    columns: { id: true },
    with: {
      ...(wanted.has("authors") && { bylines: { orderBy: { position: "asc" }, with: { author: true } } }),
      ...(wanted.has("tags") && { tagLinks: { with: { tag: true } } }),
      ...(wanted.has("quotes") && { quotes: { orderBy: { position: "asc" } } }),
      ...(wanted.has("sources") && { sources: { orderBy: { position: "asc" } } }),
    },
    extras: wanted.has("commentCount") ? { commentCount: (t) => visibleCommentCountSql(t.id) } : {},
  });
  const parts = new Map<string, Partial<ArticleParts>>();
  for (const row of rows as unknown as RawPartsRow[]) {
    parts.set(row.id, {
      authors: row.bylines?.map((byline) => byline.author),
      tags: row.tagLinks?.map((link) => link.tag).sort((a, b) => a.name.localeCompare(b.name)),
      quotes: row.quotes,
      sources: row.sources,
      commentCount: row.commentCount === undefined ? undefined : Number(row.commentCount),
    });
  }
  return parts;
}

interface RawPartsRow {
  id: string;
  bylines?: { author: AuthorRow }[];
  tagLinks?: { tag: TagRow }[];
  quotes?: QuoteRow[];
  sources?: SourceRow[];
  commentCount?: number | string;
}

interface PartKey {
  articleId: string;
  part: ArticlePartName;
}

/** One loader for every part: a tick's keys become one statement that fetches just those parts. */
export const articlePartsLoader = (ctx: Context) =>
  new DataLoader<PartKey, unknown, string>(
    async (keys) => {
      const ids = [...new Set(keys.map((key) => key.articleId))];
      const wanted = new Set(keys.map((key) => key.part));
      const parts = await findArticleParts(ctx.db, ids, wanted);
      return keys.map((key) => parts.get(key.articleId)?.[key.part] ?? emptyPart(key.part));
    },
    { cacheKeyFn: (key) => `${key.articleId}:${key.part}` },
  );

const emptyPart = (part: ArticlePartName) => (part === "commentCount" ? 0 : []);

export function loadArticlePart<P extends ArticlePartName>(
  ctx: Context,
  articleId: string,
  part: P,
): Promise<ArticleParts[P]> {
  return ctx.loader(articlePartsLoader).load({ articleId, part }) as Promise<ArticleParts[P]>;
}
