// The server bundle (src/server-bundle.ts, scripts/bundle-server.ts): made for one exact set of
// sources, and a server started from it answers as one started from its sources.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundleServer, pruneOlderBundles } from "../scripts/bundle-server.ts";
import { bundleEntryName, bundleSourceKey, currentBundleEntry, projectRoot } from "../src/server-bundle.ts";
import { driver } from "./setup/app.ts";
import { freePort } from "./setup/private-postgres.ts";
import { startServerProcess } from "./setup/server-process.ts";

const temporary: string[] = [];
const temporaryDir = (prefix: string, parent = tmpdir()) => {
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, prefix));
  temporary.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe("the bundle's key", () => {
  it("changes when a source file changes, appears or goes, and only then", () => {
    const root = temporaryDir("lede-bundle-key-");
    mkdirSync(join(root, "src", "db"), { recursive: true });
    writeFileSync(join(root, "src", "app.ts"), "export const a = 1;\n");
    writeFileSync(join(root, "src", "db", "client.ts"), "export const b = 2;\n");
    const first = bundleSourceKey(root);
    expect(bundleSourceKey(root)).toBe(first);

    writeFileSync(join(root, "src", "db", "client.ts"), "export const b = 3;\n");
    utimesSync(join(root, "src", "db", "client.ts"), new Date(2020, 0, 1), new Date(2020, 0, 1));
    const edited = bundleSourceKey(root);
    expect(edited).not.toBe(first);

    writeFileSync(join(root, "src", "db", "new.ts"), "");
    const added = bundleSourceKey(root);
    expect(added).not.toBe(edited);
    rmSync(join(root, "src", "db", "new.ts"));
    expect(bundleSourceKey(root)).toBe(edited);
  });
});

// Bundling takes a few seconds of CPU, and the server a few more to start.
const SLOW = 120_000;

describe.skipIf(driver !== "pglite")("a server started from its bundle", () => {
  it(
    "is found for the current sources only, and serves the demo content",
    async () => {
      // Inside the project, as the real cache is: the bundle finds its external packages upwards.
      const cacheDir = temporaryDir("bundle-test-", join(projectRoot, "node_modules", ".cache", "lede"));
      const dir = await bundleServer(cacheDir);
      const entry = join(dir, bundleEntryName);
      expect(currentBundleEntry(cacheDir)).toBe(entry);
      expect(currentBundleEntry(cacheDir, "another-key")).toBeNull();

      const port = await freePort();
      const server = startServerProcess(
        {
          LEDE_DATA_DIR: temporaryDir("lede-bundle-data-"),
          PORT: String(port),
          HOST: "127.0.0.1",
          LEDE_DISPATCHER: "false",
        },
        entry,
      );
      try {
        await server.logs.waitFor((line) => line.msg.startsWith("lede ready"), 60_000);
        // Migrations and the template are found beside the sources, not beside the bundle.
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            query: "{ articles(first: 2) { edges { node { slug title author { name } } } } }",
          }),
        });
        const body = (await response.json()) as {
          data?: { articles: { edges: { node: { slug: string; title: string } }[] } };
          errors?: unknown;
        };
        expect(body.errors).toBeUndefined();
        expect(body.data?.articles.edges).toHaveLength(2);
        expect(server.logs.stderr()).toBe("");
      } finally {
        server.child.kill("SIGTERM");
      }
      expect(await server.exited).toBe(0);
    },
    SLOW,
  );
});

describe("older bundles", () => {
  it("keeps this checkout's two newest and every bundle of another checkout that still exists", () => {
    const cacheDir = temporaryDir("bundle-prune-");
    const otherCheckout = temporaryDir("bench-snapshot-");
    const bundle = (name: string, ageSeconds: number, root?: string) => {
      const dir = join(cacheDir, name);
      mkdirSync(dir);
      if (root) writeFileSync(join(dir, "source-root"), root);
      const at = Date.now() / 1000 - ageSeconds;
      utimesSync(dir, at, at);
    };
    bundle("current", 0, projectRoot);
    bundle("ours-1", 10, projectRoot);
    bundle("ours-2", 20, projectRoot);
    bundle("ours-3", 30, projectRoot);
    bundle("unnamed", 40);
    // The bench's snapshots: one still running, newer than all of ours; one already removed.
    bundle("snapshot-1", 1, otherCheckout);
    bundle("snapshot-2", 2, otherCheckout);
    bundle("snapshot-3", 3, otherCheckout);
    bundle("removed-snapshot", 5, join(otherCheckout, "gone"));

    pruneOlderBundles(cacheDir, "current", projectRoot);
    expect(readdirSync(cacheDir).sort()).toEqual([
      "current",
      "ours-1",
      "ours-2",
      "snapshot-1",
      "snapshot-2",
      "snapshot-3",
    ]);
  });
});
