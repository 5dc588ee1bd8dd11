// Rows nested as JSON inside another row: a page that carries what it shows (an article's
// byline, its quotes, its first comments) in its own statement, instead of one statement per kind.
import { type Column, type SQL, sql } from "drizzle-orm";

const isDate = (column: Column) => column.dataType === "object date";

/**
 * `json_build_object` of `columns` under their TypeScript names, read from the row `alias`.
 * Names and aliases come from lede's schema and code, never from a client. Timestamps go as epoch
 * milliseconds (lede's are `timestamp(3)`, so nothing is lost): formatting one as text in
 * PostgreSQL and parsing the text back in Node cost more than the number both ways.
 */
export function jsonRowSql(
  columns: Record<string, Column>,
  alias: string,
  extra: Record<string, SQL> = {},
): SQL {
  const pairs = [
    ...Object.entries(columns).map(([key, column]) =>
      sql.raw(
        isDate(column)
          ? `'${key}', (extract(epoch from ${alias}.${column.name}) * 1000)::int8`
          : `'${key}', ${alias}.${column.name}`,
      ),
    ),
    ...Object.entries(extra).map(([key, value]) => sql`${sql.raw(`'${key}'`)}, ${value}`),
  ];
  return sql`json_build_object(${sql.join(pairs, sql`, `)})`;
}

/**
 * Turns rows that came as JSON (from `jsonRowSql`) into what drizzle returns for those columns:
 * JSON has no dates, so timestamps come back as epoch milliseconds. Make one reader per column
 * set, once: it is called for every nested row.
 */
export function jsonRowReader<R>(columns: Record<string, Column>): (row: Record<string, unknown>) => R {
  const dates = Object.entries(columns)
    .filter(([, column]) => isDate(column))
    .map(([key]) => key);
  return (row) => {
    for (const key of dates) {
      const value = row[key];
      if (typeof value === "number") row[key] = new Date(value);
    }
    return row as R;
  };
}

/** A JSON column as the driver hands it: parsed by postgres.js, a string from some others. */
export const fromJson = <T>(value: unknown): T =>
  (typeof value === "string" ? JSON.parse(value) : value) as T;
