// Reads and writes of authors (public bylines).
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { asText, asUuid, isUuid, keysetFilter, keysetOrder, pageLimit } from "../../db/keyset.ts";
import { authors } from "../../db/schema.ts";
import type { PageRequest } from "../../graphql/pagination.ts";

export type Author = typeof authors.$inferSelect;

export const findAuthorsByIds = (db: Executor, ids: readonly string[]) =>
  db
    .select()
    .from(authors)
    .where(inArray(authors.id, [...ids]));

export const findAuthorsBySlugs = (db: Executor, slugs: readonly string[]) =>
  db
    .select()
    .from(authors)
    .where(inArray(authors.slug, [...slugs]));

const byName = [sql`${authors.name}`, sql`${authors.id}`];

export const authorCursor = (author: Author): [string, string] => [author.name, author.id];

/** Authors in alphabetical order, one page plus one row. */
export const listAuthors = (db: Executor, page: PageRequest) =>
  db
    .select()
    .from(authors)
    .where(and(keysetFilter(byName, [asText, asUuid], page, false)))
    .orderBy(keysetOrder(byName, page, false))
    .limit(pageLimit(page));

export const countAuthors = (db: Executor) => db.$count(authors);

// ---- Writes ----

export async function isAuthorSlugTaken(tx: Executor, slug: string, exceptId?: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: authors.id })
    .from(authors)
    .where(and(eq(authors.slug, slug), exceptId ? ne(authors.id, exceptId) : undefined));
  return row !== undefined;
}

export async function findAuthorForWrite(tx: Executor, id: string): Promise<Author | null> {
  if (!isUuid(id)) return null;
  const [row] = await tx.select().from(authors).where(eq(authors.id, id)).for("update");
  return row ?? null;
}

export async function insertAuthor(tx: Executor, values: typeof authors.$inferInsert): Promise<Author> {
  const [row] = await tx.insert(authors).values(values).returning();
  if (!row) throw new Error("insert returned no author");
  return row;
}

export async function updateAuthorRow(
  tx: Executor,
  id: string,
  values: Partial<typeof authors.$inferInsert>,
): Promise<Author> {
  const [row] = await tx.update(authors).set(values).where(eq(authors.id, id)).returning();
  if (!row) throw new Error(`author ${id} vanished under its lock`);
  return row;
}
