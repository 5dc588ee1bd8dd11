// The opened database made ready to serve: migrated, and seeded when empty and asked to.
import { sql } from "drizzle-orm";
import { storeDemoImages } from "../modules/media/media.demo.ts";
import type { MediaStore } from "../modules/media/media.store.ts";
import type { DatabaseHandle } from "./client.ts";
import { migrateDatabase } from "./migrate.ts";
import { type PgliteTemplate, saveTemplate } from "./pglite-template.ts";
import { isDatabaseEmpty, seedDemoContentIfEmpty, seededCoverHashes } from "./seed.ts";

export async function prepareDatabase(
  handle: DatabaseHandle,
  options: {
    seedDemo: boolean;
    mediaStore?: MediaStore;
    /** Where a database this process made from nothing is saved once prepared, with its data directory. */
    saveTemplate?: { template: PgliteTemplate; dataDir: string } | undefined;
  },
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
  if (options.saveTemplate && handle.origin === "initdb") {
    // Every page on disk first: the copy is a database at rest, nothing to replay.
    await handle.db.execute(sql`checkpoint`);
    const { template, dataDir } = options.saveTemplate;
    if (saveTemplate(template, dataDir)) notes.push("saved as the template of new data directories");
  }
  if (handle.origin === "template") notes.push("started from the template of new data directories");
  return notes;
}
