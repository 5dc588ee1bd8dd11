// What one run has started (servers, proxies, nginx's directory) and the step it is at, so that
// any failure, timeout or Ctrl-C stops everything.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dropDatabase } from "../data/database.ts";
import type { CountingProxy } from "../proxy.ts";
import type { RunningServer } from "../servers/servers.ts";
import { adminUrl, args, dbName, timeoutSeconds } from "./options.ts";

// Everything started is tracked so that any failure, timeout or Ctrl-C stops it.
export const running = new Set<RunningServer>();
export const proxies = new Set<CountingProxy>();
/** The step in progress, for the messages of a failure or a timeout. */
export const progress = { step: "starting" };
export let cleaning = false;

/**
 * The directory nginx serves: a temporary one, readable by nginx's unprivileged worker, where the
 * file scenarios write lede's answers under the same paths.
 */
export const staticRoot = mkdtempSync(join(tmpdir(), "lede-bench-static-"));
chmodSync(staticRoot, 0o755);

export async function cleanup(dropDb: boolean): Promise<void> {
  if (cleaning) return;
  cleaning = true;
  await Promise.allSettled([...running].map((s) => s.stop()));
  await Promise.allSettled([...proxies].map((p) => p.close()));
  rmSync(staticRoot, { recursive: true, force: true });
  if (dropDb) await dropDatabase(adminUrl, dbName).catch(() => {});
}

/** Stops everything on a timeout (--timeout) or a signal. */
export function guardRun(): void {
  if (timeoutSeconds > 0) {
    setTimeout(() => {
      console.error(
        `bench: FAILED — the run took longer than ${timeoutSeconds} s (stuck in: ${progress.step}). ` +
          "Servers were stopped. Check that PostgreSQL is up and not overloaded, and rerun without --quick to see progress.",
      );
      cleanup(!args.keep).finally(() => process.exit(1));
    }, timeoutSeconds * 1000).unref();
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      console.error(`bench: ${signal}, stopping servers`);
      cleanup(!args.keep).finally(() => process.exit(130));
    });
  }
}
