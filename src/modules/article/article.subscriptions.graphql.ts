// `articlePublished`: articles as they are published, by an editor or by the scheduler.
import { builder } from "../../graphql/builder.ts";
import { badUserInput } from "../../graphql/errors.ts";
import { tagBySlug } from "../tag/tag.loaders.ts";
import { ArticleRef } from "./article.graphql.ts";
import { findPublishedArticle } from "./article.repo.ts";

builder.subscriptionField("articlePublished", (t) =>
  t.field({
    type: ArticleRef,
    description:
      "Articles as they are published, by an editor or by the scheduler; with `tag`, only those with that tag.",
    args: { tag: t.arg.string({ description: "A tag's slug." }) },
    subscribe: async (_root, { tag }, ctx) => {
      if (tag && !(await ctx.loader(tagBySlug).load(tag)))
        throw badUserInput(`No tag has the slug ${tag}`, "tag");
      const db = ctx.db;
      return ctx.live.open(
        {
          channel: "articlePublished",
          listen: (listener) => ctx.pubsub.listen("articlePublished", listener),
          // Read when the event comes, once for every subscriber: it may be unpublished already.
          read: ({ articleId }: { articleId: string }) => findPublishedArticle(db, articleId),
        },
        ctx,
        (article) => !tag || article.tagSlugs.includes(tag),
      );
    },
    resolve: (article, _args, ctx) => {
      // This subscriber's fields read the article as it is now, not as an earlier event left it.
      ctx.forgetReads();
      return article;
    },
  }),
);
