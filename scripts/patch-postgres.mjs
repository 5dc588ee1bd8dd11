// Repairs postgres.js 3.4.9 after `npm install` (the package.json postinstall script), until a
// release carries the fix. Two defects of its write scheduler, both met when PostgreSQL restarts
// under load (test/faults.test.ts):
//  - a deferred write can run after the connection closed and call write() on a null socket: an
//    uncaught TypeError that ends the process (porsager/postgres issues 1066, 1154, 1208);
//  - closing a connection cancels its deferred write without forgetting it, so that connection
//    never writes again, its reconnects time out forever (LanternOps/breeze issue 3225).
// The repair: forget the cancelled write on close, and settle a write on a closed connection as
// CONNECTION_CLOSED. Idempotent; another version of postgres is left alone, with a warning.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "node_modules", "postgres");
const MARKER = "/* lede: repaired write scheduler */";
const PATCHED_VERSION = "3.4.9";

const repairs = [
  [
    "  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)",
    `  function nextWrite(fn) { ${MARKER}\n    if (!socket) {\n      chunk = nextWriteTimer = null\n      error(Errors.connection('CONNECTION_CLOSED', options))\n      return false\n    }\n    const x = socket.write(chunk, fn)`,
  ],
  [
    "    clearImmediate(nextWriteTimer)\n    if (socket) {",
    "    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    if (socket) {",
  ],
  [
    "    clearImmediate(nextWriteTimer)\n    socket.removeListener('data', data)",
    "    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    socket.removeListener('data', data)",
  ],
];

if (!existsSync(join(root, "package.json"))) process.exit(0);
const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
if (version !== PATCHED_VERSION) {
  console.warn(
    `scripts/patch-postgres.mjs: postgres is ${version}, not ${PATCHED_VERSION}; not patched (check whether it still needs to be)`,
  );
  process.exit(0);
}
for (const file of ["src/connection.js", "cjs/src/connection.js", "cf/src/connection.js"]) {
  const path = join(root, file);
  if (!existsSync(path)) continue;
  let source = readFileSync(path, "utf8");
  if (source.includes(MARKER)) continue;
  for (const [before, after] of repairs) {
    if (source.split(before).length !== 2) {
      console.error(
        `scripts/patch-postgres.mjs: ${file} is not the expected postgres ${PATCHED_VERSION} source`,
      );
      process.exit(1);
    }
    source = source.replace(before, after);
  }
  writeFileSync(path, source);
}
