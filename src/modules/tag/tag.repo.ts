// Reads of tags (subjects; newsletter topics are tags too).
import { asc, inArray } from "drizzle-orm";
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

export const listAllTags = (db: Executor) => db.select().from(tags).orderBy(asc(tags.name), asc(tags.id));
