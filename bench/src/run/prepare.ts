// Phases 0-2: the lede under test, the database, and the inputs every server is asked for.
import { execFileSync } from "node:child_process";
import postgres from "postgres";
import {
  applyBenchExtension,
  createAndLoad,
  databaseExists,
  fits,
  type LoadReport,
  readMeta,
} from "../data/database.ts";
import { log } from "../progress.ts";
import type { Results } from "../report.ts";
import { scenarios as allScenarios } from "../scenarios/index.ts";
import { isFileScenario } from "../scenarios/types.ts";
import { ledeRoot, ledeStartFlags, snapshotLede } from "../servers/servers.ts";
import { adminUrl, args, dbName, fairIndexes, loadMode, quick, scenarios, size, url } from "./options.ts";
import { progress } from "./state.ts";

/** 0. The lede under test, frozen for the whole run. */
export function freezeLede(): Results["lede"] {
  const git = (...gitArgs: string[]) => {
    try {
      return execFileSync("git", ["-C", ledeRoot, ...gitArgs], { encoding: "utf8" }).trim();
    } catch {
      return "";
    }
  };
  const ledeVersion = {
    snapshot: snapshotLede(),
    startFlags: ledeStartFlags(),
    gitHead: git("rev-parse", "--short", "HEAD"),
    uncommittedFiles: git("status", "--porcelain", "--", "src", "drizzle").split("\n").filter(Boolean).length,
  };
  log(
    `lede ${ledeVersion.gitHead}${ledeVersion.uncommittedFiles ? ` + ${ledeVersion.uncommittedFiles} uncommitted file(s)` : ""}, snapshot ${ledeVersion.snapshot}, started as \`node ${[...ledeVersion.startFlags, "src/server.ts"].join(" ")}\` (npm start)`,
  );
  return ledeVersion;
}

/** 1. The database: loaded or reused, migrated, with the bench-only SQL and each peer's indexes. */
export async function prepareDatabase(): Promise<{
  load: LoadReport | null;
  reused: boolean;
  foreignKeyIndexes: string[];
}> {
  progress.step = "preparing the database";
  try {
    let load: LoadReport | null = null;
    let reused = false;
    if (args.reuse && (await databaseExists(adminUrl, dbName)) && (await fits(url, size))) {
      reused = true;
      load = (await readMeta(url))?.load ?? null;
      log(`reusing ${dbName}${load ? ` (loaded earlier in ${load.seconds.toFixed(1)} s)` : ""}`);
    } else {
      if (args.reuse) log(`${dbName} missing or holding other data: loading it afresh`);
      load = await createAndLoad(adminUrl, dbName, size, loadMode);
    }
    const foreignKeyIndexes = await applyBenchExtension(url, fairIndexes);
    log(
      fairIndexes
        ? "peer indexes: applied (bench/README.md, Indexes)"
        : "peer indexes: LEFT OUT (--without-peer-indexes: the pre-issue-10 setup; the plan check will fail)",
    );
    if (foreignKeyIndexes.length)
      log(`  foreign keys indexed for PostGraphile: ${foreignKeyIndexes.join(", ")}`);
    return { load, reused, foreignKeyIndexes };
  } catch (error) {
    throw new Error(`could not prepare ${dbName} on ${new URL(adminUrl).host}: ${(error as Error).message}`);
  }
}

/** 2. Inputs, the same for every server; a reused database first loses what earlier runs wrote. */
export async function readInputs(
  reused: boolean,
): Promise<{ inputs: Map<string, unknown[]>; postgresVersion: string }> {
  progress.step = "reading inputs";
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    if (reused) for (const scenario of allScenarios) await scenario.mutates?.cleanup(sql);
    const inputs = new Map<string, unknown[]>();
    for (const scenario of scenarios) {
      if (isFileScenario(scenario)) await scenario.setup(sql);
      inputs.set(scenario.id, await scenario.inputs(sql, quick ? 100 : 1000));
    }
    const [row] = await sql<{ v: string }[]>`select current_setting('server_version') as v`;
    return { inputs, postgresVersion: `PostgreSQL ${row?.v ?? "?"}` };
  } finally {
    await sql.end();
  }
}
