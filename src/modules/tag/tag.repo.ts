// Reads of tags (subjects; newsletter topics are tags too).
import { inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { tags } from "../../db/schema.ts";

export type Tag = typeof tags.$inferSelect;

export const findTagsByIds = (db: Executor, ids: readonly string[]) =>
  db
    .select()
    .from(tags)
    .where(inArray(tags.id, [...ids]));

export const findTagsBySlugs = (db: Executor, slugs: readonly string[]) =>
  db
    .select()
    .from(tags)
    .where(inArray(tags.slug, [...slugs]));

/**
 * Every tag, by name in alphabetical order as a reader expects it ("Énergie" among the E), the
 * same order as an article's tags. The database's collation may be "C", which sorts accented
 * letters after "z"; a newsroom has tens of tags, so they are sorted here.
 */
export const listAllTags = async (db: Executor) =>
  (await db.select().from(tags)).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
