// Phase 7: the result files, the table, and the run's verdict.
import { mkdirSync, writeFileSync } from "node:fs";
import { log } from "../progress.ts";
import {
  latestResult,
  markdown,
  type PlanReport,
  planFailures,
  plansMarkdown,
  type Results,
} from "../report.ts";
import type { ServerName } from "../scenarios/types.ts";
import { outDir, quick, size } from "./options.ts";
import { progress } from "./state.ts";

/** 7. The result files (JSON, Markdown, and the plans beside them) and the table on stdout. */
export function writeResults(output: Results, plans: PlanReport[]): void {
  progress.step = "writing results";
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
export function verdict(output: Results, errorsSeen: string[], plans: PlanReport[]): number {
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
