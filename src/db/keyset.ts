// Keyset (seek) pagination over a sort key of columns that ends with a unique one.
import { type SQL, sql } from "drizzle-orm";
import type { CursorKey, PageRequest } from "../graphql/pagination.ts";

/** The sort key as a row value, e.g. `(published_at, id)`. */
const row = (parts: readonly SQL[]) => sql`(${sql.join([...parts], sql`, `)})`;

/**
 * The WHERE part that selects the rows strictly between the page's cursors. `cast` turns each
 * cursor value into the type of its column (cursors carry strings and numbers only).
 */
export function keysetFilter(
  key: readonly SQL[],
  cast: readonly ((value: string | number) => SQL)[],
  page: PageRequest,
  descending: boolean,
): SQL | undefined {
  const values = (cursor: CursorKey) =>
    row(cursor.map((value, i) => (cast[i] as (v: string | number) => SQL)(value)));
  const conditions: SQL[] = [];
  if (page.after) conditions.push(sql`${row(key)} ${descending ? sql`<` : sql`>`} ${values(page.after)}`);
  if (page.before) conditions.push(sql`${row(key)} ${descending ? sql`>` : sql`<`} ${values(page.before)}`);
  return conditions.length ? sql.join(conditions, sql` and `) : undefined;
}

/** ORDER BY in walking order: reversed for a backward page, whose rows are reversed again later. */
export function keysetOrder(key: readonly SQL[], page: PageRequest, descending: boolean): SQL {
  const direction = descending !== page.backward ? sql`desc` : sql`asc`;
  return sql.join(
    key.map((part) => sql`${part} ${direction}`),
    sql`, `,
  );
}

export const asTimestamp = (value: string | number) => sql`${String(value)}::timestamptz`;
export const asUuid = (value: string | number) => sql`${String(value)}::uuid`;
export const asInt = (value: string | number) => sql`${Number(value)}::int`;
