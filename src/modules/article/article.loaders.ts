// Per-request loaders of articles. They return what exists; resolvers decide what the viewer may see.
import { type Context, canSeeUnpublished } from "../../graphql/context.ts";
import { rowByIdLoader, rowLoader } from "../../graphql/loaders.ts";
import { type Article, findArticlesByIds, findArticlesBySlugs } from "./article.repo.ts";

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
