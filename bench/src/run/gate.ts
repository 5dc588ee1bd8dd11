// Phase 3: the correctness gate (every server returns the same data) and the statement counts.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { canonical, diff } from "../compare.ts";
import { log } from "../progress.ts";
import { type CapturedStatement, type CountingProxy, startProxy } from "../proxy.ts";
import { type FileScenario, isFileScenario, type ServerName } from "../scenarios/types.ts";
import { type RunningServer, startServer } from "../servers/servers.ts";
import {
  activeServers,
  adminUrl,
  countRequests,
  gateInputs,
  runOrder,
  serversOf,
  settings,
  url,
} from "./options.ts";
import { bodyFor, type Captured, fileAnswer, get, post, type Run, sendOnce } from "./requests.ts";
import { progress, proxies, running, staticRoot } from "./state.ts";

/**
 * 3. Correctness gate and statement counts, each server behind its own counting proxy, which also
 * captures every distinct statement each server sends for each scenario (for step 6). Returns
 * the mismatches (empty: all servers agree).
 */
export async function correctnessGate(run: Run, captured: Captured): Promise<string[]> {
  progress.step = "correctness gate";
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
export async function copyFromLede(scenario: FileScenario<unknown>, lede: RunningServer, inputs: unknown[]) {
  for (const input of inputs) {
    const path = scenario.path(input);
    const answer = await get(`${lede.origin}${path}`);
    if (answer.status !== 200) throw new Error(`${scenario.name}: lede answered ${answer.status} to ${path}`);
    const file = join(staticRoot, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, answer.bytes);
  }
}
