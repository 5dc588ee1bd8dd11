// Three processes started at once on a fresh, empty database (not even migrated), as an
// orchestrator starts replicas: each must become ready, and the demo must be seeded exactly once.
import { seedArticles, seedAuthors } from "../../../src/db/seed-content.ts";
import { dropDatabase } from "../data/database.ts";
import { log } from "../progress.ts";
import {
  type ClusterOptions,
  countRows,
  createDatabase,
  flushRedis,
  startCluster,
  stopCluster,
} from "./cluster.ts";

export interface StartTry {
  ready: number;
  /** Processes that exited or timed out before they were ready: their exit code, or "timeout". */
  notReady: (number | string)[];
  articles: number;
  authors: number;
  seededOnce: boolean;
  stopCodes: (number | string)[];
  seconds: number;
}

export interface StartRaceResult {
  tries: StartTry[];
  /** Articles and authors the demo seed writes. */
  seed: { articles: number; authors: number };
  failures: string[];
}

export async function runStartRace(cluster: ClusterOptions, tries: number): Promise<StartRaceResult> {
  const results: StartTry[] = [];
  const failures: string[] = [];
  for (let i = 1; i <= tries; i++) {
    const options = { ...cluster, database: `${cluster.database}_start${i}` };
    await createDatabase(options.adminUrl, options.database);
    await flushRedis(options.redisUrl);
    const started = performance.now();
    const { servers, outcomes } = await startCluster(options);
    const seconds = (performance.now() - started) / 1000;
    const rows = await countRows(options.adminUrl, options.database);
    const stopCodes = await stopCluster(servers);
    const notReady = outcomes.flatMap((o) => (o.ready ? [] : [o.exit ?? "timeout"]));
    const seededOnce = rows.articles === seedArticles.length && rows.authors === seedAuthors.length;
    const ready = outcomes.length - notReady.length;
    results.push({
      ready,
      notReady,
      articles: rows.articles,
      authors: rows.authors,
      seededOnce,
      stopCodes,
      seconds,
    });
    log(
      `  start ${i}/${tries}: ${ready}/3 ready in ${seconds.toFixed(1)} s, ${rows.articles} articles, exit codes ${stopCodes.join(" ")}`,
    );
    servers.forEach((server, k) => {
      if (!outcomes[k]?.ready || stopCodes[k] !== 0) {
        failures.push(
          `start ${i}, process ${k + 1}: ${outcomes[k]?.ready ? "ready" : `not ready (${notReady.join(", ")})`}, exit ${stopCodes[k]}; its last lines:\n${server.output()}`,
        );
      }
    });
    if (!seededOnce) {
      failures.push(
        `start ${i}: ${rows.articles} articles and ${rows.authors} authors, the seed writes ${seedArticles.length} and ${seedAuthors.length}`,
      );
    }
    await dropDatabase(options.adminUrl, options.database);
  }
  return { tries: results, seed: { articles: seedArticles.length, authors: seedAuthors.length }, failures };
}
