// Turning the measurements into the result file (JSON) and the Markdown table, with the ratios
// and the targets of issue 10 checked against what was measured.
import { readdirSync, readFileSync } from "node:fs";
import type { LoadReport } from "./data/database.ts";
import { peerIndexes } from "./data/extension.ts";
import type { ExplainedPlan, ExplainedStatement } from "./explain.ts";
import { planRules, renderPlan } from "./plan-check.ts";
import type { ProfileSummary } from "./profile.ts";
import type { ServerName } from "./scenarios/types.ts";

export interface RoundMeasure {
  rps: number;
  requests: number;
  seconds: number;
  saturationP50: number;
  saturationP99: number;
  cpuSecondsPer1k: number;
  dbCpuSecondsPer1k: number;
  /** Cores the load generator (this process) used during the run. */
  harnessCpuCores: number;
  /** Cores used by anything else on the machine during the run: noise. */
  otherCpuCores: number;
  /** Queries still running on the database after the run, cancelled before the next one. */
  cancelledQueries: number;
  errors: number;
}

export interface FixedMeasure {
  rate: number;
  achievedRps: number;
  p50: number;
  p90: number;
  p99: number;
  errors: number;
}

export interface ServerScenarioResult {
  statementsPerRequest: number;
  /** The SQL one request sent, as the proxy saw it. */
  statements: string[];
  saturation: RoundMeasure[];
  fixed: FixedMeasure[];
  /** What the plans of its statements showed (the plans themselves are in the -plans files). */
  plans?: PlanSummary;
}

/** Every statement one server sent for one scenario, explained (src/explain.ts). */
export interface PlanReport {
  scenario: string;
  scenarioName: string;
  server: ServerName;
  statements: ExplainedStatement[];
}

export interface PlanSummary {
  statements: number;
  explained: number;
  indexes: string[];
  /** Tables read whole (small ones, legitimately; large ones are findings). */
  seqScans: string[];
  /** Plan-check findings, one line each; none on a fair run. */
  findings: string[];
}

export interface Results {
  date: string;
  size: string;
  quick: boolean;
  settings: {
    rounds: number;
    durationSeconds: number;
    warmupSeconds: number;
    connections: number;
    poolSize: number;
  };
  machine: { cpuModel: string; cores: number; memoryGB: number; node: string; postgres: string };
  /** The lede measured: git HEAD, uncommitted files in src/ and drizzle/, hash of the snapshot run. */
  lede: {
    snapshot: string;
    gitHead: string;
    uncommittedFiles: number;
    /** The Node flags of lede's `npm start`, which the bench starts it with (absent in older results). */
    startFlags?: string[];
  };
  load: LoadReport | null;
  loadReused: boolean;
  /** Each peer's indexes (bench/src/data/extension.ts) applied or not; the foreign-key indexes added. */
  peerIndexes?: { applied: boolean; foreignKeyIndexes: string[] };
  servers: ServerName[];
  scenarios: {
    id: string;
    name: string;
    fixedRate: number;
    byServer: Partial<Record<ServerName, ServerScenarioResult>>;
    /** A scenario that writes (a new comment, a new subscriber per request). */
    mutates?: boolean;
    /** Servers that do not implement the scenario, and why ("n/a" in the table). */
    unsupported?: Partial<Record<ServerName, string>>;
  }[];
  peakRssBytes: Partial<Record<ServerName, number>>;
  profile?: ({ scenario: string } & ProfileSummary)[];
  seconds: number;
}

export const median = (values: number[]): number => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

export interface Summary {
  rps: number;
  p50: number;
  p99: number;
  statements: number;
  cpuPer1k: number;
  dbCpuPer1k: number;
  errors: number;
}

export function summarise(result: ServerScenarioResult): Summary {
  return {
    rps: median(result.saturation.map((m) => m.rps)),
    p50: median(result.fixed.map((m) => m.p50)),
    p99: median(result.fixed.map((m) => m.p99)),
    statements: result.statementsPerRequest,
    cpuPer1k: median(result.saturation.map((m) => m.cpuSecondsPer1k)),
    dbCpuPer1k: median(result.saturation.map((m) => m.dbCpuSecondsPer1k)),
    errors: [...result.saturation, ...result.fixed].reduce((sum, m) => sum + m.errors, 0),
  };
}

const f = (value: number, digits = 0) =>
  Number.isFinite(value)
    ? value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : "n/a";
const ratio = (a: number, b: number) =>
  Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : Number.NaN;
const mark = (target: TargetResult) =>
  target.met === null ? "n/a" : target.unsettled ? "unsettled" : target.met ? "met" : "**missed**";

/** The most recent other result file for `size` in `dir`, if any (for "large within 20% of small"). */
export function latestResult(dir: string, size: string): Results | null {
  try {
    const files = readdirSync(dir)
      .filter((name) => name.endsWith(`-${size}.json`))
      .sort();
    const last = files.at(-1);
    return last ? (JSON.parse(readFileSync(`${dir}/${last}`, "utf8")) as Results) : null;
  } catch {
    return null;
  }
}

export interface TargetResult {
  name: string;
  /** null: this run cannot tell (a scenario or a size it did not measure). */
  met: boolean | null;
  /**
   * The rounds disagree: the median says `met`, but at least one round, compared with the peer's
   * round beside it, says the opposite. On a shared 2-core machine one server's bad round (a
   * ceiling that loses half its rate for a round) can carry a median across the line.
   */
  unsettled?: boolean;
  measured: string;
}

/**
 * Issue 10's targets ("Targets"), each checked against this run: ratios of medians measured side
 * by side in it, the large-data rows against the latest result of the other size (`peers`).
 */
export function issue10Targets(
  results: Results,
  peers: { small?: Results | null; large?: Results | null } = {},
): TargetResult[] {
  const resultsOf = (run: Results, id: string) => run.scenarios.find((sc) => sc.id === id)?.byServer;
  const sumsOf = (run: Results, id: string): Record<string, Summary> | undefined => {
    const byServer = resultsOf(run, id);
    if (!byServer) return undefined;
    const sums: Record<string, Summary> = {};
    for (const [server, r] of Object.entries(byServer)) if (r) sums[server] = summarise(r);
    return sums;
  };
  const nameOf = (id: string) => results.scenarios.find((sc) => sc.id === id)?.name ?? id.toUpperCase();
  const targets: TargetResult[] = [];
  /** lede's figure over a peer's, against a floor (at least) or a ceiling (at most). */
  const versus = (
    name: string,
    id: string,
    peer: ServerName,
    measure: {
      pick: (s: Summary) => number;
      rounds: (r: ServerScenarioResult) => number[];
      digits: number;
      unit: string;
    },
    bound: { atLeast: number } | { atMost: number },
  ) => {
    const byServer = resultsOf(results, id);
    const lede = byServer?.lede;
    const other = byServer?.[peer];
    if (!lede || !other) {
      targets.push({ name, met: null, measured: `${nameOf(id)} with lede and ${peer} not in this run` });
      return;
    }
    const [a, b] = [measure.pick(summarise(lede)), measure.pick(summarise(other))];
    const r = ratio(a, b);
    const meets = (value: number) => ("atLeast" in bound ? value >= bound.atLeast : value <= bound.atMost);
    const met = Number.isFinite(r) ? meets(r) : null;
    const figures = `${f(a, measure.digits)} / ${f(b, measure.digits)} ${measure.unit}`;
    // Round i of each server ran one after the other (the rounds interleave): compare them pairwise.
    const [ledeRounds, otherRounds] = [measure.rounds(lede), measure.rounds(other)];
    const byRound = ledeRounds
      .slice(0, otherRounds.length)
      .map((value, i) => ratio(value, otherRounds[i] as number));
    const unsettled = met !== null && byRound.length > 1 && byRound.some((value) => meets(value) !== met);
    const rounds =
      byRound.length > 1 ? `; by round ${byRound.map((value) => `${f(value, 2)}×`).join(", ")}` : "";
    targets.push({
      name,
      met,
      ...(unsettled && { unsettled }),
      measured: `${f(r, 2)}× (${figures}${rounds})`,
    });
  };
  const rps = {
    pick: (s: Summary) => s.rps,
    rounds: (r: ServerScenarioResult) => r.saturation.map((m) => m.rps),
    digits: 0,
    unit: "req/s",
  };
  const p99 = {
    pick: (s: Summary) => s.p99,
    rounds: (r: ServerScenarioResult) => r.fixed.map((m) => m.p99),
    digits: 1,
    unit: "ms",
  };
  versus("Q1 front page, lede / PostGraphile req/s ≥ 2.0×", "q1", "postgraphile", rps, { atLeast: 2 });
  versus("Q1 front page, lede / raw req/s ≥ 0.7×", "q1", "raw", rps, { atLeast: 0.7 });
  versus("Q2 article page, lede / PostGraphile req/s ≥ 2.0×", "q2", "postgraphile", rps, { atLeast: 2 });
  versus("Q2 article page, lede / raw req/s ≥ 0.5×", "q2", "raw", rps, { atLeast: 0.5 });
  versus("Q1 front page, p99 at the fixed rate, lede / raw ≤ 2×", "q1", "raw", p99, { atMost: 2 });
  versus("Q2 article page, p99 at the fixed rate, lede / raw ≤ 2×", "q2", "raw", p99, { atMost: 2 });

  const ledeRss = results.peakRssBytes.lede;
  const rawRss = results.peakRssBytes.raw;
  if (ledeRss !== undefined && rawRss !== undefined) {
    const r = ratio(ledeRss, rawRss);
    targets.push({
      name: "peak RSS under the same load, lede / raw ≤ 1.2×",
      met: Number.isFinite(r) ? r <= 1.2 : null,
      measured: `${f(r, 2)}× (${f(ledeRss / 1048576)} / ${f(rawRss / 1048576)} MB)`,
    });
  } else {
    targets.push({
      name: "peak RSS under the same load, lede / raw ≤ 1.2×",
      met: null,
      measured: "lede and raw not both in this run",
    });
  }

  // Every rule kept: the correctness gate checks each answer before the load runs.
  versus("Q3 post comment, lede / raw req/s ≥ 0.5×", "q3", "raw", rps, { atLeast: 0.5 });
  versus("Q4 subscribe, lede / raw req/s ≥ 0.5×", "q4", "raw", rps, { atLeast: 0.5 });

  const small = results.size === "small" ? results : peers.small;
  const large = results.size === "large" ? results : peers.large;
  for (const id of ["q1", "q2"]) {
    const name = `large data, ${nameOf(id)}: lede req/s within 20% of small`;
    const a = large && sumsOf(large, id)?.lede;
    const b = small && sumsOf(small, id)?.lede;
    if (!small || !large || !a || !b) {
      targets.push({ name, met: null, measured: `needs a small and a large run of ${nameOf(id)}` });
      continue;
    }
    const r = ratio(a.rps, b.rps);
    targets.push({
      name,
      met: Number.isFinite(r) ? r >= 0.8 : null,
      measured: `${f(r, 2)}× (${f(a.rps)} large, ${large.date} / ${f(b.rps)} small, ${small.date})`,
    });
  }
  const search = large && sumsOf(large, "q5")?.lede;
  targets.push(
    search
      ? {
          name: "Q5 search, large data: lede p99 at the fixed rate ≤ 50 ms",
          met: Number.isFinite(search.p99) ? search.p99 <= 50 : null,
          measured: `${f(search.p99, 1)} ms (${large?.date})`,
        }
      : {
          name: "Q5 search, large data: lede p99 at the fixed rate ≤ 50 ms",
          met: null,
          measured: "needs a large run of Q5",
        },
  );
  targets.push({
    name: "embedded start to the first answer ≤ 3 s new, ≤ 1 s after",
    met: null,
    measured: "not measured here: `npm run first-answer`",
  });
  return targets;
}

export function markdown(
  results: Results,
  peers: { small?: Results | null; large?: Results | null } = {},
): string {
  const out: string[] = [];
  const s = results.settings;
  out.push(`## ${results.date} — ${results.size} data${results.quick ? " (quick)" : ""}`);
  out.push("");
  out.push(
    `${results.machine.cores} cores (${results.machine.cpuModel}), ${results.machine.memoryGB} GB, Node ${results.machine.node}, ${results.machine.postgres}. ` +
      `${s.rounds} interleaved round(s) of ${s.durationSeconds} s per server and scenario after ${s.warmupSeconds} s of warm-up, ` +
      `${s.connections} connections, pool of ${s.poolSize} per server; medians of the rounds. ` +
      "Servers, PostgreSQL and the load generator share the machine. " +
      "Errors are requests that failed or timed out (10 s) under load; a server with errors at saturation does not set the fixed rate.",
  );
  out.push(
    "",
    `lede at ${results.lede.gitHead}${results.lede.uncommittedFiles ? ` with ${results.lede.uncommittedFiles} uncommitted file(s) in src/ and drizzle/` : ""} (snapshot ${results.lede.snapshot}), ` +
      `run as \`npm start\` runs it (\`node ${[...(results.lede.startFlags ?? []), "src/server.ts"].join(" ")}\`) with \`NODE_ENV=production\`, ` +
      "its response cache off (`RESPONSE_CACHE=false`) unless listed as lede-cached.",
  );
  if (results.load) {
    const l = results.load;
    out.push("");
    out.push(
      `${results.loadReused ? "Data reused; it had loaded" : "Data loaded"} in ${f(l.seconds, 1)} s (${l.mode}: COPY ${f(l.copySeconds, 1)} s, indexes and foreign keys ${f(l.indexSeconds, 1)} s, vacuum analyze ${f(l.vacuumSeconds, 1)} s), ` +
        `${f(l.databaseBytes / 1e6)} MB on disk: ${l.tables.map((t) => `${t.name} ${f(t.rows)}`).join(", ")}.`,
    );
  } else if (results.loadReused) {
    // loaded before load reports were kept
    out.push("", "Data reused from an earlier load (`--reuse`).");
  }
  out.push("");
  out.push(
    "| scenario | server | req/s at saturation | p50 ms | p99 ms | at fixed req/s | SQL statements / request | server CPU s / 1k req | PostgreSQL CPU s / 1k req | errors |",
  );
  out.push("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
  const notes: string[] = [];
  for (const scenario of results.scenarios) {
    // A peer missing from the machine (nginx) runs nowhere, yet gets its "n/a" row and reason.
    const unsupported = Object.keys(scenario.unsupported ?? {}) as ServerName[];
    for (const server of new Set([...results.servers, ...unsupported])) {
      const r = scenario.byServer[server];
      const why = scenario.unsupported?.[server];
      if (!r && why) {
        out.push(`| ${scenario.name} | ${server} | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a |`);
        notes.push(`${scenario.name} on ${server}: n/a, ${why}.`);
      }
      if (!r) continue;
      const m = summarise(r);
      out.push(
        `| ${scenario.name} | ${server} | ${f(m.rps)} | ${f(m.p50, 1)} | ${f(m.p99, 1)} | ${f(scenario.fixedRate)} | ${f(m.statements, 1)} | ${f(m.cpuPer1k, 2)} | ${f(m.dbCpuPer1k, 2)} | ${m.errors} |`,
      );
    }
  }
  if (notes.length) out.push("", ...notes);
  out.push("");
  out.push(
    `Peak RSS (VmHWM over the whole run): ${results.servers.map((name) => `${name} ${f((results.peakRssBytes[name] ?? Number.NaN) / 1048576)} MB`).join(", ")}.`,
  );

  const others = results.scenarios.flatMap((sc) =>
    Object.values(sc.byServer).flatMap((r) => (r ? r.saturation.map((m) => m.otherCpuCores) : [])),
  );
  const harness = results.scenarios.flatMap((sc) =>
    Object.values(sc.byServer).flatMap((r) => (r ? r.saturation.map((m) => m.harnessCpuCores) : [])),
  );
  out.push(
    "",
    `Load generator (autocannon, in the harness) used ${f(median(harness), 2)} cores (median) during saturation runs. ` +
      `Other processes on the machine used ${f(median(others), 2)} cores (median, max ${f(Math.max(...others), 2)}) during them: ` +
      (Math.max(...others) > 0.25
        ? "**the machine was not quiet; treat absolute figures with care**."
        : "the machine was quiet."),
  );
  out.push(
    "",
    "| scenario | lede / PostGraphile req/s | lede / raw req/s | lede / raw p99 |",
    "|---|---:|---:|---:|",
  );
  const byId = new Map<string, Record<string, Summary>>();
  for (const scenario of results.scenarios) {
    const sums: Record<string, Summary> = {};
    for (const [server, r] of Object.entries(scenario.byServer)) if (r) sums[server] = summarise(r);
    byId.set(scenario.id, sums);
    const lede = sums.lede;
    out.push(
      `| ${scenario.name} | ${f(ratio(lede?.rps ?? Number.NaN, sums.postgraphile?.rps ?? Number.NaN), 2)} | ${f(ratio(lede?.rps ?? Number.NaN, sums.raw?.rps ?? Number.NaN), 2)} | ${f(ratio(lede?.p99 ?? Number.NaN, sums.raw?.p99 ?? Number.NaN), 2)} |`,
    );
  }

  /** A table of the scenarios one server ran, comparing it with others: one row each. */
  const comparison = (
    server: ServerName,
    header: string,
    row: (sums: Record<string, Summary>, s: Summary) => string[],
  ) => {
    const ran = results.scenarios.filter((sc) => sc.byServer[server]);
    if (!ran.length) return;
    out.push("", `| ${header} |`, `|---|${"---:|".repeat(header.split("|").length - 1)}`);
    for (const scenario of ran) {
      const sums = byId.get(scenario.id) ?? {};
      out.push(`| ${[scenario.name, ...row(sums, sums[server] as Summary)].join(" | ")} |`);
    }
  };
  // Issue 7: cache-hit Q1 (lede-cached answers repeated front pages from its response cache)
  // against the uncached lede and against the raw ceiling.
  comparison(
    "lede-cached",
    "cache hits | lede-cached req/s | lede-cached p99 ms | / uncached lede req/s | / raw req/s | lede-cached / raw p99 | SQL statements / request",
    (sums, c) => [
      f(c.rps),
      f(c.p99, 1),
      `${f(ratio(c.rps, sums.lede?.rps ?? Number.NaN), 2)}×`,
      `${f(ratio(c.rps, sums.raw?.rps ?? Number.NaN), 2)}×`,
      `${f(ratio(c.p99, sums.raw?.p99 ?? Number.NaN), 2)}×`,
      f(c.statements, 1),
    ],
  );
  // Q6: lede serving a warm image rendition, against nginx sending the same file from disk.
  comparison(
    "nginx",
    "files | lede req/s | nginx req/s | lede / nginx req/s | lede / nginx p99 | lede / nginx CPU per request",
    (sums, nginx) => [
      f(sums.lede?.rps ?? Number.NaN),
      f(nginx.rps),
      `${f(ratio(sums.lede?.rps ?? Number.NaN, nginx.rps), 2)}×`,
      `${f(ratio(sums.lede?.p99 ?? Number.NaN, nginx.p99), 2)}×`,
      `${f(ratio(sums.lede?.cpuPer1k ?? Number.NaN, nginx.cpuPer1k), 2)}×`,
    ],
  );

  out.push("", "| target (issue 10) | result | measured |", "|---|---|---|");
  for (const t of issue10Targets(results, peers)) out.push(`| ${t.name} | ${mark(t)} | ${t.measured} |`);

  const planned = results.scenarios.flatMap((sc) =>
    results.servers.flatMap((server) => {
      const p = sc.byServer[server]?.plans;
      return p ? [{ scenario: sc.name, server, p }] : [];
    }),
  );
  if (planned.length) {
    out.push(
      "",
      `Plans (EXPLAIN ANALYZE of every statement each server sent; details in the -plans.md file; peer indexes ${results.peerIndexes?.applied === false ? "**left out**" : "applied"}):`,
      "",
      "| scenario | server | statements explained | indexes used | tables read whole | plan check |",
      "|---|---|---:|---|---|---|",
    );
    for (const { scenario, server, p } of planned) {
      out.push(
        `| ${scenario} | ${server} | ${p.explained} of ${p.statements} | ${p.indexes.join(", ") || "none"} | ${p.seqScans.join(", ") || "none"} | ${p.findings.length ? `**${p.findings.length} finding(s)**: ${p.findings.join("; ")}` : "ok"} |`,
      );
    }
    if (results.peerIndexes?.foreignKeyIndexes.length)
      out.push(
        "",
        `Foreign keys lede's schema leaves unindexed, indexed for PostGraphile (its best practices): ${results.peerIndexes.foreignKeyIndexes.map((i) => `\`${i}\``).join(", ")}.`,
      );
  }

  if (results.profile?.length) {
    out.push(
      "",
      "lede CPU profile under saturation (`--cpu-prof`, self time; a separate run, not the measured one):",
      "",
    );
    for (const p of results.profile) {
      out.push(
        `- ${p.scenario}, by package: ${p.byPackage
          .slice(0, 10)
          .map((t) => `${t.name} ${f(t.selfPercent, 1)}%`)
          .join(", ")}`,
      );
      out.push(
        `- ${p.scenario}, by function: ${p.top
          .slice(0, 10)
          .map((t) => `\`${t.name}\` (${t.where}) ${f(t.selfPercent, 1)}%`)
          .join("; ")}`,
      );
    }
  }
  return out.join("\n");
}

const short = (text: string, length = 110) => {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > length ? `${line.slice(0, length)}…` : line;
};

/** Every plan of a report, the statement's own and those of the functions it calls. */
const plansOf = (statement: ExplainedStatement): (ExplainedPlan & { text: string; nested: boolean })[] => [
  ...(statement.plan
    ? [
        {
          text: statement.text,
          nested: false,
          plan: statement.plan,
          findings: statement.findings ?? [],
          indexes: statement.indexes ?? [],
          seqScans: statement.seqScans ?? [],
        },
      ]
    : []),
  ...statement.nested.map((n) => ({ ...n, nested: true })),
];

export function planSummary(report: PlanReport): PlanSummary {
  const plans = report.statements.flatMap(plansOf);
  return {
    statements: report.statements.length,
    explained: report.statements.filter((s) => s.plan).length,
    indexes: [...new Set(plans.flatMap((p) => p.indexes ?? []))],
    seqScans: [...new Set(plans.flatMap((p) => p.seqScans ?? []))],
    findings: plans.flatMap((p) =>
      (p.findings ?? []).map(
        (f) => `${f.rule}: ${f.node} — ${f.detail}${p.nested ? " (in a function it calls)" : ""}`,
      ),
    ),
  };
}

/** One paragraph per plan-check finding, naming the server, scenario, statement and plan node. */
export function planFailures(reports: PlanReport[]): string[] {
  return reports.flatMap((report) =>
    report.statements.flatMap((statement) =>
      plansOf(statement).flatMap((plan) =>
        (plan.findings ?? []).map(
          (f) =>
            `${report.server}, ${report.scenarioName}: ${f.rule} at "${f.node}"
  ${f.detail}
  statement${plan.nested ? " (run by a function the server's statement calls)" : ""}: ${short(plan.text, 300)}`,
        ),
      ),
    ),
  );
}

/** The -plans.md result: each server's statements per scenario, with their plans and the check's findings. */
export function plansMarkdown(results: Results, reports: PlanReport[]): string {
  const out = [
    `# Plans — ${results.date}, ${results.size} data${results.quick ? " (quick)" : ""}`,
    "",
    "Every distinct statement each server sent for each scenario during the correctness gate, replayed " +
      "after the load runs with the parameters and session settings it was sent with: " +
      "`EXPLAIN (ANALYZE, BUFFERS)`, a named prepared statement planned five times first (as the server's " +
      "plan cache would have), statements run inside functions it calls explained by auto_explain. " +
      `Peer indexes ${results.peerIndexes?.applied === false ? "**left out** (`--without-peer-indexes`)" : `applied: ${peerIndexes.map((i) => `\`${i.name}\` ${i.definition}`).join("; ")}`}. ` +
      `Plan check: tables over ${planRules.smallTableRows} rows, full scans keeping at most ${100 * planRules.keptFraction}% of what they read, ` +
      `sorts under a LIMIT of more than ${planRules.sortRows} rows (bench/README.md, "Plan check").`,
  ];
  for (const report of reports) {
    const summary = planSummary(report);
    out.push(
      "",
      `## ${report.scenarioName} — ${report.server}`,
      "",
      `${summary.explained} of ${summary.statements} statement(s) explained; indexes: ${summary.indexes.map((i) => `\`${i}\``).join(", ") || "none"}; ` +
        `sequential scans: ${summary.seqScans.join(", ") || "none"}; findings: ${summary.findings.length ? `**${summary.findings.length}**` : "none"}.`,
    );
    for (const [i, statement] of report.statements.entries()) {
      out.push(
        "",
        `### ${i + 1}. ${statement.named ? "prepared" : "unnamed"}${statement.planKind ? `, ${statement.planKind} plan` : ""}${statement.analysed ? "" : ", not analysed"}`,
        "",
        "```sql",
        statement.text.trim(),
        "```",
      );
      if (statement.params.length)
        out.push(
          "",
          `Parameters: ${statement.params.map((p) => (p === null ? "NULL" : `\`${short(p, 60)}\``)).join(", ")}`,
        );
      if (statement.note) out.push("", `Note: ${statement.note}`);
      for (const plan of plansOf(statement)) {
        if (plan.nested) out.push("", `Run by a function it calls: \`${short(plan.text, 200)}\``);
        out.push("", "```", renderPlan(plan.plan), "```");
        for (const f of plan.findings ?? []) out.push("", `**Finding (${f.rule})**: ${f.node} — ${f.detail}`);
      }
    }
  }
  return out.join("\n");
}
