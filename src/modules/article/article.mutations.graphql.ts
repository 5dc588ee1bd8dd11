// Writing articles through the API: the staff mutations, revisions, the bin of deleted articles,
// preview tokens, and the `articlePublished` subscription. The rules live in article.service.ts.
import { builder } from "../../graphql/builder.ts";
import { type Context, servicesOf } from "../../graphql/context.ts";
import { badUserInput } from "../../graphql/errors.ts";
import { rowByIdLoader } from "../../graphql/loaders.ts";
import { pageRequest, toConnection } from "../../graphql/pagination.ts";
import { AuthorRef } from "../author/author.graphql.ts";
import { authorById } from "../author/author.loaders.ts";
import { ConflictError, NotFoundError, ValidationError } from "../errors.ts";
import { ImageRef } from "../media/media.graphql.ts";
import { StaffRef } from "../staff/staff.graphql.ts";
import { TagRef } from "../tag/tag.graphql.ts";
import { tagById, tagBySlug } from "../tag/tag.loaders.ts";
import { LIMITS } from "./article.fields.ts";
import { ArticleConnectionRef, ArticleRef, ArticleStatusEnum, LanguageEnum } from "./article.graphql.ts";
import { type Article, findPublishedArticle } from "./article.repo.ts";
import {
  type ArticleServices,
  createArticle,
  deleteArticle,
  issuePreviewToken,
  publishArticle,
  restoreArticle,
  restoreArticleRevision,
  scheduleArticle,
  unpublishArticle,
  updateArticle,
} from "./article.service.ts";
import {
  countDeletedArticles,
  countRevisions,
  deletedArticleCursor,
  findRevisionsByIds,
  listDeletedArticles,
  listRevisions,
  type Revision,
  revisionCursor,
} from "./article.writes.ts";

export const ArticleMutationSuccessRef = builder.objectRef<Article>("ArticleMutationSuccess").implement({
  description: "The article as the mutation left it.",
  fields: (t) => ({ article: t.field({ type: ArticleRef, resolve: (article) => article }) }),
});

// ---- Revisions ---------------------------------------------------------------------------------

const present = <T>(rows: (T | null)[]): T[] => rows.filter((row): row is T => row !== null);

const revisionById = (ctx: Context) => rowByIdLoader((ids) => findRevisionsByIds(ctx.db, ids));

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

// ---- Content -----------------------------------------------------------------------------------

const CreateArticleInput = builder.inputType("CreateArticleInput", {
  fields: (t) => ({
    title: t.string({
      required: true,
      description: `1 to ${LIMITS.title} characters; the slug is made from it.`,
    }),
    language: t.field({ type: LanguageEnum, required: true }),
    lede: t.string({ description: `At most ${LIMITS.lede} characters.` }),
    body: t.string({ description: `Markdown, at most ${LIMITS.body} characters.` }),
    authorSlugs: t.stringList({
      description:
        "The byline, primary author first. Defaults to your own author; an author's must include it.",
    }),
    tagSlugs: t.stringList(),
    commentsOpen: t.boolean({ description: "Defaults to true." }),
    coverImageId: t.globalID({ for: ImageRef, description: "The image shown above the title." }),
  }),
});

builder.mutationField("createArticle", (t) =>
  t.field({
    type: ArticleMutationSuccessRef,
    authScopes: { staff: true },
    description: "Creates a draft. Editors, admins, and authors who have a byline.",
    args: { input: t.arg({ type: CreateArticleInput, required: true }) },
    errors: { types: [ValidationError] },
    resolve: (_root, { input }, ctx) =>
      createArticle(servicesOf(ctx), { ...input, coverImageId: input.coverImageId?.id }),
  }),
);

const UpdateArticleInput = builder.inputType("UpdateArticleInput", {
  fields: (t) => ({
    articleId: t.globalID({ required: true, for: ArticleRef }),
    expectedVersion: t.int({
      required: true,
      description: "The `version` you read: if the article has changed since, the answer is a Conflict.",
    }),
    title: t.string({ description: "A draft's slug follows its title; a published article keeps its slug." }),
    lede: t.string({ description: "null removes it." }),
    body: t.string(),
    language: t.field({ type: LanguageEnum }),
    authorSlugs: t.stringList({ description: "The whole byline, primary author first." }),
    tagSlugs: t.stringList({ description: "The whole set of tags." }),
    commentsOpen: t.boolean(),
    coverImageId: t.globalID({ for: ImageRef, description: "null removes the cover." }),
  }),
});

builder.mutationField("updateArticle", (t) =>
  t.field({
    type: ArticleMutationSuccessRef,
    authScopes: { staff: true },
    description:
      "Changes the fields given, as a new version with a revision. Authors edit only their own drafts.",
    args: { input: t.arg({ type: UpdateArticleInput, required: true }) },
    errors: {
      types: [ValidationError, NotFoundError, ConflictError],
    },
    resolve: (_root, { input }, ctx) =>
      updateArticle(servicesOf(ctx), {
        ...input,
        articleId: input.articleId.id,
        coverImageId: input.coverImageId === null ? null : input.coverImageId?.id,
      }),
  }),
);

const RestoreArticleRevisionInput = builder.inputType("RestoreArticleRevisionInput", {
  fields: (t) => ({
    articleId: t.globalID({ required: true, for: ArticleRef }),
    revisionId: t.globalID({ required: true, for: ArticleRevisionRef }),
    expectedVersion: t.int({ required: true }),
  }),
});

builder.mutationField("restoreArticleRevision", (t) =>
  t.field({
    type: ArticleMutationSuccessRef,
    authScopes: { staff: true },
    description:
      "Writes a revision's content (title, lede, body, language, comments, byline, tags) back as a new version.",
    args: { input: t.arg({ type: RestoreArticleRevisionInput, required: true }) },
    errors: {
      types: [ValidationError, NotFoundError, ConflictError],
    },
    resolve: (_root, { input }, ctx) =>
      restoreArticleRevision(servicesOf(ctx), {
        articleId: input.articleId.id,
        revisionId: input.revisionId.id,
        expectedVersion: input.expectedVersion,
      }),
  }),
);

// ---- Publication and the bin (editors) ---------------------------------------------------------

/** A mutation that takes only an article's id: publish, unpublish, delete, restore. */
function articleStateMutation(
  name: string,
  description: string,
  run: (services: ArticleServices, articleId: string) => Promise<Article>,
  errorTypes: (typeof ValidationError | typeof NotFoundError)[] = [NotFoundError],
) {
  const input = builder.inputType(`${name[0]?.toUpperCase()}${name.slice(1)}Input`, {
    fields: (t) => ({ articleId: t.globalID({ required: true, for: ArticleRef }) }),
  });
  builder.mutationField(name, (t) =>
    t.field({
      type: ArticleMutationSuccessRef,
      authScopes: { editor: true },
      description,
      args: { input: t.arg({ type: input, required: true }) },
      errors: { types: errorTypes },
      resolve: (_root, args, ctx) => run(servicesOf(ctx), args.input.articleId.id),
    }),
  );
}

articleStateMutation(
  "publishArticle",
  "Publishes now (editors). A withdrawn article keeps its first publication date. Announced on articlePublished. Refused (ValidationError) while its cover or an inline image has no alt text and is not decorative.",
  publishArticle,
  [ValidationError, NotFoundError],
);
articleStateMutation(
  "unpublishArticle",
  "Takes a published article down (it becomes ARCHIVED, its slug kept) or cancels a schedule (back to DRAFT). Editors.",
  unpublishArticle,
);
articleStateMutation(
  "deleteArticle",
  "Moves an article to the bin: gone from every read, listed in deletedArticles, restorable. Editors.",
  deleteArticle,
);
articleStateMutation(
  "restoreArticle",
  "Brings a deleted article back from the bin as it was. Editors.",
  restoreArticle,
);

const ScheduleArticleInput = builder.inputType("ScheduleArticleInput", {
  fields: (t) => ({
    articleId: t.globalID({ required: true, for: ArticleRef }),
    at: t.field({ type: "DateTime", required: true, description: "When to publish; in the future." }),
  }),
});

builder.mutationField("scheduleArticle", (t) =>
  t.field({
    type: ArticleMutationSuccessRef,
    authScopes: { editor: true },
    description:
      "Schedules a draft (or moves a schedule): the scheduler publishes it at `at`, once, whatever restarts or processes. Editors.",
    args: { input: t.arg({ type: ScheduleArticleInput, required: true }) },
    errors: {
      types: [ValidationError, NotFoundError],
    },
    resolve: (_root, { input }, ctx) => scheduleArticle(servicesOf(ctx), input.articleId.id, input.at),
  }),
);

// ---- Preview -----------------------------------------------------------------------------------

const PreviewTokenRef = builder
  .objectRef<{ token: string; expiresAt: Date; article: Article }>("PreviewToken")
  .implement({
    description: "Pass `token` as article(slug, previewToken) to read this article without signing in.",
    fields: (t) => ({
      token: t.exposeString("token"),
      expiresAt: t.expose("expiresAt", { type: "DateTime" }),
      article: t.field({ type: ArticleRef, resolve: (preview) => preview.article }),
    }),
  });

const CreatePreviewTokenInput = builder.inputType("CreatePreviewTokenInput", {
  fields: (t) => ({
    articleId: t.globalID({ required: true, for: ArticleRef }),
    expiresInMinutes: t.int({ description: "Defaults to 60; at most 1440 (a day)." }),
  }),
});

builder.mutationField("createPreviewToken", (t) =>
  t.field({
    type: PreviewTokenRef,
    authScopes: { staff: true },
    description:
      "A signed, short-lived token to show an unpublished article to someone without a staff login.",
    args: { input: t.arg({ type: CreatePreviewTokenInput, required: true }) },
    errors: {
      types: [ValidationError, NotFoundError],
    },
    resolve: (_root, { input }, ctx) =>
      issuePreviewToken(servicesOf(ctx), input.articleId.id, input.expiresInMinutes),
  }),
);

// ---- Subscription ------------------------------------------------------------------------------

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
