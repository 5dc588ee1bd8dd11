// Applies the SQL migrations in drizzle/ that the database has not seen yet.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { DatabaseHandle } from "./client.ts";

export const migrationsFolder = fileURLToPath(new URL("../../drizzle", import.meta.url));

// Any constant: processes starting together on one server take turns migrating.
const MIGRATION_LOCK = 7_316_254_001;

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.driver === "pglite") {
    if (!(await isUpToDate(handle))) {
      // The migrators (and the other driver) are imported only when used: most starts need none.
      const { migrate: migratePglite } = await import("drizzle-orm/pglite/migrator");
      await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    }
    return;
  }
  const [{ default: postgres }, { drizzle: drizzlePostgres }, { migrate: migratePostgres }] =
    await Promise.all([
      import("postgres"),
      import("drizzle-orm/postgres-js"),
      import("drizzle-orm/postgres-js/migrator"),
    ]);
  // One dedicated connection, so that the advisory lock and the migration share a session.
  const client = postgres(handle.url as string, { max: 1, onnotice: () => {} });
  try {
    const db = drizzlePostgres({ client });
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      await migratePostgres(db, { migrationsFolder });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}

/**
 * Whether the database records every migration of the folder by name, as drizzle's migrator decides
 * what to run: then it would run nothing. One query instead of its checks of the catalog (a good
 * part of an embedded start; one process per embedded database, so nothing can change meanwhile).
 */
async function isUpToDate(handle: DatabaseHandle): Promise<boolean> {
  const names = readdirSync(migrationsFolder).filter((name) =>
    existsSync(join(migrationsFolder, name, "migration.sql")),
  );
  try {
    const result = await handle.db.execute<{ name: string | null }>(
      sql`select name from drizzle.__drizzle_migrations`,
    );
    const applied = new Set(
      (result as unknown as { rows: { name: string | null }[] }).rows.map((row) => row.name),
    );
    return names.every((name) => applied.has(name));
  } catch {
    return false; // no migrations table yet (a new database), or one of an older format
  }
}
