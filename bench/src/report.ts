// Turning the measurements into the result file (JSON) and the Markdown table, with the ratios
// and the targets of issue 3 checked against what was measured.
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
  lede: { snapshot: string; gitHead: string; uncommittedFiles: number };
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
const mark = (ok: boolean | null) => (ok === null ? "n/a" : ok ? "met" : "**missed**");

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
      "run with `NODE_ENV=production`, its response cache off (`RESPONSE_CACHE=false`) unless listed as lede-cached.",
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

  const q1 = byId.get("q1");
  const rss = results.peakRssBytes.lede;
  const targets: [string, boolean | null, string][] = [];
  if (q1?.lede) {
    targets.push([
      "Q1 at most 2 SQL statements per request",
      q1.lede.statements <= 2,
      `${f(q1.lede.statements, 1)}`,
    ]);
    if (q1.postgraphile)
      targets.push([
        "Q1 throughput at least 2× PostGraphile",
        ratio(q1.lede.rps, q1.postgraphile.rps) >= 2,
        `${f(ratio(q1.lede.rps, q1.postgraphile.rps), 2)}×`,
      ]);
    if (q1.raw)
      targets.push([
        "Q1 throughput at least 0.7× raw",
        ratio(q1.lede.rps, q1.raw.rps) >= 0.7,
        `${f(ratio(q1.lede.rps, q1.raw.rps), 2)}×`,
      ]);
  }
  // Issue 3's targets are about its two pages; the later scenarios (writes, search) have none yet.
  const issue3 = (id: string) => id === "q1" || id === "q2";
  for (const scenario of results.scenarios.filter((sc) => issue3(sc.id))) {
    const sums = byId.get(scenario.id);
    if (sums?.lede && sums.raw)
      targets.push([
        `${scenario.name}: p99 at the fixed rate at most 1.5× raw`,
        ratio(sums.lede.p99, sums.raw.p99) <= 1.5,
        `${f(ratio(sums.lede.p99, sums.raw.p99), 2)}×`,
      ]);
  }
  if (rss !== undefined)
    targets.push(["lede peak RSS at most 150 MB", rss <= 150 * 1048576, `${f(rss / 1048576)} MB`]);
  const small = results.size === "small" ? results : peers.small;
  const large = results.size === "large" ? results : peers.large;
  if (small && large) {
    for (const scenario of large.scenarios.filter((sc) => issue3(sc.id))) {
      const a = scenario.byServer.lede;
      const b = small.scenarios.find((x) => x.id === scenario.id)?.byServer.lede;
      if (!a || !b) continue;
      const r = ratio(summarise(a).rps, summarise(b).rps);
      targets.push([
        `${scenario.name}: large within 20% of small (lede req/s)`,
        r >= 0.8,
        `${f(r, 2)}× (${small.date} vs ${large.date})`,
      ]);
    }
  } else {
    targets.push(["large within 20% of small", null, "needs a small and a large run"]);
  }
  out.push("", "| target | result | measured |", "|---|---|---|");
  for (const [name, ok, measured] of targets) out.push(`| ${name} | ${mark(ok)} | ${measured} |`);

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
