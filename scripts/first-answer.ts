// How long lede takes from its start command to the first answered GraphQL request, on embedded
// PGlite: the figure README.md quotes. One start per call (repeat it for a median):
//
//   npm run first-answer                           a new data directory (made, then removed)
//   npm run first-answer -- --cold                 the same as on a new install: no saved template
//                                                  (node_modules/.cache/lede is deleted first)
//   npm run first-answer -- --data-dir .data2      that directory: new on the first call, later starts after
//   npm run first-answer -- -- node src/server.ts  another start command (default `npm start`)
//   ... -- node --import ./scripts/cpu-at-first-answer.mjs src/server.ts
//                                                  also the server's CPU to its first answer
//
// It polls `{ __typename }` every 10 ms on a free port, prints the milliseconds, then stops the
// server with SIGTERM and waits for it to exit (the directory is then ready for the next start).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const dashes = args.indexOf("--");
const command = dashes >= 0 ? args.slice(dashes + 1) : ["npm", "start"];
const options = dashes >= 0 ? args.slice(0, dashes) : args;
const dataDirIndex = options.indexOf("--data-dir");
const givenDataDir = dataDirIndex >= 0 ? options[dataDirIndex + 1] : undefined;
const cold = options.includes("--cold");
if (
  (dataDirIndex >= 0 && !givenDataDir) ||
  command.length === 0 ||
  options.length !== (givenDataDir ? 2 : 0) + (cold ? 1 : 0)
) {
  console.error("usage: node scripts/first-answer.ts [--cold] [--data-dir DIR] [-- COMMAND ARG...]");
  process.exit(2);
}
if (cold) rmSync(join(root, "node_modules", ".cache", "lede"), { recursive: true, force: true });
const dataDir = givenDataDir ?? mkdtempSync(join(tmpdir(), "lede-first-answer-"));

const port = await freePort();
const { DATABASE_URL: _unused, ...environment } = process.env;
const started = performance.now();
const server = spawn(command[0] as string, command.slice(1), {
  cwd: root,
  // Its own process group: `npm start` runs the server as a grandchild, and the stop reaches both.
  detached: true,
  stdio: ["ignore", "ignore", "inherit"],
  env: { ...environment, LEDE_DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" },
});
let exited = false;
const exit = new Promise<number | null>((resolve) =>
  server.on("exit", (code) => {
    exited = true;
    resolve(code);
  }),
);

let elapsed: number | null = null;
while (!exited && performance.now() - started < 120_000) {
  if (await answers(port)) {
    elapsed = performance.now() - started;
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 10));
}
if (!exited) process.kill(-(server.pid as number), "SIGTERM");
const code = await exit;
if (!givenDataDir) rmSync(dataDir, { recursive: true, force: true });
if (elapsed === null) {
  console.error(`no answer: the server exited (code ${code}) or took over 120 s`);
  process.exit(1);
}
console.log(`first answer in ${Math.round(elapsed)} ms (${command.join(" ")}, data in ${dataDir})`);

async function answers(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    const body = (await response.json()) as { data?: { __typename?: string } };
    return body.data?.__typename === "Query";
  } catch {
    return false; // not listening yet
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
