// Opens the database: postgres.js when a URL is given, embedded PGlite otherwise. Both give a
// drizzle database of the common `Database` type, so no other module knows which one it has.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { PgAsyncDatabase, PgAsyncTransaction, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { ParameterOrJSON, Sql, UnsafeQueryOptions } from "postgres";
import type { Config } from "../config.ts";
import { boundQueueWait, type PoolStats, poolStatsOf } from "./bounded-pool.ts";
import { lockDataDirectory } from "./data-dir-lock.ts";
import { discardRestored, discardTemplate, type PgliteTemplate, restoreTemplate } from "./pglite-template.ts";
import { PgliteThread, type ThreadRunner } from "./pglite-thread.ts";
import type { relations } from "./relations.ts";
import { isPlainRead, retryReads } from "./retry.ts";

// biome-ignore lint/suspicious/noExplicitAny: the two drivers differ only in their raw result type.
export type Database = PgAsyncDatabase<any, typeof relations>;
export type Transaction = PgAsyncTransaction<PgQueryResultHKT, typeof relations>;
/** What repos and services take: the database itself or an open transaction. */
export type Executor = Database | Transaction;

/** Called with every SQL statement the driver is about to send; tests count them. */
export type StatementSource = "primary" | "replica";
export type StatementListener = (sql: string, source: StatementSource) => void;

export interface DatabaseOptions {
  /** postgres:// URL; absent means embedded PGlite. */
  url?: string | undefined;
  /** A read replica's URL (with `url`): queries read there, mutations and transactions use `url`. */
  readUrl?: string | undefined;
  /** PGlite data directory; absent (with no url) means in memory. */
  dataDir?: string | undefined;
  poolSize?: number;
  /** How long a statement may wait for a free connection before failing. */
  connectTimeoutMs?: number;
  statementTimeoutMs?: number;
  /** A PGlite data directory dump to start from (tests clone a migrated, seeded template). */
  pgliteDump?: Blob | undefined;
  /** What this process is (`the lede server`, `lede token create`): named by the data directory's lock. */
  holder?: string;
  /** A data directory without a database starts as a copy of this template, when there is one. */
  template?: PgliteTemplate | undefined;
}

export interface DatabaseHandle {
  db: Database;
  /** Where queries read: the replica of READ_DATABASE_URL, or `db` itself. */
  readDb: Database;
  driver: "pglite" | "postgres";
  /**
   * How the embedded database came to be: found in its directory, copied from a template, or made
   * from nothing by this process (initdb); null for PostgreSQL.
   */
  origin: "existing" | "template" | "initdb" | null;
  /** The server URL, for work that needs its own connection (migrations). */
  url: string | undefined;
  /** Subscribes to the statements sent; returns the unsubscribe function. */
  onStatement(listener: StatementListener): () => void;
  close(): Promise<void>;
}

const DRIVER_TYPE_LOOKUP = /^\s*select b\.oid, b\.typarray/;

const poolStatsByDatabase = new WeakMap<Database, PoolStats>();

/** Shared buffers of embedded PGlite (PostgreSQL servers keep their own setting). */
export const EMBEDDED_SHARED_BUFFERS = "16MB";

/** The connection pool's counters of a PostgreSQL database (none for PGlite), for /metrics. */
export const databasePoolStats = (db: Database): PoolStats | undefined => poolStatsByDatabase.get(db);

/**
 * The configured database. `holder` says what this process is, for the embedded database's lock
 * (src/db/data-dir-lock.ts). With a `template`, a new embedded data directory starts as its copy
 * (src/db/pglite-template.ts).
 */
export function openConfiguredDatabase(
  config: Config,
  holder: string,
  template?: PgliteTemplate,
): Promise<DatabaseHandle> {
  return openDatabase({
    template,
    holder,
    url: config.database.url,
    readUrl: config.database.readUrl,
    dataDir: config.database.dataDir,
    poolSize: config.database.poolSize,
    connectTimeoutMs: config.database.connectTimeoutMs,
    statementTimeoutMs: config.database.statementTimeoutMs,
  });
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const listeners = new Set<StatementListener>();
  const emit = (text: string, source: StatementSource = "primary") => {
    for (const listener of listeners) listener(text, source);
  };
  // Drivers that count statements only while someone listens (postgres.js: see `connect`).
  const listening = new Set<(on: boolean) => void>();
  const onStatement = (listener: StatementListener) => {
    listeners.add(listener);
    for (const toggle of listening) toggle(true);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) for (const toggle of listening) toggle(false);
    };
  };
  const statementTimeoutMs = options.statementTimeoutMs ?? 10_000;

  if (options.url) {
    // Each driver is imported only when used: a process loads PGlite (and its WebAssembly) or
    // postgres.js, never both.
    const [{ default: postgres }, { drizzle: drizzlePostgres }, { relations }, { isPlannedPerRun }] =
      await Promise.all([
        import("postgres"),
        import("drizzle-orm/postgres-js"),
        import("./relations.ts"),
        import("./prepared.ts"),
      ]);
    const connect = (url: string, role: StatementSource) => {
      const client = postgres(url, {
        max: options.poolSize ?? 10,
        connect_timeout: Math.ceil((options.connectTimeoutMs ?? 5000) / 1000),
        idle_timeout: 30,
        // postgres.js waits longer after each failed connection, up to 20 s by default, and counts
        // failures for the whole pool: after a restart under load lede would stay away from a server
        // that is back. At most a second between attempts instead.
        backoff: (failures: number) => (0.5 + Math.random() / 2) * Math.min(0.05 * 2 ** failures, 1),
        onnotice: () => {},
        // PostgreSQL's own plan cache (custom plans first, then a generic plan where it costs no
        // more): page sizes and fixed filters are written into the statements as literals
        // (`literalCount` in db/keyset.ts), so a generic plan knows how few rows a page reads.
        // Forcing custom plans re-planned every page statement, ~0.2-0.3 ms of PostgreSQL CPU each.
        connection: {
          statement_timeout: statementTimeoutMs,
          application_name: role === "replica" ? "lede-replica" : "lede",
        },
      });
      // postgres.js reports each statement to its `debug` hook, but with the hook set it also
      // builds an Error (a stack trace) for every query, ~2% of a page's CPU, and makes the errors
      // it throws carry their parameters. So the hook is set only while a listener (a test
      // counting statements) is subscribed; connections read it from the shared options when
      // they send a statement.
      // postgres.js looks up array types once per new connection (it needs them to parse uuid[]
      // and text[]); that lookup is the driver's housekeeping, not a statement of lede's.
      const debug = (_connection: number, text: string) => {
        if (!DRIVER_TYPE_LOOKUP.test(text)) emit(text, role);
      };
      const toggle = (on: boolean) => {
        (client.options as { debug?: typeof debug | boolean }).debug = on ? debug : false;
      };
      toggle(listeners.size > 0);
      listening.add(toggle);
      const bounded = boundQueueWait(client, options.connectTimeoutMs ?? 5000);
      // Plain reads outside transactions survive a restart of the server (a few retries, src/db/retry.ts).
      const db = drizzlePostgres({
        client: retryReads(prepareReads(bounded, isPlannedPerRun)),
        relations,
      }) as unknown as Database;
      const stats = poolStatsOf(bounded);
      if (stats) poolStatsByDatabase.set(db, stats);
      return { client, db };
    };
    const primary = connect(options.url, "primary");
    const replica = options.readUrl ? connect(options.readUrl, "replica") : null;
    return {
      db: primary.db,
      readDb: replica?.db ?? primary.db,
      driver: "postgres",
      origin: null,
      url: options.url,
      onStatement,
      close: async () => {
        await Promise.all([primary.client.end({ timeout: 5 }), replica?.client.end({ timeout: 5 })]);
      },
    };
  }

  // PGlite opens in a worker thread (src/db/pglite-thread.ts) while this thread loads drizzle and
  // the rest: this module imports nothing heavy, so that a server can start opening it first thing.
  const drivers = Promise.all([import("drizzle-orm/pglite"), import("./relations.ts")]);
  drivers.catch(() => {});
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  // Before PGlite reads a page: a second process would lose its writes (src/db/data-dir-lock.ts).
  const lock = options.dataDir
    ? lockDataDirectory(options.dataDir, options.holder ?? "a lede process")
    : null;
  const dump = options.pgliteDump ? await options.pgliteDump.arrayBuffer() : undefined;
  const settings = { dataDir: options.dataDir, dump, sharedBuffers: EMBEDDED_SHARED_BUFFERS };
  let origin: DatabaseHandle["origin"] = "existing";
  let pglite: PgliteThread;
  try {
    const dataDir = options.dataDir;
    const isNew = dataDir !== undefined && !existsSync(join(dataDir, "PG_VERSION"));
    const template = isNew && !options.pgliteDump ? options.template : undefined;
    const restored = template && dataDir ? await restoreTemplate(template, dataDir) : null;
    const fromTemplate =
      template && dataDir && restored
        ? await openRestored(() => PgliteThread.open(settings), template, dataDir, restored)
        : null;
    if (isNew) origin = fromTemplate ? "template" : "initdb";
    // Not awaited: the handle is usable at once (a server builds its app meanwhile), its first
    // statements wait in the worker for PGlite, and fail with its error if it did not open.
    pglite = fromTemplate ?? PgliteThread.start(settings);
  } catch (error) {
    lock?.release();
    throw error;
  }
  const [{ drizzle: drizzlePglite }, { relations }] = await drivers;
  // No statement_timeout here: single-threaded PGlite has no timer to interrupt a running
  // statement, and it accepts the setting without enforcing it.
  countPgliteStatements(pglite, emit);
  const db = drizzlePglite({ client: pglite as unknown as PGlite, relations }) as unknown as Database;
  const close = async () => {
    try {
      await pglite.close();
    } finally {
      lock?.release();
    }
  };
  return { db, readDb: db, driver: "pglite", origin, url: undefined, onStatement, close };
}

/**
 * Opens a database copied from a template, or, when it does not open or answer (a damaged cache),
 * deletes the template and the copy and returns null: the caller makes the database from nothing.
 */
async function openRestored(
  create: () => Promise<PgliteThread>,
  template: PgliteTemplate,
  dataDir: string,
  restored: readonly string[],
): Promise<PgliteThread | null> {
  let pglite: PgliteThread | undefined;
  try {
    pglite = await create();
    await pglite.query("select count(*) from drizzle.__drizzle_migrations");
    return pglite;
  } catch {
    await pglite?.close().catch(() => {});
    discardRestored(dataDir, restored);
    discardTemplate(template);
    return null;
  }
}

/**
 * drizzle sends every statement unnamed (postgres.js `prepare: false`): PostgreSQL parses it anew
 * each time, and postgres.js, to learn its parameters' types, sends Parse and Describe, waits for
 * the answer, then Bind and Execute: two round trips per statement. Plain reads, which pages
 * repeat, go as prepared statements instead: parsed once per connection, then one round trip.
 * (Writes stay unnamed: most are run rarely, and a transaction's statements are not seen here.
 * The hot ones, posting a comment and subscribing, ask for it themselves with drizzle's `prepare`.)
 * A read without parameters (a front page, its page sizes written as literals) is prepared too:
 * postgres.js would send it as a simple query, parsed and planned on every request.
 * A read marked `PLANNED_PER_RUN` (db/prepared.ts) stays unnamed: PostgreSQL plans it with its
 * values on every run. Search is one: a generic plan cannot know how many rows a query word
 * matches, and the one PostgreSQL cached read all 42,000 matches of a common word.
 * (PGlite needs nothing of the kind: drizzle sends its statements unnamed, planned on each run.)
 */
function prepareReads(client: Sql, isPlannedPerRun: (text: string) => boolean): Sql {
  const unsafe = client.unsafe.bind(client);
  const prepared = { prepare: true, simple: false } as UnsafeQueryOptions;
  const preparingUnsafe = ((
    text: string,
    parameters?: ParameterOrJSON<never>[],
    options?: UnsafeQueryOptions,
  ) =>
    unsafe(
      text,
      parameters,
      isPlainRead(text) && !isPlannedPerRun(text) ? { ...options, ...prepared } : options,
    )) as Sql["unsafe"];
  return new Proxy(client, {
    apply: (target, thisArg, args) => Reflect.apply(target, thisArg, args),
    get: (target, key, receiver) => (key === "unsafe" ? preparingUnsafe : Reflect.get(target, key, receiver)),
  });
}

/** PGlite has no debug hook: wrap its entry points, and those of each transaction object it hands out. */
function countPgliteStatements(pglite: PgliteThread, emit: (text: string) => void): void {
  type Runner = ThreadRunner;
  const wrap = <T extends Runner>(target: T): T => {
    const query = target.query.bind(target) as (...args: unknown[]) => unknown;
    const exec = target.exec.bind(target) as (...args: unknown[]) => unknown;
    target.query = ((text: string, ...rest: unknown[]) => {
      emit(text);
      return query(text, ...rest);
    }) as T["query"];
    target.exec = ((text: string, ...rest: unknown[]) => {
      emit(text);
      return exec(text, ...rest);
    }) as T["exec"];
    return target;
  };
  wrap(pglite);
  const transaction = pglite.transaction.bind(pglite);
  pglite.transaction = ((callback: (tx: Runner) => Promise<unknown>) =>
    transaction((tx) => {
      emit("BEGIN");
      return callback(wrap(tx));
    })) as PgliteThread["transaction"];
}
