// Which index a query can use: the plan PostgreSQL picks when a sequential scan is its last
// resort. Demo-sized tables are small enough that it would rather scan them otherwise.
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../../src/db/client.ts";

export async function planWithoutSeqScan(db: Database, query: SQL): Promise<string> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    const result = (await tx.execute(sql`explain ${query}`)) as unknown;
    // postgres.js answers rows; PGlite an object that holds them.
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<
      string,
      string
    >[];
    return rows.map((row) => row["QUERY PLAN"]).join("\n");
  });
}
