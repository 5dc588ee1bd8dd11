// The commands on articles: create, update, restore a revision, publish (by an editor or by the
// scheduler), schedule, unpublish, delete, restore, preview. Each runs in one transaction, so a
// refusal or a failure at any step writes nothing. Who may do what is staff.roles.ts; how a change
// becomes a version is article.versions.ts; what input must be is article.fields.ts.
//
// Publication states: draft → (scheduled →) published → archived (unpublished). Draft and
// scheduled articles were never public, so their slug follows their title; once published, the
// slug never changes again, and unpublishing archives the article rather than making it a draft.
import type { Database, Executor } from "../../db/client.ts";
import type { Language } from "../../db/schema.ts";
import type { CacheInvalidation } from "../../infra/cache-invalidation.ts";
import type { LedePubSub } from "../../infra/pubsub.ts";
import { AccessDeniedError, type FieldIssue, NotFoundError, ValidationError } from "../errors.ts";
import { articlesShowingImage, recordArticleImages } from "../media/media.service.ts";
import { isEditor, reachesArticle, requireEditor, requireStaff } from "../staff/staff.roles.ts";
import {
  type ArticleFieldsInput,
  type CleanFields,
  checkCoverImage,
  checkImagesDescribed,
  checkOwnByline,
  cleanFields,
  existingAuthorAndTagIds,
  renderedBody,
  resolveSlugs,
} from "./article.fields.ts";
import { createPreviewToken, DEFAULT_PREVIEW_MINUTES, MAX_PREVIEW_MINUTES } from "./article.preview.ts";
import { type Article, findArticlesByIds } from "./article.repo.ts";
import { allocateArticleSlug, isSlugOf, slugify } from "./article.slug.ts";
import {
  type ArticleServices,
  articleWritten,
  changedFields,
  conflict,
  type LockedArticle,
  lockArticle,
  lockEditableArticle,
  writeNextVersion,
} from "./article.versions.ts";
import {
  type ArticlePatch,
  findArticleForWrite,
  findRevisionsByIds,
  insertArticle,
  insertRevisions,
  replaceBylines,
  replaceTags,
  setBodyHtml,
  snapshotOf,
  toSnapshot,
} from "./article.writes.ts";

export type { ArticleServices } from "./article.versions.ts";

/** Only editors and admins change an article's state. */
const requireArticleEditor = (services: ArticleServices) => requireEditor(requireStaff(services.actor));

// ---- Content -----------------------------------------------------------------------------------

export interface CreateArticleInput extends ArticleFieldsInput {
  title: string;
  language: Language;
}

export async function createArticle(services: ArticleServices, input: CreateArticleInput): Promise<Article> {
  const actor = requireStaff(services.actor);
  if (!isEditor(actor) && !actor.authorId) {
    throw new AccessDeniedError(
      "forbidden",
      "Your staff account has no byline; an editor can link it to an author (token create --author SLUG)",
    );
  }
  const issues: FieldIssue[] = [];
  const fields = cleanFields(input, issues);
  if (issues.length) throw new ValidationError(issues);

  return services.db.transaction(async (tx) => {
    const refs = await resolveSlugs(tx, fields, issues);
    const authorIds = refs.authorIds ?? (actor.authorId ? [actor.authorId] : []);
    if (!fields.authorSlugs && !authorIds.length) {
      issues.push({ field: "input.authorSlugs", message: "An article needs at least one author" });
    }
    checkOwnByline(actor, authorIds, issues, "input.authorSlugs");
    await checkCoverImage(tx, fields, issues);
    const body = await renderedBody(tx, fields.body ?? "", issues);
    if (issues.length) throw new ValidationError(issues);

    const title = fields.title as string;
    const now = services.now();
    const article = await insertArticle(tx, {
      slug: await allocateArticleSlug(tx, slugify(title)),
      language: fields.language as Language,
      title,
      lede: fields.lede ?? null,
      ...body.columns,
      coverImageId: fields.coverImageId ?? null,
      status: "draft",
      commentsOpen: fields.commentsOpen ?? true,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    const tagIds = refs.tagIds ?? [];
    await replaceBylines(tx, article.id, authorIds);
    await replaceTags(tx, article.id, tagIds);
    await recordArticleImages(tx, article.id, body.imageIds);
    const snapshot = toSnapshot(article, authorIds, tagIds);
    await insertRevisions(tx, [
      {
        articleId: article.id,
        version: article.version,
        staffId: actor.id,
        changedFields: changedFields(null, snapshot),
        snapshot,
        createdAt: now,
      },
    ]);
    return article;
  });
}

/**
 * Applies content fields to an article the actor may edit, as its next version. A draft's (or a
 * scheduled article's) slug follows its title; a published or archived one keeps its slug.
 */
async function applyContent(
  tx: Executor,
  services: ArticleServices,
  locked: LockedArticle,
  fields: CleanFields,
  refs: { authorIds?: string[] | undefined; tagIds?: string[] | undefined },
  issues: FieldIssue[],
  expectedVersion: number,
  bylineField: string,
): Promise<Article> {
  const { article } = locked;
  if (refs.authorIds) checkOwnByline(requireStaff(services.actor), refs.authorIds, issues, bylineField);
  await checkCoverImage(tx, fields, issues);
  const body =
    fields.body !== undefined && fields.body !== article.body
      ? await renderedBody(tx, fields.body, issues)
      : null;
  if (issues.length) throw new ValidationError(issues);

  const patch: ArticlePatch = {};
  if (fields.title !== undefined) {
    patch.title = fields.title;
    const base = slugify(fields.title);
    const neverPublished = article.status === "draft" || article.status === "scheduled";
    if (neverPublished && !isSlugOf(article.slug, base)) {
      patch.slug = await allocateArticleSlug(tx, base, article.id);
    }
  }
  if (fields.lede !== undefined) patch.lede = fields.lede;
  if (body) {
    Object.assign(patch, body.columns);
    await recordArticleImages(tx, article.id, body.imageIds);
  }
  if (fields.coverImageId !== undefined) patch.coverImageId = fields.coverImageId;
  if (fields.language !== undefined) patch.language = fields.language;
  if (fields.commentsOpen !== undefined) patch.commentsOpen = fields.commentsOpen;
  return writeNextVersion(tx, services, locked, {
    patch,
    ...(refs.authorIds && { authorIds: refs.authorIds }),
    ...(refs.tagIds && { tagIds: refs.tagIds }),
    expectedVersion,
  });
}

export interface UpdateArticleInput extends ArticleFieldsInput {
  articleId: string;
  expectedVersion: number;
}

export async function updateArticle(services: ArticleServices, input: UpdateArticleInput): Promise<Article> {
  const issues: FieldIssue[] = [];
  const fields = cleanFields(input, issues);
  if (issues.length) throw new ValidationError(issues);
  const article = await services.db.transaction(async (tx) => {
    const locked = await lockEditableArticle(tx, services, input.articleId);
    if (locked.article.version !== input.expectedVersion) throw conflict(locked.article.version);
    const refs = await resolveSlugs(tx, fields, issues);
    return applyContent(
      tx,
      services,
      locked,
      fields,
      refs,
      issues,
      input.expectedVersion,
      "input.authorSlugs",
    );
  });
  return articleWritten(services, article);
}

export interface RestoreRevisionInput {
  articleId: string;
  revisionId: string;
  expectedVersion: number;
}

/**
 * Writes a revision's content back as a new version: title, lede, body, language, comments,
 * byline and tags. The publication state and (once published) the slug stay as they are;
 * quotes and sources are not part of a revision.
 */
export async function restoreArticleRevision(
  services: ArticleServices,
  input: RestoreRevisionInput,
): Promise<Article> {
  const article = await services.db.transaction(async (tx) => {
    const locked = await lockEditableArticle(tx, services, input.articleId);
    const [revision] = await findRevisionsByIds(tx, [input.revisionId]);
    if (!revision || revision.articleId !== locked.article.id) {
      throw new NotFoundError("This article has no revision with this id");
    }
    if (locked.article.version !== input.expectedVersion) throw conflict(locked.article.version);
    const { snapshot } = revision;
    // Bylines cannot lose their author (authors are never deleted while they sign an article),
    // but a tag may have been deleted since.
    const existing = await existingAuthorAndTagIds(tx, snapshot.authorIds, snapshot.tagIds);
    const authorIds = snapshot.authorIds.filter((id) => existing.authorIds.has(id));
    const fields: CleanFields = {
      title: snapshot.title,
      lede: snapshot.lede,
      body: snapshot.body,
      language: snapshot.language,
      commentsOpen: snapshot.commentsOpen,
      // Revisions from before covers existed say nothing about one: the cover stays.
      ...(snapshot.coverImageId !== undefined && { coverImageId: snapshot.coverImageId }),
    };
    return applyContent(
      tx,
      services,
      locked,
      fields,
      {
        authorIds: authorIds.length ? authorIds : undefined,
        tagIds: snapshot.tagIds.filter((id) => existing.tagIds.has(id)),
      },
      [],
      input.expectedVersion,
      "input.revisionId",
    );
  });
  return articleWritten(services, article);
}

/**
 * After an image's text changed: the articles that show it have their stored HTML rendered again
 * (a figure carries the alt text and caption) and their cached answers dropped.
 */
export async function refreshArticlesShowingImage(
  services: { db: Database; cache: CacheInvalidation },
  imageId: string,
): Promise<void> {
  const { db } = services;
  const articles = await findArticlesByIds(db, await articlesShowingImage(db, imageId));
  for (const article of articles) {
    const { columns } = await renderedBody(db, article.body, []);
    if (columns.bodyHtml !== article.bodyHtml) await setBodyHtml(db, article.id, columns.bodyHtml);
    await services.cache.articleChanged(article.id);
  }
}

// ---- Publication -------------------------------------------------------------------------------

export const announcePublished = (pubsub: LedePubSub, articleId: string) =>
  Promise.resolve(pubsub.publish("articlePublished", { articleId }));

/**
 * The one way an article becomes public, for an editor and for the scheduler alike: `decide` sees
 * the locked article and says when it is published, or that it is not to be (null). The new
 * version, its revision and its webhook event are one transaction; after the commit the caches
 * are told and `articlePublished` announces it, so a subscriber that reads it finds it published.
 */
async function publish(
  services: ArticleServices,
  articleId: string,
  decide: (tx: Executor, article: Article) => Promise<Date | null>,
): Promise<{ article: Article; published: boolean }> {
  const result = await services.db.transaction(async (tx) => {
    const locked = await lockArticle(tx, articleId);
    const publishedAt = await decide(tx, locked.article);
    if (!publishedAt) return { article: locked.article, published: false };
    const updated = await writeNextVersion(tx, services, locked, {
      patch: { status: "published", publishedAt },
    });
    return { article: updated, published: true };
  });
  if (result.published) {
    await articleWritten(services, result.article, true);
    await announcePublished(services.pubsub, result.article.id);
  }
  return result;
}

/** An editor publishes now. Published again after being withdrawn, an article keeps its first date. */
export async function publishArticle(services: ArticleServices, articleId: string): Promise<Article> {
  requireArticleEditor(services);
  const { article } = await publish(services, articleId, async (tx, article) => {
    if (article.status === "published") return null;
    await checkImagesDescribed(tx, article);
    return article.status === "archived" && article.publishedAt ? article.publishedAt : services.now();
  });
  return article;
}

/**
 * The scheduler's publication of a scheduled article whose time has come, at its scheduled time
 * (by no staff member: the schedule was set, and its images checked, in an earlier revision).
 * Null when it is not due any more: another process published it first, or an editor moved or
 * deleted it.
 */
export async function publishDueArticle(
  services: ArticleServices,
  articleId: string,
): Promise<Article | null> {
  try {
    const { article, published } = await publish(services, articleId, async (_tx, article) =>
      article.status === "scheduled" && article.publishedAt && article.publishedAt <= services.now()
        ? article.publishedAt
        : null,
    );
    return published ? article : null;
  } catch (error) {
    // Deleted since the scheduler listed it: nothing is due.
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

export async function scheduleArticle(
  services: ArticleServices,
  articleId: string,
  at: Date,
): Promise<Article> {
  requireArticleEditor(services);
  if (at.getTime() <= services.now().getTime()) {
    throw new ValidationError([{ field: "input.at", message: "at must be in the future" }]);
  }
  const scheduled = await services.db.transaction(async (tx) => {
    const locked = await lockArticle(tx, articleId);
    const { status } = locked.article;
    if (status !== "draft" && status !== "scheduled") {
      throw new ValidationError([
        {
          field: "input.articleId",
          message: `Only a draft or a scheduled article can be scheduled; this one is ${status}`,
        },
      ]);
    }
    await checkImagesDescribed(tx, locked.article);
    return writeNextVersion(tx, services, locked, { patch: { status: "scheduled", publishedAt: at } });
  });
  return articleWritten(services, scheduled);
}

/** Takes a published article down (it becomes archived) or cancels a schedule (back to draft). */
export async function unpublishArticle(services: ArticleServices, articleId: string): Promise<Article> {
  requireArticleEditor(services);
  const article = await services.db.transaction(async (tx) => {
    const locked = await lockArticle(tx, articleId);
    if (locked.article.status === "published") {
      return writeNextVersion(tx, services, locked, { patch: { status: "archived" } });
    }
    if (locked.article.status === "scheduled") {
      return writeNextVersion(tx, services, locked, { patch: { status: "draft", publishedAt: null } });
    }
    return locked.article;
  });
  return articleWritten(services, article, true);
}

/** Moves an article to the bin: gone from every read until restored. */
export async function deleteArticle(services: ArticleServices, articleId: string): Promise<Article> {
  requireArticleEditor(services);
  const article = await services.db.transaction(async (tx) =>
    writeNextVersion(tx, services, await lockArticle(tx, articleId), {
      patch: { deletedAt: services.now() },
      alsoChanged: ["deletedAt"],
    }),
  );
  return articleWritten(services, article, true);
}

export async function restoreArticle(services: ArticleServices, articleId: string): Promise<Article> {
  requireArticleEditor(services);
  const article = await services.db.transaction(async (tx) =>
    writeNextVersion(tx, services, await lockArticle(tx, articleId, { deleted: true }), {
      patch: { deletedAt: null },
      alsoChanged: ["deletedAt"],
    }),
  );
  return articleWritten(services, article, true);
}

// ---- Preview -----------------------------------------------------------------------------------

export async function issuePreviewToken(
  services: ArticleServices & { /** Key that signs preview tokens. */ secret: string },
  articleId: string,
  expiresInMinutes: number | null | undefined,
): Promise<{ token: string; expiresAt: Date; article: Article }> {
  const actor = requireStaff(services.actor);
  const minutes = expiresInMinutes ?? DEFAULT_PREVIEW_MINUTES;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_PREVIEW_MINUTES) {
    throw new ValidationError([
      {
        field: "input.expiresInMinutes",
        message: `expiresInMinutes must be between 1 and ${MAX_PREVIEW_MINUTES}`,
      },
    ]);
  }
  const article = await findArticleForWrite(services.db, articleId);
  if (!article) throw new NotFoundError("No article has this id");
  if (!isEditor(actor)) {
    const { authorIds } = await snapshotOf(services.db, article);
    if (!reachesArticle(actor, authorIds)) {
      throw new AccessDeniedError("forbidden", "Authors preview only their own articles");
    }
  }
  const expiresAt = new Date(services.now().getTime() + minutes * 60_000);
  return { ...createPreviewToken(services.secret, article.id, expiresAt), article };
}
