// The Tag type and the `tag` and `tags` queries.
import { builder } from "../../graphql/builder.ts";
import { canSeeUnpublished } from "../../graphql/context.ts";
import { ArticleConnectionRef, ArticleRef, listArticlesConnection } from "../article/article.graphql.ts";
import { visibleStatuses } from "../article/article.repo.ts";
import { tagById, tagBySlug } from "./tag.loaders.ts";
import { listAllTags, type Tag } from "./tag.repo.ts";

export const TagRef = builder.objectRef<Tag>("Tag");

builder.node(TagRef, {
  description: "A subject. Newsletter topics are tags.",
  id: { resolve: (tag) => tag.id },
  loadMany: (ids, ctx) => Promise.all(ids.map((id) => ctx.loader(tagById).load(id))),
  fields: (t) => ({
    slug: t.exposeString("slug"),
    name: t.exposeString("name"),
    articles: t.connection(
      {
        type: ArticleRef,
        description: "Articles with this tag, newest first.",
        resolve: (tag, args, ctx, info) =>
          listArticlesConnection(
            ctx,
            { tagSlug: tag.slug, statuses: visibleStatuses(canSeeUnpublished(ctx)) },
            args,
            info,
          ),
      },
      ArticleConnectionRef,
    ),
  }),
});

builder.queryFields((t) => ({
  tag: t.field({
    type: TagRef,
    nullable: true,
    args: { slug: t.arg.string({ required: true }) },
    resolve: (_root, { slug }, ctx) => ctx.loader(tagBySlug).load(slug),
  }),
  tags: t.field({
    type: [TagRef],
    description: "Every tag, by name. A newsroom has tens of them, not thousands, so this is a plain list.",
    resolve: (_root, _args, ctx) => listAllTags(ctx.db),
  }),
}));
