// Relay connection arguments, opaque keyset cursors and the connection shape every list returns.
// A cursor is the base64url JSON of the sort key of its row, so a page is found by an index seek
// and stays stable while rows are added before it.
import { badUserInput } from "./errors.ts";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface ConnectionArgs {
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}

export type CursorKey = readonly (string | number)[];

/** A validated page request: `limit` rows walking from `after` (forward) or back from `before`. */
export interface PageRequest {
  limit: number;
  backward: boolean;
  after: CursorKey | null;
  before: CursorKey | null;
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor(cursor: string, argument: string, arity: number): CursorKey {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(key) &&
      key.length === arity &&
      key.every((part) => typeof part === "string" || typeof part === "number")
    ) {
      return key;
    }
  } catch {
    // fall through to the error below
  }
  throw invalidCursor(argument);
}

/** The error for a cursor that this list did not hand out. */
export const invalidCursor = (argument: string) =>
  badUserInput(`\`${argument}\` is not a valid cursor for this list`, argument);

function checkSize(value: number | null | undefined, argument: string): void {
  if (value == null) return;
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw badUserInput(`\`${argument}\` must be between 0 and ${MAX_PAGE_SIZE}, got ${value}`, argument);
  }
}

/** Validates Relay arguments; `arity` is the number of values in this list's cursor. */
export function pageRequest(
  args: ConnectionArgs,
  arity: number,
  defaultSize = DEFAULT_PAGE_SIZE,
): PageRequest {
  checkSize(args.first, "first");
  checkSize(args.last, "last");
  if (args.first != null && args.last != null) {
    throw badUserInput("Pass `first` or `last`, not both", "last");
  }
  const backward = args.last != null;
  return {
    limit: (backward ? args.last : args.first) ?? defaultSize,
    backward,
    after: args.after ? decodeCursor(args.after, "after", arity) : null,
    before: args.before ? decodeCursor(args.before, "before", arity) : null,
  };
}

/** A stable string for a page request, so that loaders batch only identical pages together. */
export function pageRequestKey(page: PageRequest): string {
  return JSON.stringify([page.limit, page.backward, page.after, page.before]);
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  /** A number, or a thunk so the count query runs only when a client asks for it. */
  totalCount: number | (() => Promise<number>);
}

/**
 * A cursor is encoded when a client reads it: most pages are read for their nodes only. A class
 * (its getter on the prototype): an object literal with a getter is built on V8's slow path, for
 * every row of every page.
 */
class Edge<T> {
  readonly node: T;
  readonly #cursorOf: (row: T) => CursorKey;

  constructor(node: T, cursorOf: (row: T) => CursorKey) {
    this.node = node;
    this.#cursorOf = cursorOf;
  }

  get cursor(): string {
    return encodeCursor(this.#cursorOf(this.node));
  }
}

/**
 * Builds a connection from rows fetched in walking order with one extra row (limit + 1):
 * the extra row only tells that there is more.
 */
export function toConnection<T>(
  rows: readonly T[],
  page: PageRequest,
  cursorOf: (row: T) => CursorKey,
  totalCount: Connection<T>["totalCount"],
): Connection<T> {
  const hasMore = rows.length > page.limit;
  const slice = rows.slice(0, page.limit);
  if (page.backward) slice.reverse();
  const edges = slice.map((node) => new Edge(node, cursorOf));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.backward ? page.before !== null : hasMore,
      hasPreviousPage: page.backward ? hasMore : page.after !== null,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges.at(-1)?.cursor ?? null;
      },
    },
    totalCount,
  };
}
