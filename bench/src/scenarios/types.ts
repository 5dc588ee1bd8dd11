// What a scenario is: one page a client asks for, written three ways (lede's GraphQL,
// PostGraphile's generated GraphQL, hand-written SQL for the raw ceiling), plus a normaliser per
// server that reduces each answer to the same plain data, so the three can be compared exactly.
// Or a file (an image rendition) that lede serves and nginx serves from disk, byte for byte.
import type postgres from "postgres";

/**
 * `lede-cached` is lede with its response cache on. It answers like lede, and runs only the
 * scenarios that ask for cache hits (`cacheHits`): issue 7's cache-hit Q1. `nginx` serves files
 * from disk, and runs only the file scenarios (Q6).
 */
export type ServerName = "lede" | "postgraphile" | "raw" | "lede-cached" | "nginx";
export const serverNames: readonly ServerName[] = ["lede", "lede-cached", "postgraphile", "raw", "nginx"];
export const knownServers: readonly ServerName[] = serverNames;
/** The servers a file scenario runs on: lede makes and serves the file, nginx serves a copy. */
export const fileServers: readonly ServerName[] = ["lede", "nginx"];

export type Variables = Record<string, unknown>;

/**
 * A string unique to one request of one run (`<run>.<server>.<n>`, e.g. `mi3k2x0a.2.417`), for
 * scenarios that write: each request posts a new comment or subscribes a new address.
 */
export type Unique = string;

/** Masks the unique strings in an answer, so that the answers of two servers compare. */
export const maskUnique = (text: string) => text.replace(/\b[0-9a-z]+\.\d+\.\d+\b/g, "<unique>");

/** A GraphQL POST body. */
export interface RequestBody {
  operationName: string;
  query: string;
  variables: Variables;
}

interface ScenarioBase<Input> {
  /** Short id used on the command line and in result files: q1, q2, ... */
  id: string;
  name: string;
  /** The inputs requests rotate over, read from the loaded database (deterministic order). */
  inputs(sql: postgres.Sql, limit: number): Promise<Input[]>;
  /**
   * A scenario that writes: every request gets its own `unique` string (see `Unique`), and
   * `cleanup` removes what earlier runs wrote before a `--reuse`d database is measured again.
   */
  mutates?: { cleanup(sql: postgres.Sql): Promise<void> };
  /** Servers that do not implement this scenario, and why: left out of it, "n/a" in the table. */
  unsupported?: Partial<Record<ServerName, string>>;
}

export type Scenario<Input = unknown> = GraphqlScenario<Input> | FileScenario<Input>;

/**
 * A GET answered with bytes (Q6: an image rendition). lede answers first, which makes the file
 * if it has to; the harness then writes lede's bytes under the same path in the directory nginx
 * serves, so both send the very same bytes. The gate compares status, type and bytes.
 */
export interface FileScenario<Input> extends ScenarioBase<Input> {
  kind: "file";
  /** Puts what the inputs name into the bench database and lede's media store, before they are read. */
  setup(sql: postgres.Sql): Promise<void>;
  /** The request's path, e.g. `/media/<id>/960.jpg`. */
  path(input: Input): string;
}

export interface GraphqlScenario<Input> extends ScenarioBase<Input> {
  kind?: "graphql";
  /** The operation name, which is also how the raw server routes a request. */
  operationName: string;
  /** lede-cached runs it too: the same requests answered from lede's response cache. */
  cacheHits?: boolean;
  lede: Side<Input>;
  /** Absent when PostGraphile cannot answer the scenario (then `unsupported` says why). */
  postgraphile?: Side<Input>;
  /**
   * The raw ceiling: given lede's variables, the whole response body as JSON text, built by
   * PostgreSQL in (ideally) one statement. Same shape as lede's answer.
   */
  raw(sql: postgres.Sql, variables: Variables): Promise<string>;
  /** Reduces a server's parsed response body to plain, comparable data. Throws on GraphQL errors. */
  normalise(server: ServerName, body: unknown): unknown;
}

export interface Side<Input> {
  query: string;
  variables(input: Input, unique: Unique): Variables;
  /**
   * What every answer of this side must match under load, besides having no GraphQL errors: a
   * mutation's refusal (rate limited, validation) is a 200 answer without errors. The raw server
   * answers in lede's shape and is held to lede's pattern.
   */
  expect?: RegExp;
}

/** Throws when a response carries GraphQL errors or no data. */
export function dataOf(body: unknown): Record<string, unknown> {
  const b = body as { data?: Record<string, unknown> | null; errors?: { message: string }[] };
  if (b.errors?.length) throw new Error(`GraphQL errors: ${b.errors.map((e) => e.message).join("; ")}`);
  if (!b.data) throw new Error("response has no data");
  return b.data;
}

/** Timestamps come back in different but equivalent formats; compare instants. */
export const instant = (value: unknown) => new Date(value as string).toISOString();

export const nodes = <T>(connection: unknown): T[] =>
  ((connection as { nodes?: T[] } | null)?.nodes ?? []) as T[];

export function defineScenario<Input>(scenario: GraphqlScenario<Input>): Scenario<unknown> {
  return scenario as unknown as Scenario<unknown>;
}

export function defineFileScenario<Input>(scenario: Omit<FileScenario<Input>, "kind">): Scenario<unknown> {
  return { ...scenario, kind: "file" } as unknown as Scenario<unknown>;
}

export const isFileScenario = (scenario: Scenario): scenario is FileScenario<unknown> =>
  scenario.kind === "file";
