import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// The same suite runs on embedded PGlite, and again on a real PostgreSQL server when
// TEST_DATABASE_URL is set (as .ci/run does).
const shared = {
  include: ["test/**/*.test.ts"],
  globalSetup: ["test/setup/global.ts"],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

// graphql 17 ships a separate build under the "development" condition, which Vite adds by default;
// Node (and so every dependency that imports graphql) never picks it. Resolving the same way as
// Node keeps one graphql instance in the process.
const nodeConditions = ["module-sync", "node", "import", "default"];

export default defineConfig({
  resolve: { conditions: nodeConditions },
  ssr: { resolve: { conditions: nodeConditions, externalConditions: nodeConditions } },
  test: {
    // Vitest's default is one worker fewer than the cores: one on CI's 2. The suite spends much of
    // its time waiting (on PostgreSQL, child servers, timers), so two workers there keep both cores
    // busy: the whole suite on both drivers went from 10 min 26 s to about 8 min on an idle 2-core machine.
    // Files that share Redis keep apart by their own channels (test/setup/names.ts, testChannels).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      // One project after the other (groupOrder): a file and its twin in the other project use the
      // same Redis keys for the same demo content, and must not run at once.
      {
        extends: true,
        test: { ...shared, name: "pglite", env: { LEDE_TEST_DRIVER: "pglite" }, sequence: { groupOrder: 0 } },
      },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              extends: true,
              test: {
                ...shared,
                name: "postgres",
                env: { LEDE_TEST_DRIVER: "postgres" },
                sequence: { groupOrder: 1 },
              },
            },
          ]
        : []),
    ],
  },
});
