// Per-request loaders of articles. They return what exists; resolvers decide what the viewer may see.

import DataLoader from "dataloader";
import type { ArticleStatus } from "../../db/schema.ts";
import { type Context, canSeeUnpublished } from "../../graphql/context.ts";
import { rowByIdLoader, rowLoader } from "../../graphql/loaders.ts";
import { type Connection, type PageRequest, pageRequestKey, toConnection } from "../../graphql/pagination.ts";
import { type ListPartName, listPartColumns, primeArticleParts } from "./article.parts.ts";
import {
  type Article,
  articleCursor,
  countArticlesInGroup,
  findArticlesByIds,
  findArticlesBySlugs,
  type GroupedArticle,
  listArticlesPerGroup,
} from "./article.repo.ts";

export const articleById = (ctx: Context) => rowByIdLoader((ids) => findArticlesByIds(ctx.db, ids));

export const articleBySlug = (ctx: Context) =>
  rowLoader(
    (slugs: readonly string[]) => findArticlesBySlugs(ctx.db, slugs),
    (article) => article.slug,
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
export const articlePagesByGroup = (ctx: Context) => {
  const loaders = new Map<string, DataLoader<string, Connection<Article>>>();
  return (
    by: "author" | "tag",
    statuses: readonly ArticleStatus[],
    page: PageRequest,
    wanted: ReadonlySet<ListPartName>,
  ) => {
    const key = JSON.stringify([by, statuses, pageRequestKey(page), [...wanted].sort()]);
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (groupIds) => {
        const rows = await listArticlesPerGroup(
          ctx.db,
          by,
          groupIds,
          statuses,
          page,
          listPartColumns(wanted),
        );
        primeArticleParts(ctx, rows);
        const byGroup = new Map<string, GroupedArticle[]>();
        for (const row of rows) byGroup.set(row.groupId, [...(byGroup.get(row.groupId) ?? []), row]);
        return groupIds.map((groupId) => {
          const list = byGroup.get(groupId) ?? [];
          const total =
            list[0]?.totalCount ??
            (page.after || page.before ? () => countArticlesInGroup(ctx.db, by, groupId, statuses) : 0);
          return toConnection<Article>(list, page, articleCursor, total);
        });
      });
      loaders.set(key, loader);
    }
    return loader;
  };
};
