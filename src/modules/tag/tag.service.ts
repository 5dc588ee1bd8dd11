// The rules for creating tags: editors create them; the slug is made from the name unless given,
// and must be free. Newsletter topics are tags, so a tag's slug never changes once made.
import type { Database } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import type { CacheInvalidation } from "../../infra/cache-invalidation.ts";
import { checkSlug, slugify } from "../article/article.slug.ts";
import { type FieldIssue, ValidationError } from "../errors.ts";
import { checkText } from "../field-checks.ts";
import { type Actor, requireEditor } from "../staff/staff.roles.ts";
import { insertTag, isTagSlugTaken, type Tag } from "./tag.repo.ts";

export const TAG_NAME_MAX = 100;

/** What writing tags takes. */
export interface TagServices {
  db: Database;
  now: () => Date;
  cache: CacheInvalidation;
  actor: Actor | null;
}

export async function createTag(
  services: TagServices,
  input: { name: string; slug?: string | null | undefined },
): Promise<Tag> {
  requireEditor(services.actor, "Only editors and admins create tags");
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
    tag = await services.db.transaction(async (tx) => {
      if (await isTagSlugTaken(tx, slug)) throw taken();
      return insertTag(tx, { name: name as string, slug, createdAt: services.now() });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
  await services.cache.tagsChanged();
  return tag;
}
