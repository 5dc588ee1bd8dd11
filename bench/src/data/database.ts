// The bench database: created from the admin connection, migrated with lede's own migrations,
// filled by COPY from the generator, and dropped at the end unless kept. A small `bench_meta`
// schema records what was loaded, so `--reuse` can tell whether an existing database fits.
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import postgres from "postgres";
import { openDatabase } from "../../../src/db/client.ts";
import { migrateDatabase } from "../../../src/db/migrate.ts";
import { log, n, Progress } from "../progress.ts";
import { applyPeerSetup } from "./extension.ts";
import { createDataset } from "./generate.ts";
import { type DataSize, GENERATOR_VERSION, SEED } from "./sizes.ts";

export type LoadMode = "rebuild" | "indexed";

export interface LoadReport {
  mode: LoadMode;
  seconds: number;
  copySeconds: number;
  indexSeconds: number;
  vacuumSeconds: number;
  tables: { name: string; rows: number; seconds: number; rowsPerSecond: number }[];
  databaseBytes: number;
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const quiet = { onnotice: () => {} };

export async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  const admin = postgres(adminUrl, { max: 1, ...quiet });
  try {
    const rows = await admin`select 1 from pg_database where datname = ${name}`;
    return rows.length > 0;
  } finally {
    await admin.end();
  }
}

interface Meta {
  size: string;
  articles: number;
  comments: number;
  generator: number;
  seed: number;
  load?: LoadReport;
}

export async function readMeta(url: string): Promise<Meta | null> {
  const sql = postgres(url, { max: 1, ...quiet });
  try {
    const rows = await sql`select value from bench_meta.info where key = 'dataset'`;
    return (rows[0]?.value as Meta | undefined) ?? null;
  } catch {
    return null;
  } finally {
    await sql.end();
  }
}

/** Whether the database holds exactly the data this size and generator would write. */
export async function fits(url: string, size: DataSize): Promise<boolean> {
  const meta = await readMeta(url);
  return (
    meta !== null &&
    meta.size === size.name &&
    meta.generator === GENERATOR_VERSION &&
    meta.seed === SEED &&
    meta.articles === size.articles &&
    meta.comments === size.comments
  );
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, ...quiet });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
}

/** Creates the database afresh, migrates it with lede's migrations and loads the generated data. */
export async function createAndLoad(
  adminUrl: string,
  name: string,
  size: DataSize,
  mode: LoadMode,
): Promise<LoadReport> {
  const started = performance.now();
  await dropDatabase(adminUrl, name);
  const admin = postgres(adminUrl, { max: 1, ...quiet });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(adminUrl, name);

  const handle = await openDatabase({ url, poolSize: 1 });
  try {
    await migrateDatabase(handle);
  } finally {
    await handle.close();
  }

  const sql = postgres(url, { max: 1, ...quiet, connection: { application_name: "lede-bench-load" } });
  try {
    await sql`set maintenance_work_mem = '1GB'`;
    await sql`set synchronous_commit = off`;
    const deferred = mode === "rebuild" ? await dropSecondaryStructures(sql) : [];

    const dataset = createDataset(size, SEED);
    const tables: LoadReport["tables"] = [];
    const copyStarted = performance.now();
    log(`loading ${size.name}: ${n(size.articles)} articles, ${n(size.comments)} comments (${mode} mode)`);
    for (const table of dataset.tables) {
      const progress = new Progress(table.name, table.rows);
      const copy = async (tx: postgres.TransactionSql) => {
        const writable = (await tx
          .unsafe(`copy ${table.name} (${table.columns.join(", ")}) from stdin`)
          .writable()) as Writable;
        const source = Readable.from(
          (function* () {
            for (const batch of table.batches()) {
              let rows = 0;
              for (let i = batch.indexOf("\n"); i !== -1; i = batch.indexOf("\n", i + 1)) rows++;
              progress.add(rows);
              yield batch;
            }
          })(),
        );
        await pipeline(source, writable);
      };
      // One transaction per table: a failed load leaves no half-filled table behind.
      await sql.begin(async (tx) => {
        await copy(tx);
      });
      const done = progress.finish();
      tables.push({
        name: table.name,
        rows: done.rows,
        seconds: done.seconds,
        rowsPerSecond: done.rows / done.seconds,
      });
    }
    const copySeconds = (performance.now() - copyStarted) / 1000;

    const indexStarted = performance.now();
    if (deferred.length) log(`  recreating ${deferred.length} indexes and foreign keys`);
    for (const statement of deferred) await sql.unsafe(statement);
    const indexSeconds = (performance.now() - indexStarted) / 1000;

    const vacuumStarted = performance.now();
    log("  vacuum analyze");
    await sql`vacuum analyze`;
    const vacuumSeconds = (performance.now() - vacuumStarted) / 1000;

    const [{ bytes }] =
      (await sql`select pg_database_size(current_database())::bigint as bytes`) as unknown as [
        { bytes: string },
      ];
    const report: LoadReport = {
      mode,
      seconds: (performance.now() - started) / 1000,
      copySeconds,
      indexSeconds,
      vacuumSeconds,
      tables,
      databaseBytes: Number(bytes),
    };
    const meta: Meta = {
      size: size.name,
      articles: size.articles,
      comments: size.comments,
      generator: GENERATOR_VERSION,
      seed: SEED,
      load: report,
    };
    await sql`create schema bench_meta`;
    await sql`create table bench_meta.info (key text primary key, value jsonb not null)`;
    await sql`insert into bench_meta.info values ('dataset', ${sql.json(meta as unknown as postgres.JSONValue)})`;
    log(
      `  loaded in ${report.seconds.toFixed(1)} s (copy ${copySeconds.toFixed(1)} s, indexes ${indexSeconds.toFixed(1)} s, vacuum ${vacuumSeconds.toFixed(1)} s), ${(report.databaseBytes / 1e6).toFixed(0)} MB`,
    );
    return report;
  } finally {
    await sql.end();
  }
}

/**
 * Drops the foreign keys and the indexes that are neither primary keys nor unique constraints,
 * and returns the statements that recreate them. Building an index once over loaded rows is much
 * cheaper than maintaining it row by row; the constraints are then checked in one pass each.
 */
async function dropSecondaryStructures(sql: postgres.Sql): Promise<string[]> {
  const fks = await sql<{ table: string; name: string; def: string }[]>`
    select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as def
    from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace`;
  const indexes = await sql<{ name: string; def: string }[]>`
    select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
    from pg_index i join pg_class c on c.oid = i.indrelid
    where c.relnamespace = 'public'::regnamespace and not i.indisprimary
      and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`;
  for (const fk of fks) await sql.unsafe(`alter table ${fk.table} drop constraint "${fk.name}"`);
  for (const index of indexes) await sql.unsafe(`drop index ${index.name}`);
  return [
    ...indexes.map((index) => index.def),
    ...fks.map((fk) => `alter table ${fk.table} add constraint "${fk.name}" ${fk.def}`),
  ];
}

/**
 * Brings a database up to lede's current migrations and applies the bench-only SQL (both
 * idempotent), on fresh and reused databases alike: PostGraphile's computed column and each
 * peer's indexes (`fair`), or the pre-issue-10 setup without them. Returns the foreign-key indexes
 * the bench added for PostGraphile, which the result lists.
 */
export async function applyBenchExtension(url: string, fair: boolean): Promise<string[]> {
  const handle = await openDatabase({ url, poolSize: 1 });
  try {
    await migrateDatabase(handle);
  } finally {
    await handle.close();
  }
  const sql = postgres(url, { max: 1, ...quiet });
  try {
    return await applyPeerSetup(sql, fair);
  } finally {
    await sql.end();
  }
}
