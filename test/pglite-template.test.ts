// A new embedded data directory starts as a copy of a template saved by the first one (fast start,
// src/db/pglite-template.ts): the same database, only when its key matches, and never a damaged one.
// Embedded only, so they run once: in the PGlite project.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../src/db/client.ts";
import { migrationsFolder } from "../src/db/migrate.ts";
import {
  type PgliteTemplate,
  restoreTemplate,
  templateInputs,
  templateKey,
} from "../src/db/pglite-template.ts";
import { prepareDatabase } from "../src/db/setup.ts";
import { FileMediaStore } from "../src/modules/media/media.store.ts";
import { driver } from "./setup/app.ts";

// Each made from nothing runs initdb in WebAssembly: seconds, more on a busy machine.
const SLOW = 120_000;

async function contentOf(handle: DatabaseHandle) {
  const result = await handle.db.execute<{ articles: number; comments: number; migrations: number }>(sql`
    select (select count(*)::int from articles) as articles,
           (select count(*)::int from comments) as comments,
           (select count(*)::int from drizzle.__drizzle_migrations) as migrations`);
  return (result as unknown as { rows: unknown[] }).rows[0];
}

describe.skipIf(driver !== "pglite")("new embedded data directories from a template", () => {
  let work: string;
  let template: PgliteTemplate;
  let madeFromNothing: unknown;

  /** Opens and prepares a server's database in `dataDir`, as server-main.ts does. */
  async function start(dataDir: string) {
    const handle = await openDatabase({ dataDir, template, holder: "a template test" });
    const notes = await prepareDatabase(handle, {
      seedDemo: true,
      mediaStore: new FileMediaStore(join(dataDir, "media")),
      saveTemplate: { template, dataDir },
    });
    return { handle, notes };
  }

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "lede-template-"));
    template = { cacheDir: join(work, "cache"), key: templateKey(templateInputs) };
    const { handle, notes } = await start(join(work, "first"));
    expect(handle.origin).toBe("initdb");
    expect(notes).toContain("saved as the template of new data directories");
    madeFromNothing = await contentOf(handle);
    await handle.close();
  }, SLOW);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it(
    "starts the next new directory from it: the same content and covers, nothing made again",
    async () => {
      const dataDir = join(work, "second");
      const { handle, notes } = await start(dataDir);
      try {
        expect(handle.origin).toBe("template");
        expect(notes).toEqual(["started from the template of new data directories"]);
        expect(await contentOf(handle)).toEqual(madeFromNothing);
        // The covers came with it, and none of the first directory's own files (its lock, its mail).
        expect(readdirSync(join(dataDir, "media")).length).toBeGreaterThan(0);
        expect(readdirSync(join(template.cacheDir, template.key))).not.toContain("lede.lock");
        // Writes go to the copy, never to the template.
        await handle.db.execute(sql`delete from comments`);
      } finally {
        await handle.close();
      }
      const again = await start(join(work, "third"));
      expect(again.handle.origin).toBe("template");
      expect(await contentOf(again.handle)).toEqual(madeFromNothing);
      await again.handle.close();
    },
    SLOW,
  );

  it("keys it by the migrations: one more migration, and the saved template is not used", async () => {
    const migrations = join(work, "migrations");
    cpSync(migrationsFolder, migrations, { recursive: true });
    const inputs = { ...templateInputs, migrationsFolder: migrations };
    expect(templateKey(inputs)).toBe(template.key);
    mkdirSync(join(migrations, "99999999999999_later"));
    writeFileSync(join(migrations, "99999999999999_later", "migration.sql"), "select 1;");
    const later = templateKey(inputs);
    expect(later).not.toBe(template.key);
    const dataDir = mkdtempSync(join(work, "later-"));
    expect(await restoreTemplate({ ...template, key: later }, dataDir)).toBeNull();
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it("keys it by the seed and the installed packages too", () => {
    const seedFile = join(work, "seed.ts");
    writeFileSync(seedFile, "one seed");
    const withSeed = (files: string[]) => templateKey({ migrationsFolder, files });
    const before = withSeed([seedFile]);
    writeFileSync(seedFile, "another seed");
    expect(withSeed([seedFile])).not.toBe(before);
    expect(templateInputs.files.some((file) => file.endsWith("package-lock.json"))).toBe(true);
  });

  it("never copies a template with a truncated file or an unreadable manifest, and deletes it", async () => {
    const cache = join(work, "truncated-cache");
    cpSync(template.cacheDir, cache, { recursive: true });
    const damaged = { cacheDir: cache, key: template.key };
    truncateSync(join(cache, template.key, "global", "pg_control"), 100);
    const dataDir = mkdtempSync(join(work, "truncated-"));
    expect(await restoreTemplate(damaged, dataDir)).toBeNull();
    expect(readdirSync(dataDir)).toEqual([]);
    expect(existsSync(join(cache, template.key))).toBe(false);
    // An unreadable manifest the same.
    cpSync(template.cacheDir, cache, { recursive: true });
    writeFileSync(join(cache, template.key, "lede-template.json"), "{");
    expect(await restoreTemplate(damaged, dataDir)).toBeNull();
    expect(readdirSync(dataDir)).toEqual([]);
    expect(existsSync(join(cache, template.key))).toBe(false);
  });

  it(
    "makes the directory from nothing when the template does not open, and replaces the template",
    async () => {
      const cache = join(work, "corrupt-cache");
      cpSync(template.cacheDir, cache, { recursive: true });
      // Same sizes, garbage bytes: only opening it tells.
      const control = join(cache, template.key, "global", "pg_control");
      writeFileSync(control, Buffer.alloc(statSync(control).size, 0x5a));
      const corrupt = { cacheDir: cache, key: template.key };
      const dataDir = join(work, "from-corrupt");
      const handle = await openDatabase({ dataDir, template: corrupt, holder: "a template test" });
      try {
        expect(handle.origin).toBe("initdb");
        const notes = await prepareDatabase(handle, {
          seedDemo: true,
          mediaStore: new FileMediaStore(join(dataDir, "media")),
          saveTemplate: { template: corrupt, dataDir },
        });
        expect(notes).toContain("saved as the template of new data directories");
        expect(await contentOf(handle)).toEqual(madeFromNothing);
      } finally {
        await handle.close();
      }
    },
    SLOW,
  );

  it(
    "is not used by a directory that holds a database already",
    async () => {
      const dataDir = join(work, "second");
      const handle = await openDatabase({ dataDir, template, holder: "a template test" });
      try {
        expect(handle.origin).toBe("existing");
        // The comments deleted above are still deleted: nothing was copied over the database.
        expect(await contentOf(handle)).toMatchObject({ comments: 0 });
      } finally {
        await handle.close();
      }
    },
    SLOW,
  );
});
