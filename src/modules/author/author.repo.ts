// Reads of authors (public bylines).
import { and, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { asUuid, keysetFilter, keysetOrder } from "../../db/keyset.ts";
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
const asText = (value: string | number) => sql`${String(value)}`;

export const authorCursor = (author: Author): [string, string] => [author.name, author.id];

/** Authors in alphabetical order, one page plus one row. */
export const listAuthors = (db: Executor, page: PageRequest) =>
  db
    .select()
    .from(authors)
    .where(and(keysetFilter(byName, [asText, asUuid], page, false)))
    .orderBy(keysetOrder(byName, page, false))
    .limit(page.limit + 1);

export const countAuthors = (db: Executor) => db.$count(authors);
