// The Tag type and the `tag` and `tags` queries.
import { builder } from "../../graphql/builder.ts";
import { ArticleConnectionRef, ArticleRef, loadGroupArticles } from "../article/article.graphql.ts";
import { tagById, tagBySlug } from "./tag.loaders.ts";
import { listAllTags, type Tag } from "./tag.repo.ts";

/** What the Tag type reads of a tag (an article's tags come without their creation time). */
export const TagRef = builder.objectRef<Omit<Tag, "createdAt">>("Tag");

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
        resolve: (tag, args, ctx, info) => loadGroupArticles(ctx, "tag", tag.id, args, info),
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
