// Opening the configured database, ready to serve: migrated, and seeded when empty and asked to.
import type { Config } from "../config.ts";
import { storeDemoImages } from "../modules/media/media.demo.ts";
import type { MediaStore } from "../modules/media/media.store.ts";
import { type DatabaseHandle, openDatabase } from "./client.ts";
import { migrateDatabase } from "./migrate.ts";
import { isDatabaseEmpty, seedDemoContentIfEmpty, seededCoverHashes } from "./seed.ts";

/** `holder` says what this process is, for the embedded database's lock (src/db/data-dir-lock.ts). */
export function openConfiguredDatabase(config: Config, holder: string): Promise<DatabaseHandle> {
  return openDatabase({
    holder,
    url: config.database.url,
    readUrl: config.database.readUrl,
    dataDir: config.database.dataDir,
    poolSize: config.database.poolSize,
    connectTimeoutMs: config.database.connectTimeoutMs,
    statementTimeoutMs: config.database.statementTimeoutMs,
  });
}

export async function prepareDatabase(
  handle: DatabaseHandle,
  options: { seedDemo: boolean; mediaStore?: MediaStore },
): Promise<string[]> {
  const notes: string[] = [];
  await migrateDatabase(handle);
  // The emptiness check first spares a started database the seeder's table lock.
  if (options.seedDemo && (await isDatabaseEmpty(handle.db))) {
    const seeded = await seedDemoContentIfEmpty(handle.db);
    if (seeded) notes.push(`seeded demo content: ${seeded.articles} articles, ${seeded.comments} comments`);
  }
  // The demo covers' bytes, wherever they are missing (a new media directory or bucket).
  if (options.seedDemo && options.mediaStore) {
    await storeDemoImages(options.mediaStore, await seededCoverHashes(handle.db));
  }
  return notes;
}
