// What the WordPress import tests give the importer, and how they see that a run changed nothing.
import { count } from "drizzle-orm";
import { defaults } from "../../src/config.ts";
import type { Database } from "../../src/db/client.ts";
import {
  articleImages,
  articles,
  authors,
  comments,
  images,
  quotes,
  redirects,
  sources,
  tags,
  wordpressItems,
} from "../../src/db/schema.ts";
import { RenditionCache } from "../../src/modules/media/media.service.ts";
import { mediaSettingsFromConfig } from "../../src/modules/media/media.setup.ts";
import { FileMediaStore } from "../../src/modules/media/media.store.ts";
import type {
  ImportCacheInvalidation,
  WordpressImportServices,
} from "../../src/modules/wordpress-import/wordpress-import.service.ts";

const IMPORT_TIME = new Date("2026-12-01T08:00:00Z");

/** The importer's collaborators on a test database: a fixed clock, files under `mediaDir`. */
export const wordpressImportServices = (options: {
  db: Database;
  mediaDir: string;
  secret: string;
  cache: ImportCacheInvalidation;
}): WordpressImportServices => ({
  db: options.db,
  now: () => IMPORT_TIME,
  secret: options.secret,
  media: {
    db: options.db,
    store: new FileMediaStore(options.mediaDir),
    now: () => IMPORT_TIME,
    media: { ...mediaSettingsFromConfig(defaults), allowPrivateAddresses: true },
    renditions: new RenditionCache(),
  },
  cache: options.cache,
});

/** Row counts of everything an import writes. */
export async function importedRowCounts(db: Database): Promise<Record<string, number>> {
  const tables = {
    articles,
    authors,
    tags,
    comments,
    quotes,
    sources,
    images,
    redirects,
    wordpressItems,
    articleImages,
  };
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) {
    const [row] = await db.select({ n: count() }).from(table);
    counts[name] = row?.n ?? 0;
  }
  return counts;
}
