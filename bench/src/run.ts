// `npm run bench` — lede against PostGraphile and a raw-SQL ceiling on generated data.
// See ../README.md for what each step does and how to read the results.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { canonical, diff } from "./compare.ts";
import {
  applyBenchExtension,
  createAndLoad,
  databaseExists,
  databaseUrl,
  dropDatabase,
  fits,
  type LoadMode,
  type LoadReport,
  readMeta,
} from "./data/database.ts";
import { sizes } from "./data/sizes.ts";
import { explainStatements } from "./explain.ts";
import { type LoadRequest, runLoad } from "./load.ts";
import { planRules } from "./plan-check.ts";
import {
  cpuSeconds,
  databaseBackends,
  databaseCpuBetween,
  machine,
  machineBusySeconds,
  peakRssBytes,
  processTree,
} from "./procstat.ts";
import { summariseProfile } from "./profile.ts";
import { log, n } from "./progress.ts";
import { type CapturedStatement, type CountingProxy, startProxy } from "./proxy.ts";
import {
  latestResult,
  markdown,
  median,
  type PlanReport,
  planFailures,
  planSummary,
  plansMarkdown,
  type Results,
  type ServerScenarioResult,
} from "./report.ts";
import { scenarios as allScenarios } from "./scenarios/index.ts";
import {
  type FileScenario,
  fileServers,
  type GraphqlScenario,
  isFileScenario,
  knownServers,
  type RequestBody,
  type Scenario,
  type ServerName,
  serverNames,
  type Unique,
} from "./scenarios/types.ts";
import {
  benchRoot,
  findNginx,
  ledeRoot,
  nginxInstallHint,
  type RunningServer,
  snapshotLede,
  startServer,
} from "./servers/servers.ts";

const usage = `usage: npm run bench -- [options]

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

const { values: args } = parseArgs({
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

const quick = args.quick === true;
const num = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) fail(`--${name} must be a positive number, got ${value}`);
  return parsed;
};
function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(2);
}

const size =
  sizes[args.size ?? (quick ? "quick" : "small")] ??
  fail(`unknown --size ${args.size} (quick, small or large)`);
const settings = {
  rounds: num(args.rounds, quick ? 1 : 3, "rounds"),
  durationSeconds: num(args.duration, quick ? 2 : 10, "duration"),
  warmupSeconds: num(args.warmup, quick ? 0.5 : 2, "warmup"),
  connections: num(args.connections, 32, "connections"),
  poolSize: num(args.pool, 10, "pool"),
};
const servers = (args.servers?.split(",") ?? [...serverNames]) as ServerName[];
for (const s of servers)
  if (!knownServers.includes(s)) fail(`unknown server ${s} (${knownServers.join(", ")})`);
const selected: Scenario[] = args.scenarios
  ? args.scenarios
      .split(",")
      .map((id) => allScenarios.find((s) => s.id === id) ?? fail(`unknown scenario ${id}`))
  : allScenarios;
// Results keep the registry's order; the runs take the reading scenarios first and the writing
// ones last (in the gate, and within every round), so that no gate compares data another
// scenario has just changed. The writing scenarios also keep off what the others read (Q3).
const scenarios = allScenarios.filter((s) => selected.includes(s));
const runOrder = [...scenarios.filter((s) => !s.mutates), ...scenarios.filter((s) => s.mutates)];
/**
 * Peers that cannot run on this machine, and why: skipped with a line, "n/a" in the table. nginx
 * comes from Debian's package, which neither the bench nor CI installs.
 */
const missingPeers: Partial<Record<ServerName, string>> = {};
if (servers.includes("nginx") && scenarios.some(isFileScenario) && !findNginx()) {
  missingPeers.nginx = `nginx is not installed (${nginxInstallHint})`;
  log(`nginx: not installed, so Q6 runs on lede alone (${nginxInstallHint})`);
}
/** Why a server does not run a scenario: the scenario's own reasons, and the missing peers it would use. */
const unsupportedOf = (scenario: Scenario): Partial<Record<ServerName, string>> => ({
  ...scenario.unsupported,
  ...(isFileScenario(scenario) && missingPeers),
});
/**
 * The selected servers that run a scenario: not those it does not support; lede-cached only for
 * cache hits; lede and nginx only for a file.
 */
const serversOf = (scenario: Scenario): ServerName[] =>
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
const activeServers = servers.filter((name) => scenarios.some((s) => serversOf(s).includes(name)));
const loadMode = (args["load-mode"] ?? "rebuild") as LoadMode;
if (loadMode !== "rebuild" && loadMode !== "indexed") fail("--load-mode is rebuild or indexed");
const outDir = args.out ?? `${benchRoot}${quick ? ".work/results" : "results"}`;
const timeoutSeconds = args.timeout ? num(args.timeout, 0, "timeout") : quick ? 300 : 0;
const adminUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const dbName = args.database ?? `lede_bench_${size.name}`;
if (!/^[a-z_][a-z0-9_]*$/.test(dbName)) fail(`--database must be a plain lower-case name, got ${dbName}`);
const fairIndexes = !args["without-peer-indexes"];
const url = databaseUrl(adminUrl, dbName);
const gateInputs = quick ? 5 : 25;
const countRequests = quick ? 5 : 20;

// Everything started is tracked so that any failure, timeout or Ctrl-C stops it.
const running = new Set<RunningServer>();
const proxies = new Set<CountingProxy>();
let step = "starting";
let cleaning = false;

/**
 * The directory nginx serves: a temporary one, readable by nginx's unprivileged worker, where the
 * file scenarios write lede's answers under the same paths.
 */
const staticRoot = mkdtempSync(join(tmpdir(), "lede-bench-static-"));
chmodSync(staticRoot, 0o755);

async function cleanup(dropDb: boolean): Promise<void> {
  if (cleaning) return;
  cleaning = true;
  await Promise.allSettled([...running].map((s) => s.stop()));
  await Promise.allSettled([...proxies].map((p) => p.close()));
  rmSync(staticRoot, { recursive: true, force: true });
  if (dropDb) await dropDatabase(adminUrl, dbName).catch(() => {});
}

if (timeoutSeconds > 0) {
  setTimeout(() => {
    console.error(
      `bench: FAILED — the run took longer than ${timeoutSeconds} s (stuck in: ${step}). ` +
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

const post = async (target: string, body: string): Promise<unknown> => {
  const response = await fetch(target, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body,
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`HTTP ${response.status}, not JSON: ${text.slice(0, 300)}`);
  }
};

/** A GET's answer: its status, type and bytes. */
const get = async (target: string) => {
  const response = await fetch(target, { signal: AbortSignal.timeout(15_000) });
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    bytes: Buffer.from(await response.arrayBuffer()),
  };
};

/** What the gate compares of a file: status, type, length and content (by hash). */
const fileAnswer = ({ status, type, bytes }: Awaited<ReturnType<typeof get>>) => ({
  status,
  type,
  length: bytes.length,
  sha256: createHash("sha256").update(bytes).digest("hex"),
});

/** One request, as the load runs send it. */
const sendOnce = (server: RunningServer, request: LoadRequest): Promise<unknown> =>
  request.method === "POST" ? post(server.url, request.body()) : get(`${server.origin}${request.path()}`);

/**
 * Waits until no query of a finished run is still running on the bench database; past a few
 * seconds, cancels them. A server whose clients gave up (autocannon timeouts) can leave its pool
 * busy with long queries that would otherwise eat the next server's CPU.
 */
async function settle(admin: postgres.Sql, after: string): Promise<number> {
  const active = () =>
    admin<{ pid: number }[]>`select pid from pg_stat_activity
      where datname = current_database() and state = 'active' and pid <> pg_backend_pid()`;
  const deadline = performance.now() + 5000;
  for (;;) {
    const rows = await active();
    if (rows.length === 0) return 0;
    if (performance.now() > deadline) {
      for (const { pid } of rows) await admin`select pg_cancel_backend(${pid})`;
      log(`  cancelled ${rows.length} query(ies) still running after ${after}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
      return rows.length;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const sideOf = (scenario: GraphqlScenario<unknown>, server: ServerName) => {
  if (server !== "postgraphile") return scenario.lede;
  if (!scenario.postgraphile) throw new Error(`${scenario.name}: PostGraphile does not run it`);
  return scenario.postgraphile;
};

// What makes a writing scenario's requests unique: this run, the server, a counter. The run part
// (milliseconds since 1970, base 36) keeps a --reuse'd database's earlier rows from colliding.
const runTag = Date.now().toString(36);
let requestCounter = 0;
const uniqueFor = (server: ServerName): Unique =>
  `${runTag}.${knownServers.indexOf(server)}.${requestCounter++}`;

function bodyFor(scenario: GraphqlScenario<unknown>, server: ServerName, input: unknown): string {
  const body: RequestBody = {
    operationName: scenario.operationName,
    query: sideOf(scenario, server).query,
    variables: sideOf(scenario, server).variables(input, uniqueFor(server)),
  };
  return JSON.stringify(body);
}

type ScenarioResults = Results["scenarios"];
/** What each server sent for each scenario during the gate (scenario id -> server -> statements). */
type Captured = Map<string, Map<ServerName, CapturedStatement[]>>;

/** State shared by the phases of one run. */
interface Run {
  inputs: Map<string, unknown[]>;
  results: ScenarioResults;
  resultOf(scenario: Scenario, server: ServerName): ServerScenarioResult;
  /**
   * A server's requests: GraphQL bodies taken in turn, the inputs rotating (a new body per request
   * for writes); for a file scenario, GETs of the inputs' paths.
   */
  request(scenario: Scenario, server: ServerName): LoadRequest;
}

function newRun(inputs: Map<string, unknown[]>): Run {
  const results: ScenarioResults = scenarios.map((s) => ({
    id: s.id,
    name: s.name,
    fixedRate: 0,
    byServer: {},
    ...(s.mutates && { mutates: true }),
    ...(Object.keys(unsupportedOf(s)).length && {
      unsupported: Object.fromEntries(
        Object.entries(unsupportedOf(s)).filter(([name]) => servers.includes(name as ServerName)),
      ),
    }),
  }));
  return {
    inputs,
    results,
    resultOf: (scenario, server) => {
      const entry = results.find((r) => r.id === scenario.id) as ScenarioResults[number];
      entry.byServer[server] ??= {
        statementsPerRequest: Number.NaN,
        statements: [],
        saturation: [],
        fixed: [],
      };
      return entry.byServer[server] as ServerScenarioResult;
    },
    request: (scenario, server) => {
      const list = inputs.get(scenario.id) ?? [];
      if (list.length === 0) throw new Error(`${scenario.name}: no inputs in the database`);
      let next = 0;
      if (isFileScenario(scenario)) {
        const paths = list.map((input) => scenario.path(input));
        return { method: "GET", path: () => paths[next++ % paths.length] as string };
      }
      const { expect } = sideOf(scenario, server);
      if (scenario.mutates)
        return { method: "POST", body: () => bodyFor(scenario, server, list[next++ % list.length]), expect };
      const fixed = list.map((input) => bodyFor(scenario, server, input));
      return { method: "POST", body: () => fixed[next++ % fixed.length] as string, expect };
    },
  };
}

/** 0. The lede under test, frozen for the whole run. */
function freezeLede(): Results["lede"] {
  const git = (...gitArgs: string[]) => {
    try {
      return execFileSync("git", ["-C", ledeRoot, ...gitArgs], { encoding: "utf8" }).trim();
    } catch {
      return "";
    }
  };
  const ledeVersion = {
    snapshot: snapshotLede(),
    gitHead: git("rev-parse", "--short", "HEAD"),
    uncommittedFiles: git("status", "--porcelain", "--", "src", "drizzle").split("\n").filter(Boolean).length,
  };
  log(
    `lede ${ledeVersion.gitHead}${ledeVersion.uncommittedFiles ? ` + ${ledeVersion.uncommittedFiles} uncommitted file(s)` : ""}, snapshot ${ledeVersion.snapshot}`,
  );
  return ledeVersion;
}

/** 1. The database: loaded or reused, migrated, with the bench-only SQL and each peer's indexes. */
async function prepareDatabase(): Promise<{
  load: LoadReport | null;
  reused: boolean;
  foreignKeyIndexes: string[];
}> {
  step = "preparing the database";
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
async function readInputs(
  reused: boolean,
): Promise<{ inputs: Map<string, unknown[]>; postgresVersion: string }> {
  step = "reading inputs";
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

/**
 * 3. Correctness gate and statement counts, each server behind its own counting proxy, which also
 * captures every distinct statement each server sends for each scenario (for step 6). Returns
 * the mismatches (empty: all servers agree).
 */
async function correctnessGate(run: Run, captured: Captured): Promise<string[]> {
  step = "correctness gate";
  log(
    `correctness gate: ${gateInputs} input(s) per scenario, statements counted over ${countRequests} requests`,
  );
  const pgUrl = new URL(adminUrl);
  const gate = new Map<ServerName, { server: RunningServer; proxy: CountingProxy }>();
  for (const name of activeServers) {
    const proxy = await startProxy({ host: pgUrl.hostname, port: Number(pgUrl.port || 5432) });
    proxies.add(proxy);
    const proxied = new URL(url);
    proxied.hostname = "127.0.0.1";
    proxied.port = String(proxy.port);
    const server = await startServer(name, {
      databaseUrl: proxied.toString(),
      poolSize: settings.poolSize,
      staticRoot,
    });
    running.add(server);
    gate.set(name, { server, proxy });
  }
  const of = (name: ServerName) => gate.get(name) as { server: RunningServer; proxy: CountingProxy };
  const mismatches: string[] = [];
  for (const scenario of runOrder) {
    const list = (run.inputs.get(scenario.id) ?? []).slice(0, gateInputs);
    const names = serversOf(scenario);
    for (const name of names) of(name).proxy.counter.capturing = new Map();
    if (isFileScenario(scenario)) {
      if (!names.includes("lede"))
        throw new Error(`${scenario.name} needs lede: it makes the file nginx serves`);
      await copyFromLede(scenario, of("lede").server, run.inputs.get(scenario.id) ?? []);
    }
    for (const [k, input] of list.entries()) {
      const answers = new Map<ServerName, string>();
      for (const name of names) {
        try {
          const { server } = of(name);
          const answer = isFileScenario(scenario)
            ? fileAnswer(await get(`${server.origin}${scenario.path(input)}`))
            : scenario.normalise(name, await post(server.url, bodyFor(scenario, name, input)));
          answers.set(name, canonical(answer));
        } catch (error) {
          mismatches.push(
            `${scenario.name}, input ${k} ${JSON.stringify(input)}: ${name} failed: ${(error as Error).message}`,
          );
        }
      }
      const reference = names.find((s) => answers.has(s));
      for (const name of names) {
        const a = reference ? answers.get(reference) : undefined;
        const b = answers.get(name);
        if (a === undefined || b === undefined || a === b) continue;
        mismatches.push(
          `${scenario.name}, input ${k} ${JSON.stringify(input)}: ${name} differs from ${reference}\n${diff(a, b, [reference as string, name])}`,
        );
      }
      if (k === 0 && reference && (answers.get(reference)?.length ?? 0) < 20) {
        mismatches.push(`${scenario.name}: the first input gave an empty answer; the data set looks wrong`);
      }
    }
    for (const name of names) {
      const { server, proxy } = of(name);
      const next = run.request(scenario, name);
      if (next.method === "POST") next.body();
      // One recorded request, then a sequential count.
      proxy.counter.recorded = [];
      proxy.counter.recording = true;
      await sendOnce(server, next);
      proxy.counter.recording = false;
      const before = proxy.counter.statements;
      for (let i = 0; i < countRequests; i++) await sendOnce(server, next);
      const result = run.resultOf(scenario, name);
      result.statementsPerRequest = (proxy.counter.statements - before) / countRequests;
      result.statements = [...proxy.counter.recorded];
      const byServer = captured.get(scenario.id) ?? new Map<ServerName, CapturedStatement[]>();
      byServer.set(name, [...(proxy.counter.capturing?.values() ?? [])]);
      captured.set(scenario.id, byServer);
      proxy.counter.capturing = null;
    }
    log(
      `  ${scenario.name}: ${list.length} input(s) compared; statements/request ${names
        .map((s) => `${s} ${run.resultOf(scenario, s).statementsPerRequest.toFixed(1)}`)
        .join(", ")}`,
    );
  }
  for (const { server, proxy } of gate.values()) {
    await server.stop();
    running.delete(server);
    await proxy.close();
    proxies.delete(proxy);
  }
  return mismatches;
}

/**
 * A file scenario's first requests to lede (which make each file if it has to), their bytes
 * written under the same paths in the directory nginx serves.
 */
async function copyFromLede(scenario: FileScenario<unknown>, lede: RunningServer, inputs: unknown[]) {
  for (const input of inputs) {
    const path = scenario.path(input);
    const answer = await get(`${lede.origin}${path}`);
    if (answer.status !== 200) throw new Error(`${scenario.name}: lede answered ${answer.status} to ${path}`);
    const file = join(staticRoot, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, answer.bytes);
  }
}

/**
 * 4. Load: every server up, runs interleaved server by server within each round: saturation,
 * then latency at a fixed rate. Returns the first errors seen and each server's peak RSS.
 */
async function measure(run: Run): Promise<{ errorsSeen: string[]; peakRss: Results["peakRssBytes"] }> {
  step = "starting servers for the load runs";
  const live = new Map<ServerName, RunningServer>();
  for (const name of activeServers) {
    const server = await startServer(name, { databaseUrl: url, poolSize: settings.poolSize, staticRoot });
    running.add(server);
    live.set(name, server);
  }
  const errorsSeen: string[] = [];
  const admin = postgres(url, {
    max: 1,
    onnotice: () => {},
    connection: { application_name: "lede-bench-harness" },
  });
  try {
    for (let round = 1; round <= settings.rounds; round++) {
      for (const scenario of runOrder) {
        for (const name of serversOf(scenario)) {
          step = `saturation, round ${round}, ${scenario.name}, ${name}`;
          await saturate(run, scenario, name, live.get(name) as RunningServer, admin, round, errorsSeen);
        }
      }
    }
    setFixedRates(run);
    for (let round = 1; round <= settings.rounds; round++) {
      for (const scenario of runOrder) {
        for (const name of serversOf(scenario)) {
          step = `fixed rate, round ${round}, ${scenario.name}, ${name}`;
          await atFixedRate(run, scenario, name, live.get(name) as RunningServer, admin, round, errorsSeen);
        }
      }
    }
  } finally {
    await admin.end();
  }
  const peakRss: Results["peakRssBytes"] = {};
  for (const [name, server] of live) {
    peakRss[name] = sum(processTree(server.pid).map(peakRssBytes));
    await server.stop();
    running.delete(server);
  }
  return { errorsSeen, peakRss };
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** The CPU a server used: its process and its children (nginx's worker under its master). */
const serverCpuSeconds = (server: RunningServer) => sum(processTree(server.pid).map(cpuSeconds));

async function saturate(
  run: Run,
  scenario: Scenario,
  name: ServerName,
  server: RunningServer,
  admin: postgres.Sql,
  round: number,
  errorsSeen: string[],
): Promise<void> {
  const common = {
    url: server.url,
    request: run.request(scenario, name),
    connections: settings.connections,
  };
  await runLoad({ ...common, durationSeconds: settings.warmupSeconds });
  const cpu0 = serverCpuSeconds(server);
  const db0 = databaseBackends(dbName);
  const busy0 = machineBusySeconds();
  const self0 = process.cpuUsage();
  const r = await runLoad({ ...common, durationSeconds: settings.durationSeconds });
  const cpu = serverCpuSeconds(server) - cpu0;
  const db = databaseCpuBetween(db0, databaseBackends(dbName));
  const self = process.cpuUsage(self0);
  const cancelled = await settle(admin, `${name} ${scenario.name}`);
  const harness = (self.user + self.system) / 1e6;
  // Whatever else ran on the machine meanwhile (other developers' tests, ...): noise.
  const other = Math.max(0, machineBusySeconds() - busy0 - cpu - db - harness);
  if (r.firstError) errorsSeen.push(`${name} ${scenario.name}: ${r.firstError}`);
  run.resultOf(scenario, name).saturation.push({
    rps: r.rps,
    requests: r.requests,
    seconds: r.seconds,
    saturationP50: r.latencyMs.p50,
    saturationP99: r.latencyMs.p99,
    cpuSecondsPer1k: (1000 * cpu) / Math.max(1, r.requests),
    dbCpuSecondsPer1k: (1000 * db) / Math.max(1, r.requests),
    harnessCpuCores: harness / r.seconds,
    otherCpuCores: other / r.seconds,
    cancelledQueries: cancelled,
    errors: r.errors,
  });
  log(
    `  round ${round} ${scenario.name.padEnd(16)} ${name.padEnd(12)} ${n(r.rps).padStart(6)} req/s  p99 ${r.latencyMs.p99} ms  cpu ${cpu.toFixed(1)} s  pg ${db.toFixed(1)} s  other ${(other / r.seconds).toFixed(2)} cores${r.errors ? `  ${r.errors} errors` : ""}`,
  );
}

/**
 * Latency at a fixed rate every server can sustain: half the slowest one's saturation rate,
 * among the servers that answered without errors (one that collapsed would make it zero).
 */
function setFixedRates(run: Run): void {
  for (const scenario of scenarios) {
    const entry = run.results.find((r) => r.id === scenario.id) as ScenarioResults[number];
    const rates = serversOf(scenario).map((name) => {
      const runs = run.resultOf(scenario, name).saturation;
      return { rps: median(runs.map((m) => m.rps)), clean: runs.every((m) => m.errors === 0) };
    });
    const usable = rates.filter((r) => r.clean && r.rps > 0);
    const slowest = Math.min(...(usable.length ? usable : rates).map((r) => r.rps));
    entry.fixedRate = Math.max(1, Math.round(slowest / 2));
  }
}

async function atFixedRate(
  run: Run,
  scenario: Scenario,
  name: ServerName,
  server: RunningServer,
  admin: postgres.Sql,
  round: number,
  errorsSeen: string[],
): Promise<void> {
  const rate = (run.results.find((r) => r.id === scenario.id) as ScenarioResults[number]).fixedRate;
  const r = await runLoad({
    url: server.url,
    request: run.request(scenario, name),
    connections: settings.connections,
    durationSeconds: settings.durationSeconds,
    rate,
  });
  if (r.firstError) errorsSeen.push(`${name} ${scenario.name}: ${r.firstError}`);
  await settle(admin, `${name} ${scenario.name} at a fixed rate`);
  run.resultOf(scenario, name).fixed.push({
    rate,
    achievedRps: r.rps,
    p50: r.latencyMs.p50,
    p90: r.latencyMs.p90,
    p99: r.latencyMs.p99,
    errors: r.errors,
  });
  log(
    `  round ${round} ${scenario.name.padEnd(16)} ${name.padEnd(12)} at ${n(rate)} req/s: p50 ${r.latencyMs.p50} ms  p99 ${r.latencyMs.p99} ms${r.errors ? `  ${r.errors} errors` : ""}`,
  );
}

/** 5. Optionally, where lede's time goes: a separate, profiled lede under saturation. */
async function profileLede(run: Run): Promise<Results["profile"]> {
  if (!args["cpu-prof"] || !servers.includes("lede")) return undefined;
  const profile: NonNullable<Results["profile"]> = [];
  for (const scenario of runOrder) {
    step = `profiling lede, ${scenario.name}`;
    const dir = `${benchRoot}.work/profiles/${scenario.id}`;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const server = await startServer("lede", {
      databaseUrl: url,
      poolSize: settings.poolSize,
      cpuProfileDir: dir,
    });
    running.add(server);
    const common = {
      url: server.url,
      request: run.request(scenario, "lede"),
      connections: settings.connections,
    };
    await runLoad({ ...common, durationSeconds: settings.warmupSeconds });
    await runLoad({ ...common, durationSeconds: settings.durationSeconds });
    await server.stop();
    running.delete(server);
    const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
    if (file) profile.push({ scenario: scenario.name, ...summariseProfile(`${dir}/${file}`) });
    log(`  profile written to ${dir}/${file ?? "(none)"}`);
  }
  return profile;
}

/**
 * 6. The plans: every statement each server sent for each scenario in the gate, explained with
 * its own parameters and settings on the database as the load runs left it, and checked
 * (src/plan-check.ts). Returns one report per scenario and server.
 */
async function explainAndCheck(captured: Captured): Promise<PlanReport[]> {
  const reports: PlanReport[] = [];
  for (const scenario of scenarios) {
    for (const [server, statements] of captured.get(scenario.id) ?? []) {
      step = `explaining ${server}'s statements for ${scenario.name}`;
      reports.push({
        scenario: scenario.id,
        scenarioName: scenario.name,
        server,
        statements: await explainStatements(url, statements, planRules),
      });
    }
  }
  const findings = reports.flatMap((r) => r.statements.flatMap((s) => s.findings ?? []));
  log(
    `plans: ${reports.reduce((sum, r) => sum + r.statements.length, 0)} statement(s) explained, ${findings.length} finding(s)`,
  );
  return reports;
}

/** 7. The result files (JSON, Markdown, and the plans beside them) and the table on stdout. */
function writeResults(output: Results, plans: PlanReport[]): void {
  step = "writing results";
  mkdirSync(outDir, { recursive: true });
  const peers = {
    small: size.name === "small" ? null : latestResult(outDir, "small"),
    large: size.name === "large" ? null : latestResult(outDir, "large"),
  };
  const table = markdown(output, peers);
  const base = `${outDir}/${output.date}-${size.name}`;
  writeFileSync(`${base}.json`, `${JSON.stringify(output, null, 2)}\n`);
  writeFileSync(`${base}.md`, `${table}\n`);
  writeFileSync(`${base}-plans.json`, `${JSON.stringify(plans, null, 2)}\n`);
  writeFileSync(`${base}-plans.md`, `${plansMarkdown(output, plans)}\n`);
  console.log(table);
  log(`\nresults: ${base}.{json,md}, plans: ${base}-plans.{json,md} (${output.seconds.toFixed(0)} s)`);
}

/**
 * The run's verdict. A peer that collapses under load (PostGraphile on large Q1) is a finding,
 * not a broken harness; lede or the raw ceiling failing is. --quick (CI) fails on any error. Any
 * plan that does work an index would spare fails the run: the comparison would not be fair.
 */
function verdict(output: Results, errorsSeen: string[], plans: PlanReport[]): number {
  const failed = output.scenarios.flatMap((s) =>
    Object.entries(s.byServer)
      .filter(([, r]) => r && [...r.saturation, ...r.fixed].some((m) => m.errors > 0))
      .map(([name]) => name as ServerName),
  );
  const fatal = failed.filter((name) => quick || name !== "postgraphile");
  if (failed.length) {
    console.error(
      `bench: ${fatal.length ? "FAILED — " : ""}requests failed under load (${[...new Set(failed)].join(", ")}):\n${[...new Set(errorsSeen)].slice(0, 10).join("\n")}`,
    );
  }
  const planProblems = planFailures(plans);
  if (planProblems.length) {
    console.error(
      `bench: FAILED — plan check: ${planProblems.length} plan node(s) do work an index would spare ` +
        `(rules in bench/README.md, "Plan check"; plans in the -plans.md result):\n\n${planProblems.join("\n\n")}`,
    );
  }
  return fatal.length || planProblems.length ? 1 : 0;
}

async function main(): Promise<number> {
  const started = performance.now();
  mkdirSync(`${benchRoot}.work`, { recursive: true });
  const lede = freezeLede();
  const { load, reused, foreignKeyIndexes } = await prepareDatabase();
  const { inputs, postgresVersion } = await readInputs(reused);
  const run = newRun(inputs);
  const captured: Captured = new Map();
  const mismatches = await correctnessGate(run, captured);
  if (mismatches.length) {
    console.error(`bench: FAILED — the servers do not return the same data:\n\n${mismatches.join("\n\n")}`);
    return 1;
  }
  log("  all servers agree");
  const { errorsSeen, peakRss } = await measure(run);
  const profile = await profileLede(run);
  const plans = await explainAndCheck(captured);
  for (const report of plans) {
    const scenario = scenarios.find((s) => s.id === report.scenario) as Scenario;
    run.resultOf(scenario, report.server).plans = planSummary(report);
  }
  const output: Results = {
    date: new Date().toISOString().slice(0, 10),
    size: size.name,
    quick,
    settings,
    machine: { ...machine(), node: process.version, postgres: postgresVersion },
    lede,
    load,
    loadReused: reused,
    peerIndexes: { applied: fairIndexes, foreignKeyIndexes },
    servers: activeServers,
    scenarios: run.results,
    peakRssBytes: peakRss,
    ...(profile && { profile }),
    seconds: (performance.now() - started) / 1000,
  };
  writeResults(output, plans);
  return verdict(output, errorsSeen, plans);
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(`bench: FAILED during ${step}: ${(error as Error).message}`);
  code = 1;
} finally {
  await cleanup(!args.keep);
}
process.exit(code);
