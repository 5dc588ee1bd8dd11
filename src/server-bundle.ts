// The server as one bundle of its modules and their packages (scripts/bundle-server.ts builds it
// at install). A later start then reads a few large files instead of resolving some 1,500 modules
// one by one: about 0.5 s of a 1.9 s start. A bundle is made for one exact set of sources, named by
// their key; a start whose sources changed since runs from the sources, as always. The launcher
// (src/server.ts) and the bundler (scripts/bundle-server.ts) both read this.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = fileURLToPath(new URL("..", import.meta.url));

/** Beside the PGlite templates, so a clean install starts afresh. */
export const defaultBundleCacheDir = join(projectRoot, "node_modules", ".cache", "lede", "server");

/** The bundle's entry, inside its directory. */
export const bundleEntryName = "server-main.js";

/**
 * A key for what a bundle is made of: every file under src/ (path, size, modification time), the
 * bundler script, and the installed packages (npm rewrites node_modules/.package-lock.json on every
 * install, and the postinstall patches run before the bundle is built). Stats, not contents: a
 * few milliseconds for the whole tree.
 */
export function bundleSourceKey(root = projectRoot): string {
  const hash = createHash("sha256");
  const add = (path: string) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    hash.update(`${path}\0${stat ? `${stat.size}:${stat.mtimeMs}` : "absent"}\n`);
  };
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else add(path);
    }
  };
  walk(join(root, "src"));
  add(join(root, "scripts", "bundle-server.ts"));
  add(join(root, "package.json"));
  add(join(root, "node_modules", ".package-lock.json"));
  return hash.update(process.version).digest("hex").slice(0, 24);
}

/** The entry of the bundle made from the sources as they are now, or null when there is none. */
export function currentBundleEntry(cacheDir = defaultBundleCacheDir, key = bundleSourceKey()): string | null {
  const entry = join(cacheDir, key, bundleEntryName);
  return existsSync(entry) ? entry : null;
}
