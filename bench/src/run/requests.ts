// The requests a run sends, the same for every server of a scenario, and the state the phases
// share (inputs and results).
import { createHash } from "node:crypto";
import type { LoadRequest } from "../load.ts";
import type { CapturedStatement } from "../proxy.ts";
import type { Results, ServerScenarioResult } from "../report.ts";
import {
  type GraphqlScenario,
  isFileScenario,
  knownServers,
  type RequestBody,
  type Scenario,
  type ServerName,
  type Unique,
} from "../scenarios/types.ts";
import type { RunningServer } from "../servers/servers.ts";
import { scenarios, servers, unsupportedOf } from "./options.ts";

export const post = async (target: string, body: string): Promise<unknown> => {
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
export const get = async (target: string) => {
  const response = await fetch(target, { signal: AbortSignal.timeout(15_000) });
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    bytes: Buffer.from(await response.arrayBuffer()),
  };
};

/** What the gate compares of a file: status, type, length and content (by hash). */
export const fileAnswer = ({ status, type, bytes }: Awaited<ReturnType<typeof get>>) => ({
  status,
  type,
  length: bytes.length,
  sha256: createHash("sha256").update(bytes).digest("hex"),
});

/** One request, as the load runs send it. */
export const sendOnce = (server: RunningServer, request: LoadRequest): Promise<unknown> =>
  request.method === "POST" ? post(server.url, request.body()) : get(`${server.origin}${request.path()}`);

export const sideOf = (scenario: GraphqlScenario<unknown>, server: ServerName) => {
  if (server !== "postgraphile") return scenario.lede;
  if (!scenario.postgraphile) throw new Error(`${scenario.name}: PostGraphile does not run it`);
  return scenario.postgraphile;
};

// What makes a writing scenario's requests unique: this run, the server, a counter. The run part
// (milliseconds since 1970, base 36) keeps a --reuse'd database's earlier rows from colliding.
export const runTag = Date.now().toString(36);
export let requestCounter = 0;
export const uniqueFor = (server: ServerName): Unique =>
  `${runTag}.${knownServers.indexOf(server)}.${requestCounter++}`;

export function bodyFor(scenario: GraphqlScenario<unknown>, server: ServerName, input: unknown): string {
  const body: RequestBody = {
    operationName: scenario.operationName,
    query: sideOf(scenario, server).query,
    variables: sideOf(scenario, server).variables(input, uniqueFor(server)),
  };
  return JSON.stringify(body);
}

export type ScenarioResults = Results["scenarios"];
/** What each server sent for each scenario during the gate (scenario id -> server -> statements). */
export type Captured = Map<string, Map<ServerName, CapturedStatement[]>>;

/** State shared by the phases of one run. */
export interface Run {
  inputs: Map<string, unknown[]>;
  results: ScenarioResults;
  resultOf(scenario: Scenario, server: ServerName): ServerScenarioResult;
  /**
   * A server's requests: GraphQL bodies taken in turn, the inputs rotating (a new body per request
   * for writes); for a file scenario, GETs of the inputs' paths.
   */
  request(scenario: Scenario, server: ServerName): LoadRequest;
}

export function newRun(inputs: Map<string, unknown[]>): Run {
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
