// Reads and writes of sources: the publications an article cites. Writes run under the article's
// row lock, held by the caller.
import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { isUuid } from "../../db/keyset.ts";
import { sources } from "../../db/schema.ts";

export type Source = typeof sources.$inferSelect;

export const findSourcesByIds = (db: Executor, ids: readonly string[]) =>
  db
    .select()
    .from(sources)
    .where(inArray(sources.id, [...ids]));

export async function findSourceForWrite(tx: Executor, id: string): Promise<Source | null> {
  if (!isUuid(id)) return null;
  const [row] = await tx.select().from(sources).where(eq(sources.id, id));
  return row ?? null;
}

export async function insertSource(tx: Executor, values: typeof sources.$inferInsert): Promise<Source> {
  const [row] = await tx.insert(sources).values(values).returning();
  if (!row) throw new Error("insert returned no source");
  return row;
}

export const deleteSourceRow = (tx: Executor, id: string) => tx.delete(sources).where(eq(sources.id, id));
