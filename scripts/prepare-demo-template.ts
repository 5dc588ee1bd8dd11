// Makes the demo database's template (src/db/pglite-template.ts) at install (postinstall), so that
// the first `npm start` after `npm install` copies it instead of running initdb, the migrations and
// the seed: the first answer of a new install then comes as fast as any new data directory's.
// Skipped when the configuration has no demo template (DATABASE_URL set, production, no demo seed)
// or when the template of these sources exists already. Never fails an install: without the
// template, the first start makes the database from nothing, as before.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../src/config.ts";
import { openConfiguredDatabase } from "../src/db/client.ts";
import { demoTemplate } from "../src/db/pglite-template.ts";
import { prepareDatabase } from "../src/db/setup.ts";
import { mediaStoreFromConfig } from "../src/modules/media/media.setup.ts";

/** What it did, in words. `cacheDir` replaces the configured template cache (tests). */
export async function prepareDemoTemplate(
  env: Record<string, string | undefined>,
  cacheDir?: string,
): Promise<string> {
  const scratch = mkdtempSync(join(tmpdir(), "lede-template-"));
  try {
    const config = loadConfig({ ...env, LEDE_DATA_DIR: join(scratch, "data") });
    const configured = demoTemplate(config);
    const template = configured && cacheDir ? { ...configured, cacheDir } : configured;
    if (!template) return "no demo template in this configuration";
    if (existsSync(join(template.cacheDir, template.key))) return "the demo template is ready already";
    const handle = await openConfiguredDatabase(config, "lede's install", template);
    try {
      const notes = await prepareDatabase(handle, {
        seedDemo: config.seedDemo,
        mediaStore: await mediaStoreFromConfig(config),
        saveTemplate: { template, dataDir: config.database.dataDir },
      });
      return notes.join("; ");
    } finally {
      await handle.close();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const started = performance.now();
  try {
    const outcome = await prepareDemoTemplate(process.env);
    console.log(`lede: ${outcome} (${Math.round(performance.now() - started)} ms)`);
  } catch (error) {
    console.warn(
      `lede: the demo template was not made; the first start makes its database instead (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}
