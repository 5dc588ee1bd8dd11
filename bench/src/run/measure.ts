// Phases 4-5: the load rounds (warm-up, saturation, then latency at a fixed rate) and, if asked,
// a profile of lede under saturation.
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import postgres from "postgres";
import { runLoad } from "../load.ts";
import {
  cpuSeconds,
  databaseBackends,
  databaseCpuBetween,
  machineBusySeconds,
  peakRssBytes,
  processTree,
} from "../procstat.ts";
import { summariseProfile } from "../profile.ts";
import { log, n } from "../progress.ts";
import { median, type Results } from "../report.ts";
import type { Scenario, ServerName } from "../scenarios/types.ts";
import { benchRoot, type RunningServer, startServer } from "../servers/servers.ts";
import {
  activeServers,
  args,
  dbName,
  runOrder,
  scenarios,
  servers,
  serversOf,
  settings,
  url,
} from "./options.ts";
import type { Run, ScenarioResults } from "./requests.ts";
import { progress, running, staticRoot } from "./state.ts";

/**
 * Waits until no query of a finished run is still running on the bench database; past a few
 * seconds, cancels them. A server whose clients gave up (autocannon timeouts) can leave its pool
 * busy with long queries that would otherwise eat the next server's CPU.
 */
export async function settle(admin: postgres.Sql, after: string): Promise<number> {
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

/** One load run: a scenario on one server, in one round. */
export interface LoadRun {
  run: Run;
  scenario: Scenario;
  name: ServerName;
  server: RunningServer;
  /** The harness's own connection, to see what the run left running. */
  admin: postgres.Sql;
  round: number;
  /** The first errors of each run, for the verdict. */
  errorsSeen: string[];
}

/**
 * 4. Load: every server up, runs interleaved server by server within each round: saturation,
 * then latency at a fixed rate. Returns the first errors seen and each server's peak RSS.
 */
export async function measure(run: Run): Promise<{ errorsSeen: string[]; peakRss: Results["peakRssBytes"] }> {
  progress.step = "starting servers for the load runs";
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
    // Each kind of run, round after round, interleaved server by server within a round.
    const rounds = async (kind: string, runOne: (load: LoadRun) => Promise<void>) => {
      for (let round = 1; round <= settings.rounds; round++) {
        for (const scenario of runOrder) {
          for (const name of serversOf(scenario)) {
            progress.step = `${kind}, round ${round}, ${scenario.name}, ${name}`;
            const server = live.get(name) as RunningServer;
            await runOne({ run, scenario, name, server, admin, round, errorsSeen });
          }
        }
      }
    };
    await rounds("saturation", saturate);
    setFixedRates(run);
    await rounds("fixed rate", atFixedRate);
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

export const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** The CPU a server used: its process and its children (nginx's worker under its master). */
export const serverCpuSeconds = (server: RunningServer) => sum(processTree(server.pid).map(cpuSeconds));

export async function saturate(load: LoadRun): Promise<void> {
  const { run, scenario, name, server, admin, round, errorsSeen } = load;
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
export function setFixedRates(run: Run): void {
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

export async function atFixedRate(load: LoadRun): Promise<void> {
  const { run, scenario, name, server, admin, round, errorsSeen } = load;
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
export async function profileLede(run: Run): Promise<Results["profile"]> {
  if (!args["cpu-prof"] || !servers.includes("lede")) return undefined;
  const profile: NonNullable<Results["profile"]> = [];
  for (const scenario of runOrder) {
    progress.step = `profiling lede, ${scenario.name}`;
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
