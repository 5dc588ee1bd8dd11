// Writing articles through the API: the staff mutations (content, revisions restored, publication,
// the bin) and preview tokens. The rules live in article.service.ts; the reads of revisions and of
// the bin are in article.history.graphql.ts, `articlePublished` in article.subscriptions.graphql.ts.
import { builder } from "../../graphql/builder.ts";
import { servicesOf } from "../../graphql/context.ts";
import { ConflictError, NotFoundError, ValidationError } from "../errors.ts";
import { ImageRef } from "../media/media.graphql.ts";
import { LIMITS } from "./article.fields.ts";
import { ArticleRef, LanguageEnum } from "./article.graphql.ts";
import { ArticleRevisionRef } from "./article.history.graphql.ts";
import type { Article } from "./article.repo.ts";
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

export const ArticleMutationSuccessRef = builder.objectRef<Article>("ArticleMutationSuccess").implement({
  description: "The article as the mutation left it.",
  fields: (t) => ({ article: t.field({ type: ArticleRef, resolve: (article) => article }) }),
});

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
