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

/**
 * The list parts a page of articles can carry in its own statement: byline, tags and comment
 * count as JSON columns. `articles` asks for them when its query selects them, and primes the
 * parts loader with them, so that a front page costs the page and its comments: two statements.
 */
export type ListPartName = "authors" | "tags" | "commentCount";

export function listPartColumns(wanted: ReadonlySet<ListPartName>) {
  // Spelled out: in a one-table select drizzle leaves columns unqualified, and inside these
  // subqueries a bare "id" would be the subquery's own.
  const articleId = sql.raw(`"articles"."id"`);
  return {
    ...(wanted.has("authors") && {
      partAuthors: sql<unknown>`(select coalesce(json_agg(json_build_object(
          'id', a.id, 'slug', a.slug, 'name', a.name, 'bio', a.bio, 'avatarUrl', a.avatar_url,
          'jobTitle', a.job_title, 'links', a.links, 'createdAt', a.created_at) order by aa.position), '[]'::json)
        from article_authors aa join authors a on a.id = aa.author_id where aa.article_id = ${articleId})`,
    }),
    ...(wanted.has("tags") && {
      partTags: sql<unknown>`(select coalesce(json_agg(json_build_object(
          'id', g.id, 'slug', g.slug, 'name', g.name, 'createdAt', g.created_at)), '[]'::json)
        from article_tags ag join tags g on g.id = ag.tag_id where ag.article_id = ${articleId})`,
    }),
    ...(wanted.has("commentCount") && { partCommentCount: visibleCommentCountSql(articleId) }),
  };
}

export interface ListParts {
  partAuthors?: unknown;
  partTags?: unknown;
  partCommentCount?: unknown;
}

const fromJson = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;
const withDate = <T extends { createdAt: unknown }>(row: T) => ({
  ...row,
  createdAt: new Date(row.createdAt as string),
});

/** Hands the parts that came with a page of articles to this request's parts loader. */
export function primeArticleParts(ctx: Context, rows: readonly ({ id: string } & ListParts)[]): void {
  const loader = ctx.loader(articlePartsLoader);
  for (const row of rows) {
    if (row.partAuthors !== undefined) {
      const authors = fromJson<AuthorRow[]>(row.partAuthors).map(withDate);
      loader.prime({ articleId: row.id, part: "authors" }, authors);
    }
    if (row.partTags !== undefined) {
      const tags = fromJson<TagRow[]>(row.partTags)
        .map(withDate)
        .sort((a, b) => a.name.localeCompare(b.name));
      loader.prime({ articleId: row.id, part: "tags" }, tags);
    }
    if (row.partCommentCount !== undefined) {
      loader.prime({ articleId: row.id, part: "commentCount" }, Number(row.partCommentCount));
    }
  }
}
