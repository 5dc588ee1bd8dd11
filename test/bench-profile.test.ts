// The bench's profile summary (bench/src/profile.ts): lede runs from its bundle, and each bundled
// frame must still be counted under the package or lede folder it came from.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, expect, it } from "vitest";
import { summariseProfile } from "../bench/src/profile.ts";

const work = mkdtempSync(join(tmpdir(), "lede-profile-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it("counts a bundled frame under the module esbuild marked above it, and others by their file", () => {
  const bundleDir = join(work, "node_modules", ".cache", "lede", "server", "abc123");
  mkdirSync(bundleDir, { recursive: true });
  const chunk = join(bundleDir, "chunk-X.js");
  writeFileSync(
    chunk,
    [
      'import "./chunk-Y.js";', // 0
      "// ../../node_modules/graphql/execution/execute.js", // 1
      "function execute() {}", // 2
      "function executeField() {}", // 3
      "// src/graphql/loaders.ts", // 4
      "function load() {}", // 5
    ].join("\n"),
  );
  const url = pathToFileURL(chunk).href;
  const frame = (id: number, functionName: string, frameUrl: string, lineNumber: number) => ({
    id,
    callFrame: { functionName, url: frameUrl, lineNumber },
  });
  const profile = {
    nodes: [
      frame(1, "(root)", "", -1),
      frame(2, "execute", url, 2),
      frame(3, "executeField", url, 3),
      frame(4, "load", url, 5),
      frame(5, "writev", "", -1),
      frame(6, "parse", "file:///work/main/node_modules/postgres/src/types.js", 10),
    ],
    samples: [2, 3, 3, 4, 5, 6, 2, 3],
    timeDeltas: [100, 100, 100, 100, 100, 100, 100, 100],
  };
  const file = join(work, "lede.cpuprofile");
  writeFileSync(file, JSON.stringify(profile));
  const summary = summariseProfile(file);
  const byPackage = Object.fromEntries(summary.byPackage.map((entry) => [entry.name, entry.selfPercent]));
  expect(byPackage).toEqual({ graphql: 62.5, "lede src/graphql": 12.5, "(native)": 12.5, postgres: 12.5 });
  expect(summary.top[0]).toEqual({
    name: "executeField",
    where: "graphql/execution/execute.js (bundled)",
    selfPercent: 37.5,
  });
});
