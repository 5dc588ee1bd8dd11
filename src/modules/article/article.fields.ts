// What an article's input must be: its content fields checked and trimmed, the author and tag slugs
// it names resolved, its body rendered with the images it shows, and the images' text checked
// before publication. Each problem is a FieldIssue, so one answer lists everything wrong.
import type { Executor } from "../../db/client.ts";
import type { Language } from "../../db/schema.ts";
import { findAuthorsByIds, findAuthorsBySlugs } from "../author/author.repo.ts";
import { type FieldIssue, ValidationError } from "../errors.ts";
import { checkText } from "../field-checks.ts";
import { imagesByIds } from "../media/media.service.ts";
import { altOf } from "../media/media.urls.ts";
import { type Actor, isEditor, signs } from "../staff/staff.roles.ts";
import { findTagsByIds, findTagsBySlugs } from "../tag/tag.repo.ts";
import type { Article } from "./article.repo.ts";

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

export interface CleanFields {
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
export function cleanFields(input: ArticleFieldsInput, issues: FieldIssue[]): CleanFields {
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
export async function resolveSlugs(tx: Executor, fields: CleanFields, issues: FieldIssue[]) {
  const resolve = async (
    slugs: string[] | undefined,
    find: (tx: Executor, slugs: readonly string[]) => Promise<{ id: string; slug: string }[]>,
    field: string,
    what: string,
  ): Promise<string[] | undefined> => {
    if (!slugs) return undefined;
    const rows = slugs.length ? await find(tx, slugs) : [];
    const ids = new Map(rows.map((row) => [row.slug, row.id]));
    const unknown = slugs.filter((slug) => !ids.has(slug));
    if (unknown.length) issues.push({ field, message: `No ${what} has the slug ${unknown.join(", ")}` });
    return slugs.flatMap((slug) => ids.get(slug) ?? []);
  };
  return {
    authorIds: await resolve(fields.authorSlugs, findAuthorsBySlugs, "input.authorSlugs", "author"),
    tagIds: await resolve(fields.tagSlugs, findTagsBySlugs, "input.tagSlugs", "tag"),
  };
}

/** Which of `ids` still name an author and a tag (a revision may point at a tag deleted since). */
export async function existingAuthorAndTagIds(
  tx: Executor,
  authorIds: readonly string[],
  tagIds: readonly string[],
) {
  const authorRows = authorIds.length ? await findAuthorsByIds(tx, authorIds) : [];
  const tagRows = tagIds.length ? await findTagsByIds(tx, tagIds) : [];
  return { authorIds: new Set(authorRows.map((r) => r.id)), tagIds: new Set(tagRows.map((r) => r.id)) };
}

/**
 * The body with what is derived from it: its HTML (lede images as figures) and reading time, and
 * the images it shows. A reference to an image that does not exist is an issue of `field`.
 */
export async function renderedBody(tx: Executor, body: string, issues: FieldIssue[], field = "input.body") {
  // Markdown and HTML sanitising (marked, sanitize-html and PostCSS) load with the first write, not
  // with every start: a tenth of the modules a server loads before its first answer.
  const { imageRefsOf, readingTimeMinutes, renderBody } = await import("./article.content.ts");
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
export async function checkCoverImage(tx: Executor, fields: CleanFields, issues: FieldIssue[]) {
  if (!fields.coverImageId) return;
  if (!(await imagesByIds(tx, [fields.coverImageId])).has(fields.coverImageId)) {
    issues.push({ field: "input.coverImageId", message: "No image has this id" });
  }
}

/** An author's byline must include their own author; an editor's may be anyone's. */
export function checkOwnByline(
  actor: Actor,
  authorIds: readonly string[],
  issues: FieldIssue[],
  field: string,
) {
  if (!isEditor(actor) && !signs(actor, authorIds)) {
    issues.push({ field, message: "The byline must include your own author" });
  }
}

/**
 * Readers who cannot see an image need its text: an article whose cover or inline image has no alt
 * text (neither the image's own nor, inline, the body's) is not published, unless the image is
 * marked decorative.
 */
export async function checkImagesDescribed(tx: Executor, article: Article): Promise<void> {
  const { imageRefsOf } = await import("./article.content.ts");
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
