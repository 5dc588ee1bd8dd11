// `npm run bench` — lede against PostGraphile and a raw-SQL ceiling on generated data.
// See ../README.md for what each step does and how to read the results. The phases live in run/:
// options, prepare (0-2), gate (3), measure (4-5), plans (6), results (7); state.ts tracks what
// a run started, so that a failure, a timeout or Ctrl-C stops it.
import { mkdirSync } from "node:fs";
import { machine } from "./procstat.ts";
import { log } from "./progress.ts";
import { planSummary, type Results } from "./report.ts";
import { correctnessGate } from "./run/gate.ts";
import { measure, profileLede } from "./run/measure.ts";
import { activeServers, args, fairIndexes, quick, scenarios, settings, size } from "./run/options.ts";
import { explainAndCheck } from "./run/plans.ts";
import { freezeLede, prepareDatabase, readInputs } from "./run/prepare.ts";
import { type Captured, newRun } from "./run/requests.ts";
import { verdict, writeResults } from "./run/results.ts";
import { cleanup, guardRun, progress } from "./run/state.ts";
import type { Scenario } from "./scenarios/types.ts";
import { benchRoot } from "./servers/servers.ts";

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

guardRun();
let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(`bench: FAILED during ${progress.step}: ${(error as Error).message}`);
  code = 1;
} finally {
  await cleanup(!args.keep);
}
process.exit(code);
