// The Author type (a public byline) and the `author` and `authors` queries.
import { builder } from "../../graphql/builder.ts";
import { pageRequest, toConnection } from "../../graphql/pagination.ts";
import { ArticleConnectionRef, ArticleRef, loadGroupArticles } from "../article/article.graphql.ts";
import { authorById, authorBySlug } from "./author.loaders.ts";
import { type Author, authorCursor, countAuthors, listAuthors } from "./author.repo.ts";

export const SocialLinkRef = builder.objectRef<{ label: string; url: string }>("SocialLink").implement({
  fields: (t) => ({ label: t.exposeString("label"), url: t.expose("url", { type: "URL" }) }),
});

export const AuthorRef = builder.objectRef<Author>("Author");

builder.node(AuthorRef, {
  description: "A public byline. An author is not necessarily staff.",
  id: { resolve: (author) => author.id },
  loadMany: (ids, ctx) => Promise.all(ids.map((id) => ctx.loader(authorById).load(id))),
  fields: (t) => ({
    slug: t.exposeString("slug"),
    name: t.exposeString("name"),
    bio: t.exposeString("bio", { nullable: true }),
    avatarUrl: t.expose("avatarUrl", { type: "URL", nullable: true }),
    jobTitle: t.exposeString("jobTitle", { nullable: true }),
    links: t.field({ type: [SocialLinkRef], resolve: (author) => author.links }),
    articles: t.connection(
      {
        type: ArticleRef,
        description: "Articles this author wrote or co-wrote, newest first.",
        resolve: (author, args, ctx, info) => loadGroupArticles(ctx, "author", author.id, args, info),
      },
      ArticleConnectionRef,
    ),
  }),
});

builder.queryFields((t) => ({
  author: t.field({
    type: AuthorRef,
    nullable: true,
    args: { slug: t.arg.string({ required: true }) },
    resolve: (_root, { slug }, ctx) => ctx.loader(authorBySlug).load(slug),
  }),
  authors: t.connection(
    {
      type: AuthorRef,
      description: "Every author, in alphabetical order.",
      resolve: async (_root, args, ctx) => {
        const page = pageRequest(args, 2);
        const rows = await listAuthors(ctx.db, page);
        return toConnection(rows, page, authorCursor, () => countAuthors(ctx.db));
      },
    },
    { name: "AuthorConnection" },
  ),
}));
