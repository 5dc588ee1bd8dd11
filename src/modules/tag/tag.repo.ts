// Reads and writes of tags (subjects; newsletter topics are tags too).
import { eq, inArray } from "drizzle-orm";
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

export async function isTagSlugTaken(tx: Executor, slug: string): Promise<boolean> {
  const [row] = await tx.select({ id: tags.id }).from(tags).where(eq(tags.slug, slug));
  return row !== undefined;
}

export async function insertTag(tx: Executor, values: typeof tags.$inferInsert): Promise<Tag> {
  const [row] = await tx.insert(tags).values(values).returning();
  if (!row) throw new Error("insert returned no tag");
  return row;
}
