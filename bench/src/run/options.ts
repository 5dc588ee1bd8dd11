// The run's options, from the command line, parsed and checked once (`--help` prints them).
import { parseArgs } from "node:util";
import { databaseUrl, type LoadMode } from "../data/database.ts";
import { sizes } from "../data/sizes.ts";
import { log } from "../progress.ts";
import { scenarios as allScenarios } from "../scenarios/index.ts";
import {
  fileServers,
  isFileScenario,
  knownServers,
  type Scenario,
  type ServerName,
  serverNames,
} from "../scenarios/types.ts";
import { benchRoot, findNginx, nginxInstallHint } from "../servers/servers.ts";

export const usage = `usage: npm run bench -- [options]

  --size quick|small|large   data size (default small)
  --quick                    CI mode: quick data, 1 round of 2 s, bounded to 5 minutes
  --reuse                    reuse lede_bench_<size> if it exists and holds this size's data
  --keep                     keep the database afterwards (default: drop it)
  --rounds N                 interleaved rounds per server and scenario (default 3)
  --duration S               seconds per measured run (default 10)
  --warmup S                 seconds of warm-up before each saturation run (default 2)
  --connections N            autocannon connections (default 32)
  --pool N                   database pool size of every server (default 10)
  --servers a,b              subset of lede,lede-cached,postgraphile,raw,nginx (default: all;
                             lede-cached, lede with its response cache on, runs only Q1;
                             nginx, Debian's package, runs only Q6, and is skipped if missing)
  --scenarios q1,q3          subset of the registered scenarios (q1-q6; default all)
  --load-mode rebuild|indexed  drop indexes and foreign keys while loading (default) or keep them
  --cpu-prof                 afterwards, profile lede under saturation and name its top costs
  --out DIR                  where results go (default bench/results; --quick: bench/.work/results)
  --database NAME            the bench database's name (default lede_bench_<size>)
  --without-peer-indexes     the pre-issue-10 setup: no index for PostGraphile's front-page order
                             (only a smart tag), to show what the plan check catches; fails the run
  --timeout S                abort the whole run after S seconds (default: none; --quick: 300)

Environment: DATABASE_URL, the admin connection (default postgres://postgres@127.0.0.1:5432/postgres).`;

export const { values: args } = parseArgs({
  options: {
    size: { type: "string" },
    quick: { type: "boolean", default: false },
    reuse: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    rounds: { type: "string" },
    duration: { type: "string" },
    warmup: { type: "string" },
    connections: { type: "string" },
    pool: { type: "string" },
    servers: { type: "string" },
    scenarios: { type: "string" },
    "load-mode": { type: "string" },
    "cpu-prof": { type: "boolean", default: false },
    out: { type: "string" },
    timeout: { type: "string" },
    database: { type: "string" },
    "without-peer-indexes": { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
  strict: true,
});
if (args.help) {
  console.log(usage);
  process.exit(0);
}

export const quick = args.quick === true;
export const num = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) fail(`--${name} must be a positive number, got ${value}`);
  return parsed;
};
export function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(2);
}

export const size =
  sizes[args.size ?? (quick ? "quick" : "small")] ??
  fail(`unknown --size ${args.size} (quick, small or large)`);
export const settings = {
  rounds: num(args.rounds, quick ? 1 : 3, "rounds"),
  durationSeconds: num(args.duration, quick ? 2 : 10, "duration"),
  warmupSeconds: num(args.warmup, quick ? 0.5 : 2, "warmup"),
  connections: num(args.connections, 32, "connections"),
  poolSize: num(args.pool, 10, "pool"),
};
export const servers = (args.servers?.split(",") ?? [...serverNames]) as ServerName[];
for (const s of servers)
  if (!knownServers.includes(s)) fail(`unknown server ${s} (${knownServers.join(", ")})`);
export const selected: Scenario[] = args.scenarios
  ? args.scenarios
      .split(",")
      .map((id) => allScenarios.find((s) => s.id === id) ?? fail(`unknown scenario ${id}`))
  : allScenarios;
// Results keep the registry's order; the runs take the reading scenarios first and the writing
// ones last (in the gate, and within every round), so that no gate compares data another
// scenario has just changed. The writing scenarios also keep off what the others read (Q3).
export const scenarios = allScenarios.filter((s) => selected.includes(s));
export const runOrder = [...scenarios.filter((s) => !s.mutates), ...scenarios.filter((s) => s.mutates)];
/**
 * Peers that cannot run on this machine, and why: skipped with a line, "n/a" in the table. nginx
 * comes from Debian's package, which neither the bench nor CI installs.
 */
export const missingPeers: Partial<Record<ServerName, string>> = {};
if (servers.includes("nginx") && scenarios.some(isFileScenario) && !findNginx()) {
  missingPeers.nginx = `nginx is not installed (${nginxInstallHint})`;
  log(`nginx: not installed, so Q6 runs on lede alone (${nginxInstallHint})`);
}
/** Why a server does not run a scenario: the scenario's own reasons, and the missing peers it would use. */
export const unsupportedOf = (scenario: Scenario): Partial<Record<ServerName, string>> => ({
  ...scenario.unsupported,
  ...(isFileScenario(scenario) && missingPeers),
});
/**
 * The selected servers that run a scenario: not those it does not support; lede-cached only for
 * cache hits; lede and nginx only for a file.
 */
export const serversOf = (scenario: Scenario): ServerName[] =>
  servers.filter(
    (name) =>
      !unsupportedOf(scenario)[name] &&
      (isFileScenario(scenario)
        ? fileServers.includes(name)
        : name !== "nginx" &&
          (name !== "postgraphile" || scenario.postgraphile !== undefined) &&
          (name !== "lede-cached" || scenario.cacheHits === true)),
  );
/** The servers started at all: those that run at least one selected scenario. */
export const activeServers = servers.filter((name) => scenarios.some((s) => serversOf(s).includes(name)));
export const loadMode = (args["load-mode"] ?? "rebuild") as LoadMode;
if (loadMode !== "rebuild" && loadMode !== "indexed") fail("--load-mode is rebuild or indexed");
export const outDir = args.out ?? `${benchRoot}${quick ? ".work/results" : "results"}`;
export const timeoutSeconds = args.timeout ? num(args.timeout, 0, "timeout") : quick ? 300 : 0;
export const adminUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
export const dbName = args.database ?? `lede_bench_${size.name}`;
if (!/^[a-z_][a-z0-9_]*$/.test(dbName)) fail(`--database must be a plain lower-case name, got ${dbName}`);
export const fairIndexes = !args["without-peer-indexes"];
export const url = databaseUrl(adminUrl, dbName);
export const gateInputs = quick ? 5 : 25;
export const countRequests = quick ? 5 : 20;
