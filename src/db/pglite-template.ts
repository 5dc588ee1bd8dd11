// A ready embedded database to start a new data directory from. Creating one from nothing
// (PostgreSQL's initdb in WebAssembly, every migration, the demo seed, its cover images) takes
// seconds; copying the files of one made earlier takes a tenth of that. The first server start in a
// new data directory saves its freshly prepared directory here, under a key of everything that
// decides its content (the migrations, the seed and the installed packages), and later new
// directories start from a copy. A template whose key no longer matches is never used; one that
// fails to open is deleted and the directory made the slow way.
import { createHash, randomUUID } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Config } from "../config.ts";
import { LOCK_FILE } from "./data-dir-lock.ts";

export interface PgliteTemplate {
  /** The folder holding one subfolder per key (only the newest is kept). */
  cacheDir: string;
  key: string;
}

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Where templates are kept: beside the other tools' caches, so a clean install starts afresh. */
export const defaultTemplateCacheDir = join(root, "node_modules", ".cache", "lede", "pglite-templates");

/** What decides a prepared demo database's content, as files whose bytes make the key. */
export const templateInputs = {
  migrationsFolder: join(root, "drizzle"),
  files: [
    // Every package's exact version: PGlite (the files' format), sharp, marked, sanitize-html…
    join(root, "package-lock.json"),
    join(root, "src", "db", "seed.ts"),
    join(root, "src", "db", "seed-content.ts"),
    join(root, "src", "modules", "media", "media.demo.ts"),
    join(root, "src", "modules", "article", "article.content.ts"),
  ],
};

/**
 * The template a demo server's new embedded database starts from: none on PostgreSQL, nor without
 * the demo seed (a production database is made by its migrations alone, as before).
 */
export function demoTemplate(config: Config): PgliteTemplate | undefined {
  if (config.database.url || !config.seedDemo) return undefined;
  return { cacheDir: defaultTemplateCacheDir, key: templateKey(templateInputs) };
}

/** The key of a demo database made by these migrations and these files (a missing file counts too). */
export function templateKey(inputs: { migrationsFolder: string; files: readonly string[] }): string {
  const hash = createHash("sha256");
  const add = (name: string, path: string) => {
    hash.update(`${name}\0`);
    hash.update(existsSync(path) ? readFileSync(path) : "(missing)");
    hash.update("\0");
  };
  for (const path of filesUnder(inputs.migrationsFolder).sort())
    add(relative(inputs.migrationsFolder, path), path);
  for (const path of inputs.files) add(relative(root, path), path);
  return hash.digest("hex").slice(0, 32);
}

// What a data directory holds that is not the database's: this process's lock, mail written by it.
const notTemplate = new Set([LOCK_FILE, "mail", "postmaster.pid"]);
const isTemplateEntry = (name: string) => !notTemplate.has(name) && !name.startsWith(`${LOCK_FILE}.`);
const MANIFEST = "lede-template.json";
const STALE_DRAFT_MS = 3_600_000;

interface Manifest {
  key: string;
  /** Every file's size: a truncated or missing file disqualifies the template before it is copied. */
  files: Record<string, number>;
}

/**
 * Copies the template of `template.key` into `dataDir` (which holds no database), or returns null
 * when there is none, its files do not match its manifest (then it is deleted) or it cannot be read
 * whole. Returns the entries it made, for `discardRestored` when the copy then fails to open.
 */
export async function restoreTemplate(template: PgliteTemplate, dataDir: string): Promise<string[] | null> {
  const source = join(template.cacheDir, template.key);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(source, MANIFEST), "utf8")) as Manifest;
  } catch {
    // None yet; or an unreadable one, which would also keep a good one from being saved.
    if (existsSync(source)) discardTemplate(template);
    return null;
  }
  if (manifest.key !== template.key || !sameFiles(source, manifest.files)) {
    discardTemplate(template);
    return null;
  }
  let entries: string[] = [];
  try {
    entries = readdirSync(source).filter((name) => name !== MANIFEST && isTemplateEntry(name));
    await copyInWorker(source, dataDir, entries);
  } catch {
    // The template went away meanwhile (another process replaced it), or could not be read whole.
    discardRestored(dataDir, entries);
    return null;
  }
  return entries;
}

// Node's synchronous recursive copy (native) takes about half the CPU of fs.promises.cp for the
// template's thousand-odd files; run in a worker thread, it leaves the main thread free to load the
// server's modules meanwhile.
const COPY_WORKER = `
const { cpSync } = require("node:fs");
const { join } = require("node:path");
const { workerData } = require("node:worker_threads");
for (const name of workerData.entries)
  cpSync(join(workerData.source, name), join(workerData.target, name), { recursive: true });
`;

function copyInWorker(source: string, target: string, entries: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(COPY_WORKER, { eval: true, workerData: { source, target, entries } });
    worker.once("error", reject);
    worker.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`copy exited ${code}`))));
  });
}

/** Undoes `restoreTemplate`: the directory is again one without a database. */
export function discardRestored(dataDir: string, entries: readonly string[]): void {
  for (const name of entries) rmSync(join(dataDir, name), { recursive: true, force: true });
}

export function discardTemplate(template: PgliteTemplate): void {
  rmSync(join(template.cacheDir, template.key), { recursive: true, force: true });
}

/**
 * Saves `dataDir` as the template of `template.key`, replacing older keys. The caller has made the
 * database's files whole (a checkpoint) and writes nothing until this returns. Written under a
 * private name, then renamed: a template is complete or absent. Best effort: a cache that cannot
 * be written (a read-only install) only means the next new directory is made the slow way.
 */
export function saveTemplate(template: PgliteTemplate, dataDir: string): boolean {
  const draft = join(template.cacheDir, `.draft-${randomUUID()}`);
  try {
    mkdirSync(draft, { recursive: true });
    for (const name of readdirSync(dataDir).filter(isTemplateEntry)) {
      cpSync(join(dataDir, name), join(draft, name), { recursive: true });
    }
    const files: Record<string, number> = {};
    for (const path of filesUnder(draft)) files[relative(draft, path)] = statSync(path).size;
    const manifest: Manifest = { key: template.key, files };
    writeFileSync(join(draft, MANIFEST), JSON.stringify(manifest));
    for (const name of readdirSync(template.cacheDir)) {
      const path = join(template.cacheDir, name);
      // Older keys go, and drafts a process left when it died (another's may be in progress).
      const modified = statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0;
      const old = !name.startsWith(".draft-") || Date.now() - modified > STALE_DRAFT_MS;
      if (name !== template.key && path !== draft && old) rmSync(path, { recursive: true, force: true });
    }
    renameSync(draft, join(template.cacheDir, template.key));
    return true;
  } catch {
    // A process that saved the same key first wins (the rename finds its folder there).
    rmSync(draft, { recursive: true, force: true });
    return false;
  }
}

function sameFiles(dir: string, expected: Record<string, number>): boolean {
  for (const [path, size] of Object.entries(expected)) {
    try {
      if (statSync(join(dir, path)).size !== size) return false;
    } catch {
      return false;
    }
  }
  return Object.keys(expected).length > 0;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
