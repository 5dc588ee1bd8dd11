// Which index a query can use: its plan, as EXPLAIN prints it.
import { type SQL, sql } from "drizzle-orm";
import type { Database, Executor } from "../../src/db/client.ts";

export async function explain(db: Executor, query: SQL): Promise<string> {
  const result = (await (db as Database).execute(sql`explain ${query}`)) as unknown;
  // postgres.js answers rows; PGlite an object that holds them.
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<
    string,
    string
  >[];
  return rows.map((row) => row["QUERY PLAN"]).join("\n");
}

/** The plan when a sequential scan is the last resort: demo-sized tables are otherwise just scanned. */
export async function planWithoutSeqScan(db: Database, query: SQL): Promise<string> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    return explain(tx, query);
  });
}
