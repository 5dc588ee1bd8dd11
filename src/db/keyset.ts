// Keyset (seek) pagination over a sort key of columns that ends with a unique one.
import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { CursorKey, PageRequest } from "../graphql/pagination.ts";

/** The sort key as a row value, e.g. `(published_at, id)`. */
const row = (parts: readonly SQL[]) => sql`(${sql.join([...parts], sql`, `)})`;

/**
 * How a cursor value reaches SQL: read (checked, converted) from what the cursor carries, then
 * cast to its column's type. `read` throws on a value of the wrong type.
 */
export interface CursorCast {
  readonly type: string;
  readonly read: (value: string | number) => string | number;
}

/**
 * The WHERE part that selects the rows strictly between the page's cursors. `cast` turns each
 * cursor value into the type of its column (cursors carry strings and numbers only). With
 * `placeholders`, the values are left as placeholders (`after0`, `after1`, …, `before0`, …) that
 * `cursorValues` fills: the statement of a page past a cursor is then the same for every cursor.
 */
export function keysetFilter(
  key: readonly SQL[],
  cast: readonly CursorCast[],
  page: PageRequest,
  descending: boolean,
  placeholders = false,
): SQL | undefined {
  const values = (cursor: CursorKey, argument: "after" | "before") => {
    if (placeholders) {
      return row(cast.map((c, i) => sql`${sql.placeholder(`${argument}${i}`)}::${sql.raw(c.type)}`));
    }
    const read = readCursor(cursor, cast, argument);
    return row(read.map((value, i) => sql`${value}::${sql.raw((cast[i] as CursorCast).type)}`));
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

function readCursor(cursor: CursorKey, cast: readonly CursorCast[], argument: "after" | "before") {
  try {
    return cursor.map((value, i) => (cast[i] as CursorCast).read(value));
  } catch (error) {
    // A value PostgreSQL could not read as its column's type: not a cursor this list handed out.
    if (error instanceof InvalidCursorValue) throw new InvalidCursorError(argument);
    throw error;
  }
}

/**
 * What a statement of a page depends on, besides its columns and filters: its size and direction,
 * and which cursors it has (their values are placeholders, `keysetFilter`).
 */
export const pageShape = (page: PageRequest) => [
  page.limit,
  page.backward,
  Boolean(page.after),
  Boolean(page.before),
];

/** The values of the placeholders of `keysetFilter(…, placeholders = true)` for `page`. */
export function cursorValues(
  cast: readonly CursorCast[],
  page: PageRequest,
): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const argument of ["after", "before"] as const) {
    const cursor = page[argument];
    if (!cursor) continue;
    readCursor(cursor, cast, argument).forEach((value, i) => {
      values[`${argument}${i}`] = value;
    });
  }
  return values;
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
export const asTimestamp: CursorCast = {
  type: "timestamptz",
  read: (value) => {
    if (!isIsoInstant(value)) throw new InvalidCursorValue();
    return value;
  },
};
export const asUuid: CursorCast = {
  type: "uuid",
  read: (value) => {
    if (!isUuid(value)) throw new InvalidCursorValue();
    return value;
  },
};
export const asInt: CursorCast = {
  type: "int",
  read: (value) => {
    const number = Number(value);
    if (!Number.isInteger(number) || Math.abs(number) > 2_147_483_647) throw new InvalidCursorValue();
    return number;
  },
};
export const asText: CursorCast = { type: "text", read: String };

/**
 * Window columns that page many groups in one statement, each from the same cursor: the group's
 * total, and each row's rank among the rows past the cursor. Keep the rows where `inPage` and
 * `rank <= limit + 1` (see `inGroupPage`).
 */
export function groupPageColumns(
  group: SQLWrapper,
  key: readonly SQL[],
  cast: readonly CursorCast[],
  page: PageRequest,
  descending: boolean,
  /** Cursor values as placeholders (see `keysetFilter`). */
  placeholders = false,
) {
  const seek: SQL = keysetFilter(key, cast, page, descending, placeholders) ?? sql`true`;
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
