// Statements built once per shape. drizzle turns a query into SQL text on every run, and for a
// page statement (an articles list with its byline, tags and comment tree as JSON) that walk was
// ~9% of a page's CPU. Within one shape (the parts asked for, the page sizes, the order, which
// filters are set) only parameter values change, so each shape's statement is built and prepared
// once, with placeholders, and a request only binds its values.
import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "./client.ts";

interface Prepared<R> {
  execute(values?: Record<string, unknown>): Promise<R>;
}

/** A drizzle query whose variable values are `sql.placeholder`s. */
export interface Preparable<R> extends Prepared<R> {
  prepare(name: string): Prepared<R>;
}

/**
 * Most shapes a statement keeps, least recently used first out. Shapes are finite but many (a
 * client may ask for any page size from 1 to 100), so the cache is bounded.
 */
const MAX_SHAPES = 256;

/**
 * A statement run by shape: `build` makes it for a shape, with a placeholder for each value that
 * varies within the shape; the result runs it with those values. Page sizes and fixed filters stay
 * literals in the text (db/keyset.ts `literalCount`), so a shape includes them and PostgreSQL's
 * plan cache knows them. Prepared queries belong to a database (or a transaction), so each
 * executor has its own cache.
 */
export function statementByShape<S, R>(
  name: string,
  /** The shape's key; null for a statement that carries values of its own (built for one run). */
  keyOf: (shape: S) => string | null,
  build: (db: Executor, shape: S) => Preparable<R>,
  maxShapes = MAX_SHAPES,
): (db: Executor, shape: S, values: Record<string, unknown>) => Promise<R> {
  const byExecutor = new WeakMap<Executor, Map<string, Prepared<R>>>();
  return (db, shape, values) => {
    const key = keyOf(shape);
    if (key === null) return build(db, shape).execute(values);
    let statements = byExecutor.get(db);
    if (!statements) {
      statements = new Map();
      byExecutor.set(db, statements);
    }
    let statement = statements.get(key);
    if (statement) {
      // A Map iterates in insertion order: re-inserting keeps the most recently used last.
      statements.delete(key);
    } else {
      statement = build(db, shape).prepare(name);
      if (statements.size >= maxShapes) statements.delete(statements.keys().next().value as string);
    }
    statements.set(key, statement);
    return statement.execute(values);
  };
}

/**
 * `(${name}0, ${name}1, …)`: a list of `count` placeholders for `in`, which `listValues` fills. Not
 * one array parameter (`= any($1)`): PostgreSQL's generic plan of that guesses ten rows, costs the
 * subqueries of a page ten times, and so it plans every run afresh (~0.3 ms per article page).
 */
export const placeholderList = (name: string, count: number): SQL =>
  sql`(${sql.join(
    Array.from({ length: count }, (_, i) => sql.placeholder(`${name}${i}`)),
    sql`, `,
  )})`;

/**
 * Marks a statement to be planned on each run: src/db/client.ts `prepareReads` does not prepare a
 * read whose text carries it, so it goes unnamed and PostgreSQL plans it with its values. For
 * statements whose best plan depends on the values themselves, as search's does: a generic plan
 * cannot know how many articles a query word matches (a rare word: read its few matches from the
 * full-text index; a common one: walk the newest articles until enough match), and the generic
 * plan PostgreSQL settled on for search read every match of a common word. An SQL comment, so it
 * can go anywhere whitespace can (`plannedPerRun()` in an expression of the statement).
 */
export const PLANNED_PER_RUN = "/* planned per run */";

/** `PLANNED_PER_RUN` as a chunk of SQL, to write into a statement (an expression, a condition). */
export const plannedPerRun = (): SQL => sql.raw(PLANNED_PER_RUN);

/** Whether a statement's text asks to be planned on each run (see `PLANNED_PER_RUN`). */
export const isPlannedPerRun = (text: string): boolean => text.includes(PLANNED_PER_RUN);

/** The values of `placeholderList(name, values.length)`. */
export function listValues(name: string, values: readonly unknown[]): Record<string, unknown> {
  const named: Record<string, unknown> = {};
  values.forEach((value, i) => {
    named[`${name}${i}`] = value;
  });
  return named;
}
