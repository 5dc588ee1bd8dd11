// Helpers that turn a batch query (keys in, rows that carry their key out) into a DataLoader.
import DataLoader from "dataloader";
import { isUuid } from "../db/keyset.ts";

/** A loader of one row per key (or null), from a batch query that returns rows in any order. */
export function rowLoader<K, R>(
  fetch: (keys: readonly K[]) => Promise<readonly R[]>,
  keyOf: (row: R) => K,
): DataLoader<K, R | null> {
  return new DataLoader(async (keys) => {
    const byKey = new Map((await fetch(keys)).map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/**
 * A loader of one row per id. An id that is not a UUID names no row: it loads as null without
 * reaching PostgreSQL, which would fail the whole batch on it.
 */
export function rowByIdLoader<R extends { id: string }>(
  fetch: (ids: readonly string[]) => Promise<readonly R[]>,
): DataLoader<string, R | null> {
  return rowLoader(
    async (ids: readonly string[]) => {
      const valid = ids.filter(isUuid);
      return valid.length ? fetch(valid) : [];
    },
    (row) => row.id,
  );
}

/** A loader of a list per key, from a batch query whose rows carry the key they belong to. */
export const groupLoader = <K, R>(
  fetch: (keys: readonly K[]) => Promise<readonly R[]>,
  keyOf: (row: R) => K,
): DataLoader<K, R[]> => groupPageLoader(fetch, keyOf, (_key, rows) => rows);

/**
 * A loader of one page per group (an author's articles, a comment's replies), from a batch query
 * whose rows carry their group: each group's rows, in the order they came, are handed to
 * `toPage`, which makes the group's page (its connection).
 */
export function groupPageLoader<K, R, P>(
  fetch: (keys: readonly K[]) => Promise<readonly R[]>,
  keyOf: (row: R) => K,
  toPage: (key: K, rows: R[]) => P,
): DataLoader<K, P> {
  return new DataLoader(async (keys) => {
    const groups = new Map<K, R[]>(keys.map((key) => [key, []]));
    for (const row of await fetch(keys)) groups.get(keyOf(row))?.push(row);
    return keys.map((key) => toPage(key, groups.get(key) ?? []));
  });
}

/**
 * Loaders that batch only requests of the same shape (a page size, a set of columns): one loader
 * per shape, made on first use. `clearAll` forgets what every one of them read.
 */
export function loadersByShape<S, K, V>(keyOf: (shape: S) => string, make: (shape: S) => DataLoader<K, V>) {
  const loaders = new Map<string, DataLoader<K, V>>();
  const loaderFor = (shape: S): DataLoader<K, V> => {
    const key = keyOf(shape);
    let loader = loaders.get(key);
    if (!loader) {
      loader = make(shape);
      loaders.set(key, loader);
    }
    return loader;
  };
  return Object.assign(loaderFor, {
    clearAll: () => {
      for (const loader of loaders.values()) loader.clearAll();
    },
  });
}
