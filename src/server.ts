// `npm start`: lede's server process. Node's compile cache keeps the compiled modules (TypeScript
// stripped, bytecode) between starts; it has to be on before they load, so the server itself is
// imported after. The server runs from its bundle when one was made for these exact sources
// (src/server-bundle.ts), and from its sources otherwise; then it has the bundle made for the
// next start, once this one has had time to settle.
import { spawn } from "node:child_process";
import { enableCompileCache } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { PgliteThread } from "./db/pglite-thread.ts";
import { currentBundleEntry } from "./server-bundle.ts";

/** Long enough for this start to be over: the bundler's CPU must not slow it. */
const BUNDLE_AFTER_MS = 20_000;

enableCompileCache();
// Embedded PGlite (no DATABASE_URL) starts warming up in its worker thread before the server's
// modules load: the two take about as long, and now overlap. Only a hint for this head start:
// src/config.ts, read later, decides which database the server uses, and an unused worker is
// dropped with the process.
if (!process.env.DATABASE_URL) PgliteThread.prewarm();
const bundle = currentBundleEntry();
if (bundle) {
  await import(pathToFileURL(bundle).href);
} else {
  await import("./server-main.ts");
  setTimeout(() => {
    const bundler = fileURLToPath(new URL("../scripts/bundle-server.ts", import.meta.url));
    spawn(process.execPath, [bundler, "--quiet"], { stdio: "ignore", detached: true }).unref();
  }, BUNDLE_AFTER_MS).unref();
}
