// The rules for writing articles: who may change what, how a slug is made, what a version and a
// revision are, and the publication states. Each mutation runs in one transaction, so a refusal or
// a failure at any step writes nothing.
//
// Roles: editors and admins do everything. An author (staff role `author`, linked to a byline by
// staff.author_id) creates articles under their own byline and edits the drafts whose byline
// includes them; publishing, scheduling, unpublishing, deleting and restoring are for editors.
//
// Publication states: draft → (scheduled →) published → archived (unpublished). Draft and
// scheduled articles were never public, so their slug follows their title; once published, the
// slug never changes again, and unpublishing archives the article rather than making it a draft.
import type { Executor } from "../../db/client.ts";
import type { ArticleSnapshot, Language } from "../../db/schema.ts";
import type { Context } from "../../graphql/context.ts";
import { ConflictError, type FieldIssue, NotFoundError, ValidationError } from "../../graphql/error-types.ts";
import { clientError } from "../../graphql/errors.ts";
import { checkText } from "../../graphql/field-checks.ts";
import type { LedePubSub } from "../../infra/pubsub.ts";
import { articlesShowingImage, imagesByIds, recordArticleImages } from "../media/media.service.ts";
import { altOf } from "../media/media.urls.ts";
import type { StaffMember } from "../staff/staff.repo.ts";
import { articleChangeEvent, recordWebhookEvent } from "../webhooks/webhook.events.ts";
import { imageRefsOf, readingTimeMinutes, renderBody } from "./article.content.ts";
import { articleById, articleBySlug } from "./article.loaders.ts";
import { articlePartsLoader } from "./article.parts.ts";
import { createPreviewToken, DEFAULT_PREVIEW_MINUTES, MAX_PREVIEW_MINUTES } from "./article.preview.ts";
import { type Article, findArticlesByIds } from "./article.repo.ts";
import { allocateArticleSlug, isSlugOf, slugify } from "./article.slug.ts";
import {
  type ArticlePatch,
  existingAuthorAndTagIds,
  findArticleForWrite,
  findAuthorIdsBySlugs,
  findRevisionsByIds,
  findTagIdsBySlugs,
  hasRevisions,
  insertArticle,
  insertRevisions,
  replaceBylines,
  replaceTags,
  setBodyHtml,
  snapshotOf,
  toSnapshot,
  updateArticleRow,
} from "./article.writes.ts";

/** In characters after trimming (the body is kept as written). */
export const LIMITS = { title: 300, lede: 1000, body: 200_000 } as const;

export interface ArticleFieldsInput {
  title?: string | null | undefined;
  lede?: string | null | undefined;
  body?: string | null | undefined;
  language?: Language | null | undefined;
  commentsOpen?: boolean | null | undefined;
  authorSlugs?: readonly string[] | null | undefined;
  tagSlugs?: readonly string[] | null | undefined;
  /** An image's id; null removes the cover. */
  coverImageId?: string | null | undefined;
}

// ---- Who may do what ---------------------------------------------------------------------------

function viewerOf(ctx: Context): StaffMember {
  if (!ctx.viewer) throw clientError("UNAUTHENTICATED", "Sign in with a staff token");
  return ctx.viewer;
}

const isEditor = (viewer: StaffMember) => viewer.role === "editor" || viewer.role === "admin";

function requireEditor(ctx: Context): StaffMember {
  const viewer = viewerOf(ctx);
  if (!isEditor(viewer)) throw clientError("FORBIDDEN", "Only editors and admins can do this");
  return viewer;
}

/** Editors change any article; an author only a draft whose byline includes them. */
function assertCanEdit(viewer: StaffMember, article: Article, authorIds: readonly string[]): void {
  if (isEditor(viewer)) return;
  if (article.status !== "draft" || !viewer.authorId || !authorIds.includes(viewer.authorId)) {
    throw clientError("FORBIDDEN", "Authors edit only their own drafts");
  }
}

// ---- Versions and revisions --------------------------------------------------------------------

/** How each snapshot key is named in a revision's changed fields (the schema's field names). */
const fieldNames: Record<keyof ArticleSnapshot, string> = {
  slug: "slug",
  language: "language",
  title: "title",
  lede: "lede",
  body: "body",
  status: "status",
  publishedAt: "publishedAt",
  commentsOpen: "commentsOpen",
  authorIds: "authors",
  tagIds: "tags",
  coverImageId: "coverImage",
};

function changedFields(before: ArticleSnapshot | null, after: ArticleSnapshot): string[] {
  return (
    (Object.keys(fieldNames) as (keyof ArticleSnapshot)[])
      // `?? null`: revisions from before a field existed lack it.
      .filter(
        (key) =>
          before === null || JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null),
      )
      .map((key) => fieldNames[key])
  );
}

interface VersionChange {
  patch?: ArticlePatch;
  authorIds?: string[];
  tagIds?: string[];
  /** What changed outside the snapshot: "quotes", "sources", "deletedAt". */
  alsoChanged?: string[];
  /** The version the change was based on; the locked row's own version when absent. */
  expectedVersion?: number;
}

/**
 * Writes `change` as the article's next version, with a revision saying who changed what. A change
 * that changes nothing writes nothing. A row no longer at the expected version is a Conflict.
 */
async function writeNextVersion(
  tx: Executor,
  ctx: Context,
  article: Article,
  before: ArticleSnapshot,
  change: VersionChange,
): Promise<Article> {
  const authorIds = change.authorIds ?? before.authorIds;
  const tagIds = change.tagIds ?? before.tagIds;
  const planned = toSnapshot({ ...article, ...change.patch } as Article, authorIds, tagIds);
  const changed = [...changedFields(before, planned), ...(change.alsoChanged ?? [])];
  if (!changed.length) return article;

  const now = ctx.now();
  const updated = await updateArticleRow(
    tx,
    article.id,
    change.expectedVersion ?? article.version,
    change.patch ?? {},
    now,
  );
  if (!updated) throw conflict();
  if (changed.includes("authors")) await replaceBylines(tx, article.id, authorIds);
  if (changed.includes("tags")) await replaceTags(tx, article.id, tagIds);
  // An article written before revisions existed (the demo content, an import) gets its state
  // before this first change recorded too, so it can be restored.
  const baseline = (await hasRevisions(tx, article.id))
    ? []
    : [
        {
          articleId: article.id,
          version: article.version,
          staffId: null,
          changedFields: [],
          snapshot: before,
          createdAt: article.updatedAt,
        },
      ];
  await insertRevisions(tx, [
    ...baseline,
    {
      articleId: article.id,
      version: updated.version,
      staffId: ctx.viewer?.id ?? null,
      changedFields: changed,
      snapshot: toSnapshot(updated, authorIds, tagIds),
      createdAt: now,
    },
  ]);
  await recordWebhookEvent(tx, articleChangeEvent(article, updated, changed, ctx.newsletter.articleUrl), now);
  return updated;
}

const conflict = (current?: number) =>
  new ConflictError(
    `This article changed since you read it${current ? ` (it is at version ${current} now)` : ""}; reload it and apply your change again`,
  );

/**
 * The live article `articleId`, locked until the transaction ends, after checking that the viewer
 * may edit it. Quote and source changes start here too.
 */
export async function lockEditableArticle(tx: Executor, ctx: Context, articleId: string) {
  const viewer = viewerOf(ctx);
  const article = await findArticleForWrite(tx, articleId, { lock: true });
  if (!article) throw new NotFoundError("No article has this id");
  const before = await snapshotOf(tx, article);
  assertCanEdit(viewer, article, before.authorIds);
  return { article, before };
}

/** Records a change to an article's quotes or sources as its next version. */
export const touchArticle = (
  tx: Executor,
  ctx: Context,
  locked: { article: Article; before: ArticleSnapshot },
  part: "quotes" | "sources",
) => writeNextVersion(tx, ctx, locked.article, locked.before, { alsoChanged: [part] });

/**
 * Forgets what this request's loaders read of articles: fields resolved after a mutation (and by
 * the next mutation of the same request) read the state it wrote.
 */
export function forgetArticleReads(ctx: Context): void {
  ctx.loader(articleById).clearAll();
  ctx.loader(articleBySlug).clearAll();
  ctx.loader(articlePartsLoader).clearAll();
}

/**
 * After a commit, tells the response cache what changed: the article's cached answers, and every
 * list too when the set of public articles changed (or, with a published article's quotes, the
 * quote lists).
 */
export async function articleWritten(ctx: Context, article: Article, listsChanged = false): Promise<Article> {
  await ctx.cache.articleChanged(article.id);
  if (listsChanged) await ctx.cache.articleListsChanged();
  return article;
}

// ---- Content -----------------------------------------------------------------------------------

interface CleanFields {
  title?: string;
  lede?: string | null;
  body?: string;
  language?: Language;
  commentsOpen?: boolean;
  authorSlugs?: string[];
  tagSlugs?: string[];
  coverImageId?: string | null;
}

/** Checks what the input gives; absent (or null, for a required field) means "unchanged". */
function cleanFields(input: ArticleFieldsInput, issues: FieldIssue[]): CleanFields {
  const fields: CleanFields = {};
  if (input.title != null) {
    fields.title = checkText(issues, "input.title", input.title, { max: LIMITS.title, required: true }) ?? "";
  }
  if (input.lede !== undefined) {
    fields.lede =
      input.lede === null ? null : checkText(issues, "input.lede", input.lede, { max: LIMITS.lede });
  }
  if (input.body != null) {
    if (input.body.length > LIMITS.body) {
      issues.push({ field: "input.body", message: `body is longer than ${LIMITS.body} characters` });
    }
    fields.body = input.body;
  }
  if (input.language != null) fields.language = input.language;
  if (input.commentsOpen != null) fields.commentsOpen = input.commentsOpen;
  if (input.authorSlugs != null) {
    fields.authorSlugs = [...new Set(input.authorSlugs.map((slug) => slug.trim()))];
    if (!fields.authorSlugs.length) {
      issues.push({ field: "input.authorSlugs", message: "An article needs at least one author" });
    }
  }
  if (input.tagSlugs != null) fields.tagSlugs = [...new Set(input.tagSlugs.map((slug) => slug.trim()))];
  if (input.coverImageId !== undefined) fields.coverImageId = input.coverImageId;
  return fields;
}

/** The ids of the author and tag slugs the input names; an unknown slug is an issue. */
async function resolveSlugs(tx: Executor, fields: CleanFields, issues: FieldIssue[]) {
  const resolve = async (
    slugs: string[] | undefined,
    find: typeof findAuthorIdsBySlugs,
    field: string,
    what: string,
  ): Promise<string[] | undefined> => {
    if (!slugs) return undefined;
    const ids = new Map((await find(tx, slugs)).map((row) => [row.slug, row.id]));
    const unknown = slugs.filter((slug) => !ids.has(slug));
    if (unknown.length) issues.push({ field, message: `No ${what} has the slug ${unknown.join(", ")}` });
    return slugs.flatMap((slug) => ids.get(slug) ?? []);
  };
  return {
    authorIds: await resolve(fields.authorSlugs, findAuthorIdsBySlugs, "input.authorSlugs", "author"),
    tagIds: await resolve(fields.tagSlugs, findTagIdsBySlugs, "input.tagSlugs", "tag"),
  };
}

/**
 * The body with what is derived from it: its HTML (lede images as figures) and reading time, and
 * the images it shows. A reference to an image that does not exist is an issue of `field`.
 */
async function renderedBody(tx: Executor, body: string, issues: FieldIssue[], field = "input.body") {
  const refs = imageRefsOf(body);
  const images = await imagesByIds(
    tx,
    refs.flatMap((ref) => ref.imageId ?? []),
  );
  for (const ref of refs) {
    if (!ref.imageId || !images.has(ref.imageId)) {
      issues.push({ field, message: `No image has the id in ${ref.written}` });
    }
  }
  return {
    columns: { body, bodyHtml: renderBody(body, images), readingTimeMinutes: readingTimeMinutes(body) },
    imageIds: [...images.keys()],
  };
}

/** An unknown cover image is an issue; the id of the one given otherwise. */
async function checkCoverImage(tx: Executor, fields: CleanFields, issues: FieldIssue[]) {
  if (!fields.coverImageId) return;
  if (!(await imagesByIds(tx, [fields.coverImageId])).has(fields.coverImageId)) {
    issues.push({ field: "input.coverImageId", message: "No image has this id" });
  }
}

function checkOwnByline(
  viewer: StaffMember,
  authorIds: readonly string[],
  issues: FieldIssue[],
  field: string,
) {
  if (!isEditor(viewer) && !(viewer.authorId && authorIds.includes(viewer.authorId))) {
    issues.push({ field, message: "The byline must include your own author" });
  }
}

export interface CreateArticleInput extends ArticleFieldsInput {
  title: string;
  language: Language;
}

export async function createArticle(ctx: Context, input: CreateArticleInput): Promise<Article> {
  const viewer = viewerOf(ctx);
  if (!isEditor(viewer) && !viewer.authorId) {
    throw clientError(
      "FORBIDDEN",
      "Your staff account has no byline; an editor can link it to an author (token create --author SLUG)",
    );
  }
  const issues: FieldIssue[] = [];
  const fields = cleanFields(input, issues);
  if (issues.length) throw new ValidationError(issues);

  return ctx.db.transaction(async (tx) => {
    const refs = await resolveSlugs(tx, fields, issues);
    const authorIds = refs.authorIds ?? (viewer.authorId ? [viewer.authorId] : []);
    if (!fields.authorSlugs && !authorIds.length) {
      issues.push({ field: "input.authorSlugs", message: "An article needs at least one author" });
    }
    checkOwnByline(viewer, authorIds, issues, "input.authorSlugs");
    await checkCoverImage(tx, fields, issues);
    const body = await renderedBody(tx, fields.body ?? "", issues);
    if (issues.length) throw new ValidationError(issues);

    const title = fields.title as string;
    const now = ctx.now();
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
        staffId: viewer.id,
        changedFields: changedFields(null, snapshot),
        snapshot,
        createdAt: now,
      },
    ]);
    return article;
  });
}

/**
 * Applies content fields to an article the viewer may edit, as its next version. A draft's (or a
 * scheduled article's) slug follows its title; a published or archived one keeps its slug.
 */
async function applyContent(
  tx: Executor,
  ctx: Context,
  locked: { article: Article; before: ArticleSnapshot },
  fields: CleanFields,
  refs: { authorIds?: string[] | undefined; tagIds?: string[] | undefined },
  issues: FieldIssue[],
  expectedVersion: number,
  bylineField: string,
): Promise<Article> {
  const { article, before } = locked;
  if (refs.authorIds) checkOwnByline(viewerOf(ctx), refs.authorIds, issues, bylineField);
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
  return writeNextVersion(tx, ctx, article, before, {
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

export async function updateArticle(ctx: Context, input: UpdateArticleInput): Promise<Article> {
  const issues: FieldIssue[] = [];
  const fields = cleanFields(input, issues);
  if (issues.length) throw new ValidationError(issues);
  const article = await ctx.db.transaction(async (tx) => {
    const locked = await lockEditableArticle(tx, ctx, input.articleId);
    if (locked.article.version !== input.expectedVersion) throw conflict(locked.article.version);
    const refs = await resolveSlugs(tx, fields, issues);
    return applyContent(tx, ctx, locked, fields, refs, issues, input.expectedVersion, "input.authorSlugs");
  });
  return articleWritten(ctx, article);
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
export async function restoreArticleRevision(ctx: Context, input: RestoreRevisionInput): Promise<Article> {
  const article = await ctx.db.transaction(async (tx) => {
    const locked = await lockEditableArticle(tx, ctx, input.articleId);
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
      ctx,
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
  return articleWritten(ctx, article);
}

// ---- Publication -------------------------------------------------------------------------------

/**
 * Readers who cannot see an image need its text: an article whose cover or inline image has no alt
 * text (neither the image's own nor, inline, the body's) is not published, unless the image is
 * marked decorative.
 */
async function checkImagesDescribed(tx: Executor, article: Article): Promise<void> {
  const refs = imageRefsOf(article.body);
  const ids = [
    ...(article.coverImageId ? [article.coverImageId] : []),
    ...refs.flatMap((r) => r.imageId ?? []),
  ];
  if (!ids.length) return;
  const images = await imagesByIds(tx, ids);
  const issues: FieldIssue[] = [];
  const cover = article.coverImageId ? images.get(article.coverImageId) : undefined;
  if (cover && !cover.decorative && !altOf(cover, "")) {
    issues.push({
      field: "input.articleId",
      message: "The cover image has no alt text: add it with updateImage, or mark the image decorative",
    });
  }
  for (const ref of refs) {
    const image = ref.imageId ? images.get(ref.imageId) : undefined;
    if (image && !image.decorative && !altOf(image, ref.alt)) {
      issues.push({
        field: "input.articleId",
        message: `The image ${ref.written} in the body has no alt text: write it as ![alt text](${ref.written}), add it with updateImage, or mark the image decorative`,
      });
    }
  }
  if (issues.length) throw new ValidationError(issues);
}

/**
 * After an image's text changed: the articles that show it have their stored HTML rendered again
 * (a figure carries the alt text and caption) and their cached answers dropped.
 */
export async function refreshArticlesShowingImage(ctx: Context, imageId: string): Promise<void> {
  const articles = await findArticlesByIds(ctx.db, await articlesShowingImage(ctx.db, imageId));
  for (const article of articles) {
    const { columns } = await renderedBody(ctx.db, article.body, []);
    if (columns.bodyHtml !== article.bodyHtml) await setBodyHtml(ctx.db, article.id, columns.bodyHtml);
    await ctx.cache.articleChanged(article.id);
  }
  forgetArticleReads(ctx);
}

export const announcePublished = (pubsub: LedePubSub, articleId: string) =>
  Promise.resolve(pubsub.publish("articlePublished", { articleId }));

/** The live article, locked, for an editor's change of state. */
async function lockForEditor(tx: Executor, articleId: string, options: { deleted?: boolean } = {}) {
  const article = await findArticleForWrite(tx, articleId, { lock: true, ...options });
  if (!article)
    throw new NotFoundError(options.deleted ? "No deleted article has this id" : "No article has this id");
  return { article, before: await snapshotOf(tx, article) };
}

export async function publishArticle(ctx: Context, articleId: string): Promise<Article> {
  requireEditor(ctx);
  const { article, published } = await ctx.db.transaction(async (tx) => {
    const { article, before } = await lockForEditor(tx, articleId);
    if (article.status === "published") return { article, published: false };
    await checkImagesDescribed(tx, article);
    // Published again after being withdrawn, an article keeps the date it first came out.
    const publishedAt =
      article.status === "archived" && article.publishedAt ? article.publishedAt : ctx.now();
    const updated = await writeNextVersion(tx, ctx, article, before, {
      patch: { status: "published", publishedAt },
    });
    return { article: updated, published: true };
  });
  // After the commit: a subscriber that reads the article finds it published.
  if (published) {
    await articleWritten(ctx, article, true);
    await announcePublished(ctx.pubsub, article.id);
  }
  return article;
}

export async function scheduleArticle(ctx: Context, articleId: string, at: Date): Promise<Article> {
  requireEditor(ctx);
  if (at.getTime() <= ctx.now().getTime()) {
    throw new ValidationError([{ field: "input.at", message: "at must be in the future" }]);
  }
  const scheduled = await ctx.db.transaction(async (tx) => {
    const { article, before } = await lockForEditor(tx, articleId);
    if (article.status !== "draft" && article.status !== "scheduled") {
      throw new ValidationError([
        {
          field: "input.articleId",
          message: `Only a draft or a scheduled article can be scheduled; this one is ${article.status}`,
        },
      ]);
    }
    await checkImagesDescribed(tx, article);
    return writeNextVersion(tx, ctx, article, before, { patch: { status: "scheduled", publishedAt: at } });
  });
  return articleWritten(ctx, scheduled);
}

/** Takes a published article down (it becomes archived) or cancels a schedule (back to draft). */
export async function unpublishArticle(ctx: Context, articleId: string): Promise<Article> {
  requireEditor(ctx);
  const article = await ctx.db.transaction(async (tx) => {
    const { article, before } = await lockForEditor(tx, articleId);
    if (article.status === "published") {
      return writeNextVersion(tx, ctx, article, before, { patch: { status: "archived" } });
    }
    if (article.status === "scheduled") {
      return writeNextVersion(tx, ctx, article, before, { patch: { status: "draft", publishedAt: null } });
    }
    return article;
  });
  return articleWritten(ctx, article, true);
}

/** Moves an article to the bin: gone from every read until restored. */
export async function deleteArticle(ctx: Context, articleId: string): Promise<Article> {
  requireEditor(ctx);
  const article = await ctx.db.transaction(async (tx) => {
    const { article, before } = await lockForEditor(tx, articleId);
    return writeNextVersion(tx, ctx, article, before, {
      patch: { deletedAt: ctx.now() },
      alsoChanged: ["deletedAt"],
    });
  });
  return articleWritten(ctx, article, true);
}

export async function restoreArticle(ctx: Context, articleId: string): Promise<Article> {
  requireEditor(ctx);
  const article = await ctx.db.transaction(async (tx) => {
    const { article, before } = await lockForEditor(tx, articleId, { deleted: true });
    return writeNextVersion(tx, ctx, article, before, {
      patch: { deletedAt: null },
      alsoChanged: ["deletedAt"],
    });
  });
  return articleWritten(ctx, article, true);
}

// ---- Preview -----------------------------------------------------------------------------------

export async function issuePreviewToken(
  ctx: Context,
  articleId: string,
  expiresInMinutes: number | null | undefined,
): Promise<{ token: string; expiresAt: Date; article: Article }> {
  const viewer = viewerOf(ctx);
  const minutes = expiresInMinutes ?? DEFAULT_PREVIEW_MINUTES;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_PREVIEW_MINUTES) {
    throw new ValidationError([
      {
        field: "input.expiresInMinutes",
        message: `expiresInMinutes must be between 1 and ${MAX_PREVIEW_MINUTES}`,
      },
    ]);
  }
  const article = await findArticleForWrite(ctx.db, articleId);
  if (!article) throw new NotFoundError("No article has this id");
  if (!isEditor(viewer)) {
    const { authorIds } = await snapshotOf(ctx.db, article);
    if (!viewer.authorId || !authorIds.includes(viewer.authorId)) {
      throw clientError("FORBIDDEN", "Authors preview only their own articles");
    }
  }
  const expiresAt = new Date(ctx.now().getTime() + minutes * 60_000);
  return { ...createPreviewToken(ctx.secret, article.id, expiresAt), article };
}
