// Per-request loaders of articles. They return what exists; resolvers decide what the viewer may see.

import type DataLoader from "dataloader";
import type { ArticleStatus } from "../../db/schema.ts";
import { type Context, canSeeUnpublished } from "../../graphql/context.ts";
import { groupPageLoader, loadersByShape, rowByIdLoader, rowLoader } from "../../graphql/loaders.ts";
import { type Connection, type PageRequest, pageRequestKey, toConnection } from "../../graphql/pagination.ts";
import { partColumns, primeArticleParts, type WantedParts, wantedPartsKey } from "./article.parts.ts";
import {
  type Article,
  articleCursor,
  countArticlesInGroup,
  findArticlesByIds,
  findArticlesBySlugs,
  type GroupedArticle,
  type ListedArticle,
  listArticlesPerGroup,
} from "./article.repo.ts";
import { findRevisionsByIds } from "./article.writes.ts";

export const articleById = (ctx: Context) => rowByIdLoader((ids) => findArticlesByIds(ctx.db, ids));

/** Articles by slug, each carrying the parts the query selects of it (primed into their loaders). */
export const articleBySlug = (ctx: Context) =>
  loadersByShape(wantedPartsKey, (wanted: WantedParts) =>
    rowLoader(
      async (slugs: readonly string[]) => {
        const rows = await findArticlesBySlugs(ctx.db, slugs, partColumns(wanted));
        primeArticleParts(ctx, rows, wanted);
        return rows;
      },
      (article) => article.slug,
    ),
  );

export const isVisible = (ctx: Context, article: Article | null): article is Article =>
  article !== null && (article.status === "published" || canSeeUnpublished(ctx));

export async function loadVisibleArticle(ctx: Context, id: string): Promise<Article | null> {
  const article = await ctx.loader(articleById).load(id);
  return isVisible(ctx, article) ? article : null;
}

/**
 * The `articles` lists of many authors or tags (a list of authors, each with its articles) in
 * one statement per page shape, instead of one per author or tag.
 */
export const articlePagesByGroup = (ctx: Context) =>
  loadersByShape(
    (shape: GroupPageShape) =>
      JSON.stringify([shape.by, shape.statuses, pageRequestKey(shape.page), wantedPartsKey(shape.wanted)]),
    ({ by, statuses, page, wanted }: GroupPageShape): DataLoader<string, Connection<ListedArticle>> =>
      groupPageLoader(
        async (groupIds: readonly string[]) => {
          const rows = await listArticlesPerGroup(
            ctx.db,
            by,
            groupIds,
            statuses,
            page,
            partColumns(wanted),
            wanted.body,
          );
          primeArticleParts(ctx, rows, wanted);
          return rows;
        },
        (row: GroupedArticle) => row.groupId,
        (groupId, rows) => {
          const total =
            rows[0]?.totalCount ??
            (page.after || page.before ? () => countArticlesInGroup(ctx.db, by, groupId, statuses) : 0);
          return toConnection<ListedArticle>(rows, page, articleCursor, total);
        },
      ),
  );

interface GroupPageShape {
  by: "author" | "tag";
  statuses: readonly ArticleStatus[];
  page: PageRequest;
  wanted: WantedParts;
}

/** Revisions by id (staff only: the ArticleRevision node checks who asks). */
export const revisionById = (ctx: Context) => rowByIdLoader((ids) => findRevisionsByIds(ctx.db, ids));
