// Phase 6: the plans of every statement captured in the gate, explained and checked.
import { explainStatements } from "../explain.ts";
import { planRules } from "../plan-check.ts";
import { log } from "../progress.ts";
import type { PlanReport } from "../report.ts";
import { scenarios, url } from "./options.ts";
import type { Captured } from "./requests.ts";
import { progress } from "./state.ts";

/**
 * 6. The plans: every statement each server sent for each scenario in the gate, explained with
 * its own parameters and settings on the database as the load runs left it, and checked
 * (src/plan-check.ts). Returns one report per scenario and server.
 */
export async function explainAndCheck(captured: Captured): Promise<PlanReport[]> {
  const reports: PlanReport[] = [];
  for (const scenario of scenarios) {
    for (const [server, statements] of captured.get(scenario.id) ?? []) {
      progress.step = `explaining ${server}'s statements for ${scenario.name}`;
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
