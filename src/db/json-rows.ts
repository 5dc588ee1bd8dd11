// Rows nested as JSON inside another row: a page that carries what it shows (an article's
// byline, its quotes, its first comments) in its own statement, instead of one statement per kind.
import { type Column, type SQL, sql } from "drizzle-orm";

/**
 * `json_build_object` of `columns` under their TypeScript names, read from the row `alias`.
 * Names and aliases come from lede's schema and code, never from a client.
 */
export function jsonRowSql(
  columns: Record<string, Column>,
  alias: string,
  extra: Record<string, SQL> = {},
): SQL {
  const pairs = [
    ...Object.entries(columns).map(([key, column]) => sql.raw(`'${key}', ${alias}.${column.name}`)),
    ...Object.entries(extra).map(([key, value]) => sql`${sql.raw(`'${key}'`)}, ${value}`),
  ];
  return sql`json_build_object(${sql.join(pairs, sql`, `)})`;
}

/**
 * Turns rows that came as JSON (from `jsonRowSql`) into what drizzle returns for those columns:
 * JSON has no dates, so timestamps come back as strings.
 */
export function jsonRowReader<R>(columns: Record<string, Column>): (row: Record<string, unknown>) => R {
  const dates = Object.entries(columns)
    .filter(([, column]) => column.dataType === "object date")
    .map(([key]) => key);
  return (row) => {
    for (const key of dates) {
      const value = row[key];
      if (typeof value === "string") row[key] = new Date(value);
    }
    return row as R;
  };
}

/** A JSON column as the driver hands it: parsed by postgres.js, a string from some others. */
export const fromJson = <T>(value: unknown): T =>
  (typeof value === "string" ? JSON.parse(value) : value) as T;
