// Compiled execution (graphql-jit): each operation is compiled once into a function that calls
// exactly the resolvers its selection needs, instead of graphql-js walking the document for every
// object of every request (about a quarter of the front page's Node CPU). Subscriptions keep
// yoga's executor. graphql-jit is adapted to graphql 17 by scripts/patch-graphql-jit.mjs. It is
// imported when the first operation is due to compile, not at start: with fast-json-stringify and
// ajv, which it loads, it was a tenth of what a server loaded before its first answer.

import { readFileSync } from "node:fs";
import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  getOperationAST,
  OperationTypeNode,
} from "graphql";
import type { CompiledQuery } from "graphql-jit";
import type { Plugin } from "graphql-yoga";

/**
 * Whether `npm install` ran scripts/patch-graphql-jit.mjs (not with --ignore-scripts): unpatched,
 * every compiled operation with arguments would fail in graphql 17's getArgumentValues, so lede
 * then runs everything with yoga's executor instead. The marker is the script's.
 */
export function graphqlJitAdapted(): boolean {
  try {
    const execution = new URL("./execution.js", import.meta.resolve("graphql-jit"));
    return readFileSync(execution, "utf8").includes("/* lede: graphql 17 variable values */");
  } catch {
    return false;
  }
}

const isPromise = (value: unknown): value is Promise<unknown> =>
  value !== null && typeof value === "object" && "then" in value;

/** Variables the graphql 17 adapter would shadow (the coerced object's own `coerced`). */
const RESERVED_VARIABLES = new Set(["coerced"]);

/** A document that has not run cleanly yet (its count of clean runs), or its compiled form. */
type Entry = { runs: number; query?: undefined } | { query: CompiledQuery | null; runs?: undefined };

/**
 * Runs an operation compiled once it has answered without errors `compileAfter` times with yoga's
 * executor. Compiling costs milliseconds and grows with the document once its fragments are
 * spread, so it is never spent on a document that has not passed the cost, depth and breadth
 * checks (done while executing) at least once: a stranger's one-off or oversized document is only
 * ever run, not compiled. yoga's parse cache hands the same document object for the same query
 * text, so a WeakMap keeps one entry per cached document.
 */
export function compiledExecutionPlugin(warn: (message: string) => void, compileAfter = 1): Plugin {
  if (!graphqlJitAdapted()) {
    warn(
      "graphql-jit is not adapted to graphql 17 (run npm install with its scripts): operations are not compiled",
    );
    return {};
  }
  const entries = new WeakMap<DocumentNode, Map<string, Entry>>();
  const entryOf = (document: DocumentNode, name: string) => {
    let byName = entries.get(document);
    if (!byName) {
      byName = new Map();
      entries.set(document, byName);
    }
    let entry = byName.get(name);
    if (!entry) {
      entry = { runs: 0 };
      byName.set(name, entry);
    }
    return { byName, entry };
  };
  let jit: typeof import("graphql-jit") | undefined;
  let jitRequested = false;
  const loadJit = () => {
    if (jitRequested) return;
    jitRequested = true;
    // Loading is synchronous work for this thread: after the answer that asked for it has gone.
    setTimeout(() => void importJit(), 0);
  };
  const importJit = () =>
    import("graphql-jit").then(
      (loaded) => {
        jit = loaded;
      },
      (error: unknown) => warn(`graphql-jit did not load (${String(error)}): operations are not compiled`),
    );
  const compile = ({ compileQuery, isCompiledQuery }: typeof import("graphql-jit"), args: ExecutionArgs) => {
    const operation = getOperationAST(args.document, args.operationName);
    const compilable =
      operation != null &&
      operation.operation !== OperationTypeNode.SUBSCRIPTION &&
      !operation.variableDefinitions?.some((v) => RESERVED_VARIABLES.has(v.variable.name.value));
    if (!compilable) return null;
    const result = compileQuery(args.schema, args.document, args.operationName ?? undefined);
    return isCompiledQuery(result) ? result : null;
  };
  const cleanRun = (result: unknown) =>
    !(result !== null && typeof result === "object" && Symbol.asyncIterator in result) &&
    !(result as ExecutionResult).errors?.length;
  return {
    onExecute({ setExecuteFn, executeFn }) {
      // Keyed by the document the executor is handed, which later plugins may have rewritten
      // (the response cache adds its typename and id fields, introspection-off its lookups).
      setExecuteFn((run) => {
        const name = run.operationName ?? "";
        const { byName, entry } = entryOf(run.document, name);
        const query = entry.query;
        if (query) {
          const result = query.query(run.rootValue, run.contextValue, run.variableValues) as
            | ExecutionResult
            | Promise<ExecutionResult>;
          // Variables that do not coerce: graphql-jit's message drops the scalar's reason
          // ("DateTime cannot represent …"); yoga's executor answers with it.
          return "then" in result || "data" in result ? result : executeFn(run);
        }
        if (query === null) return executeFn(run);
        const counted = (result: unknown) => {
          if (entry.runs !== undefined && cleanRun(result)) {
            // Until graphql-jit has loaded (the first time one is due, in the background), a run
            // that would compile is not counted: the first clean run after it does.
            if (entry.runs + 1 >= compileAfter && !jit) loadJit();
            else entry.runs += 1;
            if (jit && entry.runs >= compileAfter) byName.set(name, { query: compile(jit, run) });
          }
          return result;
        };
        const result = executeFn(run);
        return (isPromise(result) ? result.then(counted) : counted(result)) as typeof result;
      });
    },
  };
}
