// Runs once per project before any test file: builds the database every test file clones, migrated
// and seeded with the demo content. PGlite: a data directory dump in a temporary file. PostgreSQL:
// a template database beside TEST_DATABASE_URL's.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/db/client.ts";
import type { PgliteThread } from "../../src/db/pglite-thread.ts";
import { prepareDatabase } from "../../src/db/setup.ts";
import { storeDemoImages } from "../../src/modules/media/media.demo.ts";
import { FileMediaStore } from "../../src/modules/media/media.store.ts";
import { databaseUrl, templateDatabaseName } from "./names.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
    /** A media directory holding the demo covers' originals; each test app starts from a copy. */
    mediaTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const mediaDir = mkdtempSync(join(tmpdir(), "lede-test-media-"));
  await storeDemoImages(new FileMediaStore(mediaDir));
  project.provide("mediaTemplate", mediaDir);
  const removeMedia = () => rmSync(mediaDir, { recursive: true, force: true });
  if (process.env.LEDE_TEST_DRIVER === "postgres" || project.name === "postgres") {
    const serverUrl = process.env.TEST_DATABASE_URL as string;
    const template = templateDatabaseName(serverUrl);
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${template}" with (force)`);
    await admin.unsafe(`create database "${template}"`);
    const handle = await openDatabase({ url: databaseUrl(serverUrl, template) });
    await prepareDatabase(handle, { seedDemo: true });
    await handle.close();
    project.provide("postgresTemplate", template);
    return async () => {
      await admin.unsafe(`drop database if exists "${template}" with (force)`);
      await admin.end();
      removeMedia();
    };
  }

  const dir = mkdtempSync(join(tmpdir(), "lede-test-"));
  const handle = await openDatabase({});
  await prepareDatabase(handle, { seedDemo: true });
  const dump = await (handle.db as unknown as { $client: PgliteThread }).$client.dumpDataDir();
  const file = join(dir, "template.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide("pgliteTemplate", file);
  return () => {
    rmSync(dir, { recursive: true, force: true });
    removeMedia();
  };
}
