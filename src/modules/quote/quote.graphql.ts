// The Quote type and `quotes(speaker)`: every quote of a speaker, across articles.
import { builder } from "../../graphql/builder.ts";
import { pageRequest, toConnection } from "../../graphql/pagination.ts";
import { ArticleRef } from "../article/article.graphql.ts";
import { loadVisibleArticle } from "../article/article.loaders.ts";
import { quoteById } from "./quote.loaders.ts";
import { countQuotes, listQuotes, type Quote, quoteCursor } from "./quote.repo.ts";

export const QuoteRef = builder.objectRef<Quote>("Quote");

builder.node(QuoteRef, {
  description: "Words said by a named speaker, shown inside an article.",
  id: { resolve: (quote) => quote.id },
  // A quote is as visible as its article.
  loadMany: (ids, ctx) =>
    Promise.all(
      ids.map(async (id) => {
        const quote = await ctx.loader(quoteById).load(id);
        return quote && (await loadVisibleArticle(ctx, quote.articleId)) ? quote : null;
      }),
    ),
  fields: (t) => ({
    text: t.exposeString("text"),
    speaker: t.exposeString("speaker"),
    speakerRole: t.exposeString("speakerRole", {
      nullable: true,
      description: 'Such as "VP international de Xiaomi".',
    }),
    article: t.field({
      type: ArticleRef,
      resolve: async (quote, _args, ctx) => {
        const article = await loadVisibleArticle(ctx, quote.articleId);
        if (!article) throw new Error(`quote ${quote.id} belongs to an article the viewer cannot see`);
        return article;
      },
    }),
  }),
});

builder.queryField("quotes", (t) =>
  t.connection(
    {
      type: QuoteRef,
      args: {
        speaker: t.arg.string({
          description: "A speaker's name, in any letter case, with or without accents.",
        }),
      },
      description:
        "Quotes across published articles, newest first; with `speaker`, every quote of that speaker.",
      resolve: async (_root, args, ctx) => {
        const page = pageRequest(args, 2);
        const rows = await listQuotes(ctx.db, args.speaker, page);
        return toConnection(rows, page, quoteCursor, () => countQuotes(ctx.db, args.speaker));
      },
    },
    { name: "QuoteConnection" },
  ),
);
