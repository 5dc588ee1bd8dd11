// What a start loads before its first answer: only the driver in use, and none of the libraries
// that wait for their first use (src/server-main.ts; README: How it starts).
import { expect, test } from "vitest";
import { runNodeScript } from "./setup/cli.ts";

// A process of its own that migrates a new in-memory database: seconds on a busy machine.
test("an embedded start loads neither postgres.js, sharp, nodemailer, the article renderer nor graphql-jit", {
  timeout: 120_000,
}, async () => {
  const result = await runNodeScript("test/fixtures/start-modules.ts", [], {});
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  const packages = new Set(
    result.stdout
      .split("\n")
      .map((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1])
      .filter((name) => name !== undefined),
  );
  expect(packages).toContain("@electric-sql/pglite");
  expect(packages).toContain("graphql-yoga");
  // The renderer (marked, sanitize-html) waits for the first write, graphql-jit for the first
  // operation to compile.
  for (const unused of ["postgres", "sharp", "nodemailer", "marked", "sanitize-html", "graphql-jit"])
    expect(packages).not.toContain(unused);
});
