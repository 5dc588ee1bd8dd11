// Adapts graphql-jit 0.8.9 to graphql 17 after `npm install` (the package.json postinstall script).
// graphql-jit hands resolvers `info.variableValues` as the plain object of coerced variables, the
// graphql 16 shape; graphql 17's getArgumentValues (which Pothos' complexity plugin and lede's
// lookahead call with `info.variableValues`) reads `variableValues.coerced`. The repair gives the
// coerced object a non-enumerable `coerced` property that is the object itself, so it serves both
// shapes. A document declaring a variable named `$coerced` is not compiled
// (src/graphql/plugins/compiled-execution.ts). Idempotent; another version is left alone, with a
// warning.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "node_modules", "graphql-jit");
const MARKER = "/* lede: graphql 17 variable values */";
const PATCHED_VERSION = "0.8.9";
const BEFORE = "        variables: parsedVariables.coerced,\n";
const AFTER = `        variables: ${MARKER} Object.defineProperty(parsedVariables.coerced, "coerced", { value: parsedVariables.coerced }),\n`;

if (!existsSync(join(root, "package.json"))) process.exit(0);
const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
if (version !== PATCHED_VERSION) {
  console.warn(
    `scripts/patch-graphql-jit.mjs: graphql-jit is ${version}, not ${PATCHED_VERSION}; not patched (check whether it still needs to be)`,
  );
  process.exit(0);
}
// dist/index.mjs imports ./execution.js, so both builds are repaired.
for (const file of ["dist/execution.js", "dist/execution.mjs"]) {
  const path = join(root, file);
  const source = readFileSync(path, "utf8");
  if (source.includes(MARKER)) continue;
  // Two places: queries and mutations, and subscriptions.
  if (source.split(BEFORE).length !== 3) {
    console.error(
      `scripts/patch-graphql-jit.mjs: ${file} is not the expected graphql-jit ${PATCHED_VERSION} source`,
    );
    process.exit(1);
  }
  writeFileSync(path, source.replaceAll(BEFORE, AFTER));
}
