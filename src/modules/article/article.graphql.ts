// The Article type, its parts, and the `article` and `articles` queries.
import type { FieldNode, GraphQLResolveInfo } from "graphql";
import { builder } from "../../graphql/builder.ts";
import { type Context, canSeeUnpublished } from "../../graphql/context.ts";
import { clientError } from "../../graphql/errors.ts";
import { childFields, connectionSelection, selectsOnly } from "../../graphql/lookahead.ts";
import { type ConnectionArgs, pageRequest, toConnection } from "../../graphql/pagination.ts";
import { doNotCache } from "../../graphql/plugins/response-cache.ts";
import { AuthorRef } from "../author/author.graphql.ts";
import {
  CommentConnectionRef,
  CommentRef,
  commentTreeOf,
  resolveArticleComments,
} from "../comment/comment.graphql.ts";
import { withMediaBase } from "../media/media.urls.ts";
import { QuoteRef } from "../quote/quote.graphql.ts";
import { SourceRef } from "../source/source.graphql.ts";
import { TagRef } from "../tag/tag.graphql.ts";
import {
  articleById,
  articleBySlug,
  articlePagesByGroup,
  isVisible,
  loadVisibleArticle,
} from "./article.loaders.ts";
import {
  type ArticlePartName,
  BYLINE_FIELDS,
  loadArticlePart,
  partColumns,
  primeArticleParts,
  type WantedParts,
} from "./article.parts.ts";
import { isValidPreviewToken } from "./article.preview.ts";
import {
  type Article,
  type ArticleListFilter,
  articleCursor,
  countArticles,
  type ListedArticle,
  listArticles,
  visibleStatuses,
} from "./article.repo.ts";

export const LanguageEnum = builder.enumType("Language", {
  values: { FR: { value: "fr" }, EN: { value: "en" } } as const,
});

export const ArticleStatusEnum = builder.enumType("ArticleStatus", {
  values: {
    DRAFT: { value: "draft" },
    SCHEDULED: { value: "scheduled" },
    PUBLISHED: { value: "published" },
    ARCHIVED: { value: "archived" },
  } as const,
});

export const ArticleOrderEnum = builder.enumType("ArticleOrder", {
  values: {
    PUBLISHED_AT_DESC: { value: "newest", description: "Newest first (the default)." },
    PUBLISHED_AT_ASC: { value: "oldest", description: "Oldest first." },
  } as const,
});

export const ArticleFilterInput = builder.inputType("ArticleFilter", {
  fields: (t) => ({
    author: t.string({ description: "An author's slug: articles they wrote or co-wrote." }),
    tag: t.string({ description: "A tag's slug." }),
    language: t.field({ type: LanguageEnum }),
    publishedAfter: t.field({ type: "DateTime", description: "Published at or after this instant." }),
    publishedBefore: t.field({ type: "DateTime", description: "Published strictly before this instant." }),
    status: t.field({
      type: [ArticleStatusEnum],
      description: "Staff only: the statuses to list. The public always gets published articles.",
    }),
  }),
});

export const ArticleRef = builder.objectRef<ListedArticle>("Article");

/** The body of an article that came from a list which did not read it (rare: lists read it when shown). */
async function bodyOf(ctx: Context, article: ListedArticle, column: "body" | "bodyHtml"): Promise<string> {
  const value = article[column] ?? (await ctx.loader(articleById).load(article.id))?.[column];
  if (value === undefined) throw new Error(`article ${article.id} has no ${column}`);
  return value;
}
export const ArticleConnectionRef = builder.connectionObject({ type: ArticleRef, name: "ArticleConnection" });

/** Whether an `author` or `authors` selection shows more of an author than a byline. */
const selectsBylineOnly = selectsOnly(BYLINE_FIELDS);
const wantsWholeAuthors = (info: GraphQLResolveInfo) => !selectsBylineOnly(info, info.fieldNodes);

builder.node(ArticleRef, {
  description: "A piece of journalism. The public sees it once it is published.",
  id: { resolve: (article) => article.id },
  loadMany: (ids, ctx) => Promise.all(ids.map((id) => loadVisibleArticle(ctx, id))),
  fields: (t) => ({
    slug: t.exposeString("slug"),
    language: t.field({ type: LanguageEnum, resolve: (a) => a.language }),
    title: t.exposeString("title"),
    lede: t.exposeString("lede", { nullable: true }),
    body: t.string({
      description: "The Markdown source.",
      resolve: (a, _args, ctx) => bodyOf(ctx, a, "body"),
    }),
    bodyHtml: t.string({
      description:
        "The body rendered to HTML and sanitised; its images are <figure><picture> with srcset, sizes, width and height.",
      resolve: async (a, _args, ctx) => {
        const html = await bodyOf(ctx, a, "bodyHtml");
        return ctx.media.cdn ? withMediaBase(html, ctx.media.publicBase) : html;
      },
    }),
    status: t.field({ type: ArticleStatusEnum, resolve: (a) => a.status }),
    publishedAt: t.expose("publishedAt", { type: "DateTime", nullable: true }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    readingTimeMinutes: t.exposeInt("readingTimeMinutes"),
    commentsOpen: t.exposeBoolean("commentsOpen"),
    version: t.exposeInt("version", {
      description: "Bumped by every change; pass it as updateArticle's expectedVersion.",
    }),
    author: t.field({
      type: AuthorRef,
      description: "The primary author.",
      resolve: async (a, _args, ctx, info) => {
        const [primary] = await loadArticlePart(ctx, a.id, "authors", wantsWholeAuthors(info));
        if (!primary) throw new Error(`article ${a.id} has no author`);
        return primary;
      },
    }),
    authors: t.field({
      type: [AuthorRef],
      description: "Every author, primary first.",
      resolve: (a, _args, ctx, info) => loadArticlePart(ctx, a.id, "authors", wantsWholeAuthors(info)),
    }),
    tags: t.field({ type: [TagRef], resolve: (a, _args, ctx) => loadArticlePart(ctx, a.id, "tags") }),
    quotes: t.field({
      type: [QuoteRef],
      description: "Pull quotes, in the order they appear.",
      resolve: (a, _args, ctx) => loadArticlePart(ctx, a.id, "quotes"),
    }),
    sources: t.field({
      type: [SourceRef],
      resolve: (a, _args, ctx) => loadArticlePart(ctx, a.id, "sources"),
    }),
    commentCount: t.int({
      description: "Approved comments at every depth: the number a page shows.",
      resolve: (a, _args, ctx) => loadArticlePart(ctx, a.id, "commentCount"),
    }),
    comments: t.connection(
      {
        type: CommentRef,
        description: "Approved top-level comments, oldest first; replies nest under each.",
        resolve: (a, args, ctx, info) => resolveArticleComments(ctx, a.id, args, info),
      },
      CommentConnectionRef,
    ),
  }),
});

builder.queryFields((t) => ({
  article: t.field({
    type: ArticleRef,
    nullable: true,
    args: {
      slug: t.arg.string({ required: true }),
      previewToken: t.arg.string({
        description: "From createPreviewToken: shows this unpublished article without a staff login.",
      }),
    },
    description: "An article by slug; null when it does not exist or the viewer may not see it.",
    resolve: async (_root, { slug, previewToken }, ctx, info) => {
      const wanted = wantedParts(info, childFields(info, info.fieldNodes));
      const article = await ctx.loader(articleBySlug)(wanted).load(slug);
      if (isVisible(ctx, article)) return article;
      // Not visible to this viewer: an unpublished article, readable with its preview token.
      const found = article as Article | null;
      if (!found || !previewToken || !isValidPreviewToken(ctx.secret, found.id, previewToken, ctx.now())) {
        return null;
      }
      // A draft: never in the shared cache, and the token's expiry holds.
      doNotCache(ctx);
      return found;
    },
  }),
  articles: t.connection(
    {
      type: ArticleRef,
      args: {
        filter: t.arg({ type: ArticleFilterInput }),
        orderBy: t.arg({ type: ArticleOrderEnum, defaultValue: "newest" }),
      },
      resolve: (_root, args, ctx, info) => {
        const seeUnpublished = canSeeUnpublished(ctx);
        const statuses = args.filter?.status?.length ? args.filter.status : ["published" as const];
        if (!seeUnpublished && statuses.some((status) => status !== "published")) {
          throw clientError("FORBIDDEN", "Only staff can list articles that are not published");
        }
        const filter: ArticleListFilter = {
          authorSlug: args.filter?.author,
          tagSlug: args.filter?.tag,
          language: args.filter?.language,
          publishedFrom: args.filter?.publishedAfter,
          publishedBefore: args.filter?.publishedBefore,
          statuses: statuses.filter((status) => visibleStatuses(seeUnpublished).includes(status)),
        };
        return listArticlesConnection(ctx, filter, args, info, args.orderBy !== "oldest");
      },
    },
    ArticleConnectionRef,
  ),
}));

/** The parts and comment tree that `fields` (selected on an article) will ask for. */
function wantedParts(info: GraphQLResolveInfo, fields: ReadonlyMap<string, FieldNode[]>): WantedParts {
  const parts = new Set<ArticlePartName>();
  const authorNodes = [...(fields.get("author") ?? []), ...(fields.get("authors") ?? [])];
  if (authorNodes.length > 0) parts.add("authors");
  for (const part of ["tags", "quotes", "sources", "commentCount"] as const) {
    if (fields.has(part)) parts.add(part);
  }
  return {
    body: fields.has("body") || fields.has("bodyHtml"),
    parts,
    wholeAuthors: authorNodes.length > 0 && !selectsBylineOnly(info, authorNodes),
    comments: commentTreeOf(info, fields.get("comments") ?? []),
  };
}

/** What the items of an articles list will be asked for: it comes with the page itself. */
const wantedListParts = (info: GraphQLResolveInfo) =>
  wantedParts(info, connectionSelection(info, info.fieldNodes).items);

/** An author's or a tag's articles: batched across every author or tag of the request. */
export function loadGroupArticles(
  ctx: Context,
  by: "author" | "tag",
  groupId: string,
  args: ConnectionArgs,
  info: GraphQLResolveInfo,
) {
  const page = pageRequest(args, 2);
  const statuses = visibleStatuses(canSeeUnpublished(ctx));
  return ctx
    .loader(articlePagesByGroup)({ by, statuses, page, wanted: wantedListParts(info) })
    .load(groupId);
}

/** The `articles` connection. */
export async function listArticlesConnection(
  ctx: Context,
  filter: ArticleListFilter,
  args: ConnectionArgs,
  info: GraphQLResolveInfo,
  newestFirst = true,
) {
  const page = pageRequest(args, 2);
  const wanted = wantedListParts(info);
  const rows = await listArticles(ctx.db, filter, page, newestFirst, partColumns(wanted), wanted.body);
  primeArticleParts(ctx, rows, wanted);
  const db = ctx.db;
  return toConnection<ListedArticle>(rows, page, articleCursor, () => countArticles(db, filter));
}
