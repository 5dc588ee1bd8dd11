// The demo template made at install (scripts/prepare-demo-template.ts): the first start of a new
// install then copies it, as any new data directory does (test/pglite-template.test.ts).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prepareDemoTemplate } from "../scripts/prepare-demo-template.ts";
import { loadConfig } from "../src/config.ts";
import { demoTemplate } from "../src/db/pglite-template.ts";
import { driver } from "./setup/app.ts";

// initdb, the migrations and the seed in WebAssembly: seconds, more on a busy machine.
const SLOW = 120_000;

describe.skipIf(driver !== "pglite")("the demo template made at install", () => {
  const cacheDir = mkdtempSync(join(tmpdir(), "lede-install-template-"));
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

  it(
    "is made once for the current sources, and not at all where there is no demo",
    async () => {
      expect(await prepareDemoTemplate({}, cacheDir)).toContain(
        "saved as the template of new data directories",
      );
      const key = demoTemplate(loadConfig({}))?.key as string;
      expect(existsSync(join(cacheDir, key, "PG_VERSION"))).toBe(true);
      expect(await prepareDemoTemplate({}, cacheDir)).toBe("the demo template is ready already");

      expect(await prepareDemoTemplate({ DATABASE_URL: "postgres://nowhere.invalid/lede" }, cacheDir)).toBe(
        "no demo template in this configuration",
      );
      expect(await prepareDemoTemplate({ LEDE_SEED_DEMO: "false" }, cacheDir)).toBe(
        "no demo template in this configuration",
      );
    },
    SLOW,
  );
});
