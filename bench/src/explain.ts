// EXPLAIN (ANALYZE, BUFFERS) of the statements each server actually sent (captured at the wire by
// src/proxy.ts during the correctness gate), replayed after the load runs with the parameters and
// session settings they were sent with, so that the plan is the one the server got:
//
//  - a statement the server prepared under a name is PREPAREd here and planned five times first
//    (EXPLAIN without ANALYZE: planned, not run), so that PostgreSQL's plan cache makes the same
//    choice between a custom and a generic plan as it made for the server by its sixth execution;
//    unnamed statements and simple queries get a custom plan, as they did;
//  - with `auto_explain` loaded for the analysed run, the statements run inside SQL functions the
//    statement calls (PostGraphile's computed column) are explained too ("nested");
//  - everything runs in a transaction that is rolled back, so writes leave nothing behind; a write
//    that cannot run twice (a unique address already taken) is explained without ANALYZE.
import postgres from "postgres";
import {
  checkPlan,
  indexesUsed,
  type PlanFinding,
  type PlanNode,
  type PlanRules,
  seqScanned,
} from "./plan-check.ts";
import type { CapturedStatement } from "./proxy.ts";

export interface ExplainedPlan {
  plan: PlanNode;
  findings: PlanFinding[];
  indexes: string[];
  seqScans: string[];
}

export interface ExplainedStatement extends Partial<ExplainedPlan> {
  text: string;
  params: (string | null)[];
  named: boolean;
  analysed: boolean;
  /** `generic` when the plan still holds `$n` placeholders (a cached generic plan). */
  planKind?: "custom" | "generic";
  /** Statements run by functions the statement calls, each with its own plan (analysed runs only). */
  nested: ({ text: string } & ExplainedPlan)[];
  /** Why the statement was not explained, or explained without ANALYZE. */
  note?: string;
}

const explainable = /^\s*(\(\s*)*(select|with|insert|update|delete|values|table)\b/i;
const WARM_UP_PLANS = 5;
/** auto_explain for the analysed run only: every nested statement's plan, sent back as LOG notices. */
const autoExplain = [
  "auto_explain.log_min_duration = 0",
  "auto_explain.log_nested_statements = on",
  "auto_explain.log_analyze = on",
  "auto_explain.log_buffers = on",
  "auto_explain.log_format = json",
  "client_min_messages = log",
];

const literal = (value: string | null) => (value === null ? "null" : `'${value.replaceAll("'", "''")}'`);

/** A server's startup settings that change how a statement is planned or how its values read. */
function settingsToApply(settings: Record<string, string>): [string, string][] {
  return Object.entries(settings).filter(
    ([name]) => !["application_name", "statement_timeout"].includes(name),
  );
}

export async function explainStatements(
  url: string,
  statements: CapturedStatement[],
  rules: PlanRules,
): Promise<ExplainedStatement[]> {
  let logged: string[] = [];
  const sql = postgres(url, {
    max: 1,
    onnotice: (notice) => {
      if (/^duration: .* plan:/s.test(notice.message ?? "")) logged.push(notice.message as string);
    },
    connection: { application_name: "lede-bench-explain" },
  });
  try {
    const tables = await sql<{ name: string; rows: string }[]>`
      select c.relname as name, (xpath('/row/n/text()',
        query_to_xml(format('select count(*) as n from %I.%I', n.nspname, c.relname), false, true, '')))[1]::text as rows
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p', 'm')`;
    const rowsOf = new Map(tables.map((t) => [t.name, Number(t.rows)]));
    const tableRows = (name: string) => rowsOf.get(name);
    const typeIds = [...new Set(statements.flatMap((s) => s.paramTypes).filter((oid) => oid !== 0))];
    const typeNames = new Map(
      (
        await sql<{ oid: number; name: string }[]>`
          select oid::int as oid, format_type(oid, null) as name from pg_type where oid = any(${typeIds}::oid[])`
      ).map((t) => [t.oid, t.name]),
    );
    const inspect = (plan: PlanNode): ExplainedPlan => ({
      plan: slim(plan),
      findings: checkPlan(plan, tableRows, rules),
      indexes: indexesUsed(plan),
      seqScans: seqScanned(plan),
    });

    const out: ExplainedStatement[] = [];
    const connection = await sql.reserve();
    try {
      await connection.unsafe("load 'auto_explain'");
      for (const statement of statements) {
        const base = { text: statement.text, params: statement.params, named: statement.named, nested: [] };
        if (!explainable.test(statement.text.replace(/^\s*(--[^\n]*\n|\/\*.*?\*\/)*/s, ""))) {
          out.push({ ...base, analysed: false, note: "not a query (transaction control or a setting)" });
          continue;
        }
        if (statement.unreplayable) {
          out.push({ ...base, analysed: false, note: `not replayed: ${statement.unreplayable}` });
          continue;
        }
        const types = statement.params.map((_, i) => {
          const oid = statement.paramTypes[i] ?? 0;
          return oid === 0 ? "unknown" : (typeNames.get(oid) ?? "unknown");
        });
        const execute = `execute bench_explain${statement.params.length ? `(${statement.params.map(literal).join(", ")})` : ""}`;
        /** Prepares the statement in a fresh transaction with the server's settings, warms the plan cache. */
        const prepare = async () => {
          await connection.unsafe("begin");
          await connection.unsafe("set local statement_timeout = '60s'");
          for (const [name, value] of settingsToApply(statement.settings)) {
            await connection.unsafe("select set_config($1, $2, true)", [name, value]);
          }
          await connection.unsafe(
            `prepare bench_explain${types.length ? `(${types.join(", ")})` : ""} as ${statement.text}`,
          );
          if (statement.named)
            for (let i = 0; i < WARM_UP_PLANS; i++)
              await connection.unsafe(`explain (format json) ${execute}`);
        };
        const finish = async () => {
          await connection.unsafe("rollback").catch(() => {});
          await connection.unsafe("deallocate all").catch(() => {});
        };
        const planOf = (rows: postgres.Row[]): PlanNode => {
          const value = Object.values(rows[0] ?? {})[0];
          const json = (typeof value === "string" ? JSON.parse(value) : value) as { Plan: PlanNode }[];
          return (json[0] as { Plan: PlanNode }).Plan;
        };
        try {
          await prepare();
          logged = [];
          for (const setting of autoExplain) await connection.unsafe(`set local ${setting}`);
          const plan = planOf(await connection.unsafe(`explain (analyze, buffers, format json) ${execute}`));
          await connection.unsafe("set local client_min_messages = notice");
          const nested = nestedPlans(logged).map((n) => ({ text: n.text, ...inspect(n.plan) }));
          out.push({ ...base, analysed: true, planKind: kindOf(plan), ...inspect(plan), nested });
        } catch (error) {
          await finish();
          // A write that cannot run again (its unique address is taken): plan it without running it.
          try {
            await prepare();
            const plan = planOf(await connection.unsafe(`explain (format json) ${execute}`));
            out.push({
              ...base,
              analysed: false,
              planKind: kindOf(plan),
              ...inspect(plan),
              note: `explained without ANALYZE: running it failed (${(error as Error).message})`,
            });
          } catch (again) {
            out.push({
              ...base,
              analysed: false,
              note: `could not be explained: ${(again as Error).message}`,
            });
          }
        } finally {
          await finish();
        }
      }
    } finally {
      connection.release();
    }
    return out;
  } finally {
    await sql.end();
  }
}

const kindOf = (plan: PlanNode): "custom" | "generic" =>
  /\$\d+\b/.test(JSON.stringify(plan)) ? "generic" : "custom";

/**
 * The plans auto_explain logged for statements run inside functions, one per distinct query text
 * (a function runs once per row: its first call stands for the others). The explained statement
 * itself is logged too, as the EXPLAIN it ran under; it is left out.
 */
function nestedPlans(messages: string[]): { text: string; plan: PlanNode }[] {
  const byText = new Map<string, PlanNode>();
  for (const message of messages) {
    const json = message.slice(message.indexOf("{"));
    let entry: { "Query Text"?: string; Plan?: PlanNode };
    try {
      entry = JSON.parse(json);
    } catch {
      continue;
    }
    const text = entry["Query Text"]?.trim() ?? "";
    if (!entry.Plan || /^(explain|execute|prepare)\b/i.test(text)) continue;
    if (!byText.has(text)) byText.set(text, entry.Plan);
  }
  return [...byText].map(([text, plan]) => ({ text, plan }));
}

/** Counts the check and the reader need even at zero; other zero, false and empty fields are dropped. */
const keptAtZero = new Set(["Plan Rows", "Actual Rows", "Actual Loops", "Rows Removed by Filter"]);
/** Fields of every node that say little here (costs at startup, widths, async). */
const noise = new Set(["Startup Cost", "Plan Width", "Actual Startup Time", "Async Capable"]);

/** The plan without the fields that only add bulk to the result files. */
function slim(node: PlanNode): PlanNode {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (noise.has(key)) continue;
    if ((value === 0 || value === false || value === "") && !keptAtZero.has(key)) continue;
    out[key] = key === "Plans" ? (value as PlanNode[]).map(slim) : value;
  }
  return out as unknown as PlanNode;
}
