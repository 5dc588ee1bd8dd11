// Readiness (/ready): the database answers within a short time, and it has every migration this
// build ships. /health says only that the process is up; a load balancer sends traffic to the
// processes that are ready, and an orchestrator restarts the ones that are not healthy.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pgSchema, text } from "drizzle-orm/pg-core";
import type { Database } from "../db/client.ts";
import { migrationsFolder } from "../db/migrate.ts";

export interface ReadinessReport {
  ready: boolean;
  /** Why not, in a few words (no addresses, no credentials). */
  reason?: string;
}

export type ReadinessCheck = () => Promise<ReadinessReport>;

// Where drizzle-orm 1.0's migrators (PGlite and postgres.js alike) record what they applied: one
// row per migration folder, under its folder name.
const drizzleSchema = pgSchema("drizzle");
const appliedMigrations = drizzleSchema.table("__drizzle_migrations", { name: text("name") });

/** The migration folders of this build, oldest first. */
export function localMigrations(folder = migrationsFolder): string[] {
  return readdirSync(folder)
    .filter((name) => existsSync(join(folder, name, "migration.sql")))
    .sort((a, b) => a.localeCompare(b));
}

export interface ReadinessOptions {
  /** The longest the database may take to answer. */
  timeoutMs?: number;
  migrationsFolder?: string;
}

/**
 * One statement per check: reading the migrations table proves the database answers, and says
 * whether the newest migration folder of this build is applied.
 */
export function createReadinessCheck(db: Database, options: ReadinessOptions = {}): ReadinessCheck {
  const timeoutMs = options.timeoutMs ?? 1000;
  const expected = localMigrations(options.migrationsFolder);
  const newest = expected.at(-1);
  return async () => {
    let timer: NodeJS.Timeout | undefined;
    let applied: Set<string>;
    try {
      const rows = await Promise.race([
        db.select({ name: appliedMigrations.name }).from(appliedMigrations),
        new Promise<"timeout">((resolve) => {
          timer = setTimeout(() => resolve("timeout"), timeoutMs);
        }),
      ]);
      if (rows === "timeout")
        return { ready: false, reason: `the database did not answer within ${timeoutMs} ms` };
      applied = new Set(rows.map((row) => row.name).filter((name) => name !== null));
    } catch (error) {
      const code = errorCode(error);
      // 3F000: no such schema, 42P01: no such table: a database that was never migrated.
      if (code === "3F000" || code === "42P01") return { ready: false, reason: "no migrations are applied" };
      return { ready: false, reason: `the database is unreachable${code ? ` (${code})` : ""}` };
    } finally {
      clearTimeout(timer);
    }
    if (newest && !applied.has(newest)) {
      const missing = expected.filter((name) => !applied.has(name));
      return { ready: false, reason: `migrations not applied: ${missing.join(", ")}` };
    }
    return { ready: true };
  };
}

function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const { code, cause } = current as Error & { code?: unknown };
    if (typeof code === "string") return code;
    current = cause;
  }
  return undefined;
}
