// An article's history, for staff: its revisions (who changed what, and the article as it was) and
// the bin of deleted articles. The mutations that write them are in article.mutations.graphql.ts.
import { builder } from "../../graphql/builder.ts";
import { pageRequest, toConnection } from "../../graphql/pagination.ts";
import { AuthorRef } from "../author/author.graphql.ts";
import { authorById } from "../author/author.loaders.ts";
import { StaffRef } from "../staff/staff.graphql.ts";
import { TagRef } from "../tag/tag.graphql.ts";
import { tagById } from "../tag/tag.loaders.ts";
import { ArticleConnectionRef, ArticleRef, ArticleStatusEnum, LanguageEnum } from "./article.graphql.ts";
import { revisionById } from "./article.loaders.ts";
import {
  countDeletedArticles,
  countRevisions,
  deletedArticleCursor,
  listDeletedArticles,
  listRevisions,
  type Revision,
  revisionCursor,
} from "./article.writes.ts";

const present = <T>(rows: (T | null)[]): T[] => rows.filter((row): row is T => row !== null);

export const ArticleRevisionRef = builder.objectRef<Revision>("ArticleRevision");

builder.node(ArticleRevisionRef, {
  description:
    "A saved version of an article: who changed what, when, and the article as it was then. Staff only.",
  authScopes: { staff: true },
  id: { resolve: (revision) => revision.id },
  loadMany: (ids, ctx) =>
    Promise.all(ids.map((id) => (ctx.viewer ? ctx.loader(revisionById).load(id) : Promise.resolve(null)))),
  fields: (t) => ({
    version: t.exposeInt("version", { description: "The article's version this revision recorded." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    staff: t.field({
      type: StaffRef,
      nullable: true,
      description: "Who made the change; null for the scheduler and for content from before revisions.",
      resolve: (revision) => revision.staff,
    }),
    changedFields: t.exposeStringList("changedFields", {
      description:
        'The fields this version changed, such as "title" or "quotes"; every field for the first one.',
    }),
    slug: t.string({ resolve: (r) => r.snapshot.slug }),
    language: t.field({ type: LanguageEnum, resolve: (r) => r.snapshot.language }),
    title: t.string({ resolve: (r) => r.snapshot.title }),
    lede: t.string({ nullable: true, resolve: (r) => r.snapshot.lede }),
    body: t.string({ resolve: (r) => r.snapshot.body }),
    status: t.field({ type: ArticleStatusEnum, resolve: (r) => r.snapshot.status }),
    publishedAt: t.field({
      type: "DateTime",
      nullable: true,
      resolve: (r) => (r.snapshot.publishedAt ? new Date(r.snapshot.publishedAt) : null),
    }),
    commentsOpen: t.boolean({ resolve: (r) => r.snapshot.commentsOpen }),
    authors: t.field({
      type: [AuthorRef],
      description: "The byline then; an author deleted since is left out.",
      resolve: async (r, _args, ctx) =>
        present(await Promise.all(r.snapshot.authorIds.map((id) => ctx.loader(authorById).load(id)))),
    }),
    tags: t.field({
      type: [TagRef],
      description: "The tags then; a tag deleted since is left out.",
      resolve: async (r, _args, ctx) =>
        present(await Promise.all(r.snapshot.tagIds.map((id) => ctx.loader(tagById).load(id)))),
    }),
  }),
});

builder.queryFields((t) => ({
  articleRevisions: t.connection(
    {
      type: ArticleRevisionRef,
      authScopes: { staff: true },
      description: "An article's revisions, newest first. Staff only.",
      args: { articleId: t.arg.globalID({ required: true, for: ArticleRef }) },
      resolve: async (_root, args, ctx) => {
        const page = pageRequest(args, 1);
        const rows = await listRevisions(ctx.db, args.articleId.id, page);
        return toConnection(rows, page, revisionCursor, () => countRevisions(ctx.db, args.articleId.id));
      },
    },
    { name: "ArticleRevisionConnection" },
  ),
  deletedArticles: t.connection(
    {
      type: ArticleRef,
      authScopes: { staff: true },
      description:
        "The bin: deleted articles, most recently deleted first. Staff only; restoreArticle brings one back.",
      resolve: async (_root, args, ctx) => {
        const page = pageRequest(args, 2);
        const rows = await listDeletedArticles(ctx.db, page);
        return toConnection(rows, page, deletedArticleCursor, () => countDeletedArticles(ctx.db));
      },
    },
    ArticleConnectionRef,
  ),
}));
