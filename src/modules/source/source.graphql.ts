// A cited publication: the "(Source)" link under an article.
import { builder } from "../../graphql/builder.ts";
import { loadVisibleArticle } from "../article/article.loaders.ts";
import type { SourceRow } from "../article/article.parts.ts";
import { sourceById } from "./source.loaders.ts";

export const SourceRef = builder.objectRef<SourceRow>("Source");

builder.node(SourceRef, {
  description: "A publication an article cites, with its link.",
  id: { resolve: (source) => source.id },
  // A source is as visible as its article.
  loadMany: (ids, ctx) =>
    Promise.all(
      ids.map(async (id) => {
        const source = await ctx.loader(sourceById).load(id);
        return source && (await loadVisibleArticle(ctx, source.articleId)) ? source : null;
      }),
    ),
  fields: (t) => ({
    title: t.exposeString("title"),
    publisher: t.exposeString("publisher", { nullable: true }),
    url: t.expose("url", { type: "URL" }),
  }),
});
