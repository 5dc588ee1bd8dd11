// The parts of an article that a page shows around it: byline, tags, quotes, sources and the
// comment count. Whatever parts the resolvers of one tick ask for, for however many articles,
// come back from a single SQL statement (a drizzle relational query, JSON-aggregated in
// PostgreSQL). This is what keeps a front page and an article page at a constant statement count.
import DataLoader from "dataloader";
import { getTableColumns, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { fromJson, jsonRowReader, jsonRowSql } from "../../db/json-rows.ts";
import {
  authors as authorsTable,
  quotes as quotesTable,
  sources as sourcesTable,
  tags as tagsTable,
} from "../../db/schema.ts";
import type { Context } from "../../graphql/context.ts";
import { pageRequestKey } from "../../graphql/pagination.ts";
import { commentTreeColumn, primeCommentTree } from "../comment/comment.loaders.ts";
import type { CommentLevel, CommentPageJson } from "../comment/comment.repo.ts";
import type { ExtraColumns } from "./article.repo.ts";

export type AuthorRow = typeof authorsTable.$inferSelect;
/** A tag as an article's parts carry it: what the Tag type shows (no creation time). */
export type TagRow = Omit<typeof tagsTable.$inferSelect, "createdAt">;
export type QuoteRow = typeof quotesTable.$inferSelect;
export type SourceRow = typeof sourcesTable.$inferSelect;

export interface ArticleParts {
  authors: AuthorRow[];
  tags: TagRow[];
  quotes: QuoteRow[];
  sources: SourceRow[];
  commentCount: number;
}
export type ArticlePartName = keyof ArticleParts;

export async function findArticleParts(
  db: Executor,
  articleIds: readonly string[],
  wanted: ReadonlySet<ArticlePartName>,
): Promise<Map<string, Partial<ArticleParts>>> {
  const rows = await db.query.articles.findMany({
    where: { id: { in: [...articleIds] } },
    columns: { id: true, visibleCommentCount: wanted.has("commentCount") },
    with: {
      ...(wanted.has("authors") && { bylines: { orderBy: { position: "asc" }, with: { author: true } } }),
      ...(wanted.has("tags") && { tagLinks: { with: { tag: true } } }),
      ...(wanted.has("quotes") && { quotes: { orderBy: { position: "asc" } } }),
      ...(wanted.has("sources") && { sources: { orderBy: { position: "asc" } } }),
    },
  });
  const parts = new Map<string, Partial<ArticleParts>>();
  for (const row of rows as unknown as RawPartsRow[]) {
    parts.set(row.id, {
      authors: row.bylines?.map((byline) => byline.author),
      tags: row.tagLinks?.map((link) => link.tag).sort((a, b) => a.name.localeCompare(b.name)),
      quotes: row.quotes,
      sources: row.sources,
      commentCount: row.visibleCommentCount,
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
  visibleCommentCount?: number;
}

interface PartKey {
  articleId: string;
  part: ArticlePartName;
  /** Whole author rows, not just bylines (see `bylineColumns`). */
  whole?: boolean;
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
    { cacheKeyFn: (key) => `${key.articleId}:${key.part}${key.whole ? ":whole" : ""}` },
  );

const emptyPart = (part: ArticlePartName) => (part === "commentCount" ? 0 : []);

/**
 * A part of an article. `whole`: the authors' whole rows, for a selection that shows more of an
 * author than a byline; what a page statement primed may be bylines only.
 */
export function loadArticlePart<P extends ArticlePartName>(
  ctx: Context,
  articleId: string,
  part: P,
  whole = false,
): Promise<ArticleParts[P]> {
  return ctx.loader(articlePartsLoader).load({ articleId, part, whole }) as Promise<ArticleParts[P]>;
}

/**
 * What a statement that reads articles can carry for each of them, as JSON columns: the parts the
 * query selects (byline, tags, comment count, quotes, sources) and its comment tree. The articles
 * lists and `article(slug)` ask for them and prime the parts and comment loaders with them, so
 * that a front page or an article page costs one statement.
 */
export interface WantedParts {
  /** Whether the body (Markdown and HTML) is shown: lists leave it out otherwise. */
  body: boolean;
  parts: ReadonlySet<ArticlePartName>;
  /** Whether authors come whole, or as bylines only (`bylineColumns`). */
  wholeAuthors: boolean;
  /** The comment tree's levels, top-level comments first; empty for none. */
  comments: readonly CommentLevel[];
}

/** A stable string for `wanted`, so that loaders batch only reads that carry the same columns. */
export const wantedPartsKey = (wanted: WantedParts) =>
  JSON.stringify([
    [...wanted.parts].sort(),
    wanted.wholeAuthors,
    wanted.comments.map((level) => [pageRequestKey(level.page), level.total, level.replyCount, level.whole]),
  ]);

// Spelled out: in a one-table select drizzle leaves columns unqualified, and inside these
// subqueries a bare "id" would be the subquery's own.
const articleId = sql.raw(`"articles"."id"`);

const authorColumns = getTableColumns(authorsTable);
/**
 * What a byline shows of an author (a front page's "by …"): a page statement carries only these
 * unless its query selects more of an author. JSON for whole authors (bio, links, avatar) was most
 * of a front page's bytes, parsed in PostgreSQL and Node on every request.
 */
const bylineColumns = { id: authorsTable.id, slug: authorsTable.slug, name: authorsTable.name };
/** The Author fields that `bylineColumns` serve (`articles` needs only the id). */
export const BYLINE_FIELDS: ReadonlySet<string> = new Set(["__typename", "id", "slug", "name", "articles"]);
const { createdAt: _tagCreatedAt, ...tagColumns } = getTableColumns(tagsTable);
const quoteColumns = getTableColumns(quotesTable);
const sourceColumns = getTableColumns(sourcesTable);

const authorsSql = (columns: typeof bylineColumns | typeof authorColumns) =>
  sql`(select coalesce(json_agg(${jsonRowSql(columns, "a")} order by aa.position), '[]'::json)
    from article_authors aa join authors a on a.id = aa.author_id where aa.article_id = ${articleId})`;
const wholeAuthorsSql = authorsSql(authorColumns);

const partSql: Record<ArticlePartName, SQL> = {
  authors: authorsSql(bylineColumns),
  tags: sql`(select coalesce(json_agg(${jsonRowSql(tagColumns, "g")}), '[]'::json)
    from article_tags ag join tags g on g.id = ag.tag_id where ag.article_id = ${articleId})`,
  quotes: sql`(select coalesce(json_agg(${jsonRowSql(quoteColumns, "q")} order by q.position), '[]'::json)
    from quotes q where q.article_id = ${articleId})`,
  sources: sql`(select coalesce(json_agg(${jsonRowSql(sourceColumns, "s")} order by s.position), '[]'::json)
    from sources s where s.article_id = ${articleId})`,
  // Kept by triggers on comments (articles.visible_comment_count): read, never counted.
  commentCount: sql.raw(`"articles"."visible_comment_count"`),
};

/**
 * Built columns by `wantedPartsKey`: a page asks for the same parts request after request, and
 * building a comment tree's SQL was ~3% of an article page's CPU. Pages past a cursor are built
 * each time (a cursor is any client's string), and the cache starts over when full.
 */
const builtPartColumns = new Map<string, Record<string, SQL>>();
const MAX_BUILT_PART_COLUMNS = 500;

/**
 * The extra columns of an articles statement that carry `wanted`, keyed by their shape (the key
 * is null for a comment page past a cursor: its SQL carries the cursor's values).
 */
export function partColumns(wanted: WantedParts): ExtraColumns {
  const pastCursor = wanted.comments.some((level) => level.page.after || level.page.before);
  if (pastCursor) return { columns: buildPartColumns(wanted), key: null };
  const key = wantedPartsKey(wanted);
  let columns = builtPartColumns.get(key);
  if (!columns) {
    if (builtPartColumns.size >= MAX_BUILT_PART_COLUMNS) builtPartColumns.clear();
    columns = buildPartColumns(wanted);
    builtPartColumns.set(key, columns);
  }
  return { columns, key };
}

function buildPartColumns(wanted: WantedParts): Record<string, SQL> {
  const columns: Record<string, SQL> = {};
  for (const part of wanted.parts) {
    columns[`part_${part}`] = part === "authors" && wanted.wholeAuthors ? wholeAuthorsSql : partSql[part];
  }
  if (wanted.comments.length > 0) columns.part_comments = commentTreeColumn(articleId, wanted.comments);
  return columns;
}

// Bylines read as whole rows: a resolver that needs more than a byline asks for `whole` rows.
const readAuthor = jsonRowReader<AuthorRow>(authorColumns);
const readTag = jsonRowReader<TagRow>(tagColumns);
const readQuote = jsonRowReader<QuoteRow>(quoteColumns);
const readSource = jsonRowReader<SourceRow>(sourceColumns);

const readPart: { [P in ArticlePartName]: (value: unknown) => ArticleParts[P] } = {
  authors: (value) => fromJson<Record<string, unknown>[]>(value).map(readAuthor),
  tags: (value) =>
    fromJson<Record<string, unknown>[]>(value)
      .map(readTag)
      .sort((a, b) => a.name.localeCompare(b.name)),
  quotes: (value) => fromJson<Record<string, unknown>[]>(value).map(readQuote),
  sources: (value) => fromJson<Record<string, unknown>[]>(value).map(readSource),
  commentCount: (value) => Number(value),
};

/** Hands what came with a statement's articles (`partColumns`) to this request's loaders. */
export function primeArticleParts(
  ctx: Context,
  rows: readonly ({ id: string } & Record<string, unknown>)[],
  wanted: WantedParts,
): void {
  const loader = ctx.loader(articlePartsLoader);
  for (const row of rows) {
    for (const part of wanted.parts) {
      const value = readPart[part](row[`part_${part}`]);
      loader.prime({ articleId: row.id, part }, value);
      if (part === "authors" && wanted.wholeAuthors)
        loader.prime({ articleId: row.id, part, whole: true }, value);
    }
    if (wanted.comments.length > 0) {
      primeCommentTree(ctx, row.id, fromJson<CommentPageJson>(row.part_comments), wanted.comments);
    }
  }
}
