// Bundles the server (src/server-main.ts and the packages it imports) for faster later starts; see
// src/server-bundle.ts. Run at install (postinstall) and by a start that found no bundle for its
// sources. Never fails an install: without a bundle the server runs from its sources.
//
//   node scripts/bundle-server.ts [--out DIR]     DIR defaults to node_modules/.cache/lede/server
import { randomUUID } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Plugin } from "esbuild";
import { bundleSourceKey, defaultBundleCacheDir, projectRoot } from "../src/server-bundle.ts";

/**
 * Packages left to Node: native or WebAssembly code found beside their files (PGlite, sharp), code
 * loaded only for an optional feature (S3, Redis, SMTP, OpenTelemetry), and pino, whose transports
 * start workers from its own directory. None of them imports a bundled package, so no package is
 * loaded twice (two copies of graphql would refuse each other's schema).
 */
const external = [
  "@electric-sql/pglite",
  "@electric-sql/pglite/*",
  "sharp",
  "@aws-sdk/*",
  "@opentelemetry/*",
  "ioredis",
  "nodemailer",
  "pino",
  "thread-stream",
];

const KEPT_OLDER_BUNDLES = 2;

/**
 * Each bundle names the checkout it was made from. Checkouts can share one cache: the bench runs
 * lede from a snapshot whose node_modules is a link to the project's, and before this the bundles
 * of three bench runs pushed the project's own out of the cache, so `npm start` ran from its
 * sources (0.1–0.2 s slower on PGlite, 0.6–1 s on PostgreSQL) until a start had made it again.
 */
const ROOT_FILE = "source-root";

/** Our modules find files beside themselves (migrations, templates): keep their own URLs. */
const ownFileUrls: Plugin = {
  name: "own-file-urls",
  setup(build) {
    build.onLoad({ filter: /[/\\]src[/\\].*\.(ts|js)$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      if (!source.includes("import.meta.url")) return undefined;
      return {
        contents: source.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)),
        loader: args.path.endsWith(".ts") ? "ts" : "js",
      };
    });
  },
};

export async function bundleServer(cacheDir = defaultBundleCacheDir): Promise<string> {
  const key = bundleSourceKey();
  const { build } = await import("esbuild");
  mkdirSync(cacheDir, { recursive: true });
  const draft = join(cacheDir, `.draft-${randomUUID()}`);
  try {
    await build({
      entryPoints: [join(projectRoot, "src", "server-main.ts")],
      outdir: draft,
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      // The Node the project pins (its `node` devDependency): no syntax is rewritten for an older one.
      target: "node24",
      external,
      plugins: [ownFileUrls],
      // Bundled CommonJS packages call require() for Node's own modules and the external packages.
      banner: {
        js: 'import { createRequire as __ledeRequire } from "node:module"; const require = __ledeRequire(import.meta.url);',
      },
      logLevel: "error",
    });
    writeFileSync(join(draft, ROOT_FILE), projectRoot);
    // The chunks are ES modules. Under node_modules Node finds no package scope that says so, and
    // would then try each one as CommonJS first (about 25 ms of every start).
    writeFileSync(join(draft, "package.json"), `${JSON.stringify({ type: "module" })}\n`);
    try {
      renameSync(draft, join(cacheDir, key));
    } catch {
      // Another process made the same bundle meanwhile.
    }
  } finally {
    rmSync(draft, { recursive: true, force: true });
  }
  pruneOlderBundles(cacheDir, key);
  return join(cacheDir, key);
}

/**
 * Bundles of this checkout's older sources: a server still running from one may yet load one of
 * its lazy chunks, so the two newest stay; the rest are never read again. Another checkout's
 * bundles stay while that checkout exists. (A bundle made before bundles named their checkout
 * counts as this one's.)
 */
export function pruneOlderBundles(cacheDir: string, key: string, root = projectRoot): void {
  const rootOf = (dir: string) => {
    try {
      return readFileSync(join(dir, ROOT_FILE), "utf8");
    } catch {
      return root;
    }
  };
  const bundles = readdirSync(cacheDir)
    .filter((name) => name !== key && !name.startsWith(".draft-"))
    .map((name) => ({ path: join(cacheDir, name), root: rootOf(join(cacheDir, name)) }));
  const gone = bundles.filter((bundle) => !existsSync(bundle.root));
  const older = bundles
    .filter((bundle) => bundle.root === root)
    .map(({ path }) => ({ path, mtime: statSync(path).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime)
    .slice(KEPT_OLDER_BUNDLES);
  for (const { path } of [...gone, ...older]) rmSync(path, { recursive: true, force: true });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const outIndex = process.argv.indexOf("--out");
  const started = performance.now();
  try {
    const dir = await bundleServer(outIndex > 0 ? process.argv[outIndex + 1] : undefined);
    if (!process.argv.includes("--quiet"))
      console.log(`lede: server bundled in ${Math.round(performance.now() - started)} ms (${dir})`);
  } catch (error) {
    console.warn(
      `lede: the server was not bundled; it will start from its sources (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}
