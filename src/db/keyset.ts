// Keyset (seek) pagination over a sort key of columns that ends with a unique one.
import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
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
  const values = (cursor: CursorKey, argument: "after" | "before") => {
    try {
      return row(cursor.map((value, i) => (cast[i] as (v: string | number) => SQL)(value)));
    } catch (error) {
      // A value PostgreSQL could not read as its column's type: not a cursor this list handed out.
      if (error instanceof InvalidCursorValue) throw new InvalidCursorError(argument);
      throw error;
    }
  };
  const conditions: SQL[] = [];
  if (page.after) {
    conditions.push(sql`${row(key)} ${descending ? sql`<` : sql`>`} ${values(page.after, "after")}`);
  }
  if (page.before) {
    conditions.push(sql`${row(key)} ${descending ? sql`>` : sql`<`} ${values(page.before, "before")}`);
  }
  return conditions.length ? sql.join(conditions, sql` and `) : undefined;
}

/** ORDER BY in walking order: reversed for a backward page, whose rows are reversed again later. */
export function keysetOrder(key: readonly SQL[], page: PageRequest, descending: boolean): SQL {
  // lede's indexes keep nulls last in their own direction (drizzle writes `DESC NULLS LAST`, and
  // ascending is PostgreSQL's default): walking forward says so, walking backward is the exact
  // reverse, so that the index serves both without a sort.
  const order = descending !== page.backward ? "desc" : "asc";
  const direction = sql.raw(`${order} nulls ${page.backward ? "first" : "last"}`);
  return sql.join(
    key.map((part) => sql`${part} ${direction}`),
    sql`, `,
  );
}

class InvalidCursorValue extends Error {}

/**
 * A cursor whose values are not of its columns' types: not one this list handed out. The API
 * answers it as bad input on `argument` (app.ts maps it), as it does a cursor that does not decode.
 */
export class InvalidCursorError extends Error {
  readonly argument: "after" | "before";
  constructor(argument: "after" | "before") {
    super(`\`${argument}\` is not a valid cursor for this list`);
    this.name = "InvalidCursorError";
    this.argument = argument;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a UUID; anything else is no row's id and must not reach PostgreSQL as one. */
export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);

/** Cursors carry instants as `toISOString()` writes them; nothing else is accepted. */
const isIsoInstant = (value: unknown): value is string =>
  typeof value === "string" && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;

// The casts refuse values of the wrong type here, before PostgreSQL would fail the whole statement.
export const asTimestamp = (value: string | number) => {
  if (!isIsoInstant(value)) throw new InvalidCursorValue();
  return sql`${value}::timestamptz`;
};
export const asUuid = (value: string | number) => {
  if (!isUuid(value)) throw new InvalidCursorValue();
  return sql`${value}::uuid`;
};
export const asInt = (value: string | number) => {
  const number = Number(value);
  if (!Number.isInteger(number) || Math.abs(number) > 2_147_483_647) throw new InvalidCursorValue();
  return sql`${number}::int`;
};

/**
 * Window columns that page many groups in one statement, each from the same cursor: the group's
 * total, and each row's rank among the rows past the cursor. Keep the rows where `inPage` and
 * `rank <= limit + 1` (see `inGroupPage`).
 */
export function groupPageColumns(
  group: SQLWrapper,
  key: readonly SQL[],
  cast: readonly ((value: string | number) => SQL)[],
  page: PageRequest,
  descending: boolean,
) {
  const seek: SQL = keysetFilter(key, cast, page, descending) ?? sql`true`;
  return {
    groupId: sql<string>`${group}`.as("group_id"),
    totalCount: sql<number>`count(*) over (partition by ${group})`.mapWith(Number).as("total_count"),
    // Rank among the rows past the cursor only; the total above counts the whole group.
    rank: sql<number>`count(*) filter (where ${seek}) over (partition by ${group} order by ${keysetOrder(key, page, descending)})`
      .mapWith(Number)
      .as("rank"),
    inPage: sql<boolean>`${seek}`.as("in_page"),
  };
}

/**
 * A row count as SQL text, not a parameter: PostgreSQL may then reuse one generic plan for a
 * prepared page statement, which knows how few rows it reads (with `LIMIT $1` a generic plan
 * guesses, and on large tables it guessed a scan and sort). Only integers reach the text.
 */
export function literalCount(count: number): SQL {
  if (!Number.isSafeInteger(count) || count < 0) throw new Error(`not a row count: ${count}`);
  return sql.raw(String(count));
}

/**
 * A page's LIMIT (its size plus the one row that tells there are more), as `literalCount`.
 * drizzle's `limit()` is typed for numbers and placeholders but writes any SQL chunk it is given.
 */
export const pageLimit = (page: PageRequest): number => literalCount(page.limit + 1) as unknown as number;

/** The rows of a `groupPageColumns` subquery that make up each group's page (plus one). */
export const inGroupPage = (ranked: { inPage: SQLWrapper; rank: SQLWrapper }, page: PageRequest) =>
  sql`${ranked.inPage} and ${ranked.rank} <= ${literalCount(page.limit + 1)}`;
