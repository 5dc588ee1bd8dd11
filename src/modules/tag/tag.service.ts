// The rules for creating tags: editors create them; the slug is made from the name unless given,
// and must be free. Newsletter topics are tags, so a tag's slug never changes once made.

import { isUniqueViolation } from "../../db/errors.ts";
import type { Context } from "../../graphql/context.ts";
import { type FieldIssue, ValidationError } from "../../graphql/error-types.ts";
import { clientError } from "../../graphql/errors.ts";
import { checkText } from "../../graphql/field-checks.ts";
import { checkSlug, slugify } from "../article/article.slug.ts";
import { insertTag, isTagSlugTaken, type Tag } from "./tag.repo.ts";

export const TAG_NAME_MAX = 100;

export async function createTag(
  ctx: Context,
  input: { name: string; slug?: string | null | undefined },
): Promise<Tag> {
  if (!ctx.viewer || ctx.viewer.role === "author")
    throw clientError("FORBIDDEN", "Only editors and admins create tags");
  const issues: FieldIssue[] = [];
  const name = checkText(issues, "input.name", input.name, { max: TAG_NAME_MAX, required: true });
  const slug = input.slug != null ? checkSlug(issues, "input.slug", input.slug) : slugify(name ?? "", "tag");
  if (issues.length) throw new ValidationError(issues);
  const taken = () =>
    new ValidationError([
      { field: "input.slug", message: `A tag already has the slug ${slug}; choose another` },
    ]);
  let tag: Tag;
  try {
    tag = await ctx.db.transaction(async (tx) => {
      if (await isTagSlugTaken(tx, slug)) throw taken();
      return insertTag(tx, { name: name as string, slug, createdAt: ctx.now() });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
  await ctx.cache.tagsChanged();
  return tag;
}
