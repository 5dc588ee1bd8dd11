// Reading the plans of the statements each server sent (EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON),
// src/explain.ts): which indexes they use, a short text rendering for the result files, and the
// fairness check that fails a run when a plan does work an index would spare it. The rules (see
// ../README.md, "Plan check") are about plan shapes, never about time, so that a loaded machine
// cannot make them pass or fail:
//
//  - full scan: a sequential scan of a large table that keeps at most a tenth of the rows it
//    reads, by its own filter or by the join it feeds. An index on the filtered or joined
//    columns would find those rows without reading the others.
//  - sort under a limit: a Sort on plain columns of more than `sortRows` rows whose result a
//    LIMIT cuts (a top-N sort, or a Limit above it). A btree index on those columns, in that order, would return the first
//    rows in order and stop.
//
// Small tables (under `smallTableRows` rows: tags, authors) are legitimately read whole; sorts on
// expressions or on what a subquery computed (search ranks) cannot be served by an index and are
// left alone.

/** A node of PostgreSQL's JSON plan (the fields read here; PostgreSQL writes many more). */
export interface PlanNode {
  "Node Type": string;
  "Parent Relationship"?: string;
  "Parallel Aware"?: boolean;
  "Relation Name"?: string;
  Alias?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  "Recheck Cond"?: string;
  Filter?: string;
  "Join Filter"?: string;
  "Hash Cond"?: string;
  "Sort Key"?: string[];
  "Sort Method"?: string;
  "Subplan Name"?: string;
  "Plan Rows": number;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Actual Total Time"?: number;
  "Rows Removed by Filter"?: number;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
}

export interface PlanRules {
  /** A table with at most this many rows is small: reading it whole is as cheap as an index lookup. */
  smallTableRows: number;
  /** A whole-table read that keeps at most this share of the rows it reads is a full scan to flag. */
  keptFraction: number;
  /** A Sort of more than this many rows under a LIMIT is a sort an index would spare. */
  sortRows: number;
}

export const planRules: PlanRules = { smallTableRows: 500, keptFraction: 0.1, sortRows: 500 };

export interface PlanFinding {
  rule: "full scan" | "sort under a limit";
  /** The plan node, as EXPLAIN names it: "Seq Scan on comments c", "Sort (published_at DESC, id DESC)". */
  node: string;
  detail: string;
}

const analysed = (node: PlanNode) => node["Actual Loops"] !== undefined;
/** Rows a node returns in all its loops (estimated when the plan was not analysed). */
const rowsOut = (node: PlanNode) =>
  analysed(node) ? (node["Actual Rows"] ?? 0) * (node["Actual Loops"] ?? 1) : node["Plan Rows"];
const loops = (node: PlanNode) => node["Actual Loops"] ?? 1;

const isSeqScan = (node: PlanNode) => node["Node Type"] === "Seq Scan";
const joinTypes = new Set(["Hash Join", "Merge Join", "Nested Loop"]);
/** Nodes between a scan and the join it feeds that pass its rows on unfiltered. */
const passThrough = new Set(["Hash", "Materialize", "Sort", "Memoize", "Gather", "Gather Merge"]);
/** A sort key that names a column, optionally qualified and quoted, with a direction. */
const plainColumn =
  /^(?:(?<qualifier>"[^"]+"|\w+)\.)?(?:"[^"]+"|\w+)(?:\s+(?:ASC|DESC))?(?:\s+NULLS\s+(?:FIRST|LAST))?$/i;

/**
 * Whether every key of a Sort is a column of a table the sort reads, which a btree index can
 * deliver. EXPLAIN qualifies keys whenever the statement has more than one range table entry, so
 * a qualified key must name a table scanned below the sort (not a subquery's or CTE's output, such
 * as a search rank computed there), and an unqualified one belongs to the statement's only table.
 */
function sortsOnTableColumns(sort: PlanNode): boolean {
  const tables = new Set<string>();
  for (const [node] of walk(sort))
    if (node["Relation Name"]) tables.add((node.Alias ?? node["Relation Name"]).replace(/^"|"$/g, ""));
  return (sort["Sort Key"] ?? []).every((key) => {
    const match = plainColumn.exec(key.trim());
    if (!match) return false;
    const qualifier = match.groups?.qualifier?.replace(/^"|"$/g, "");
    return qualifier === undefined ? tables.size > 0 : tables.has(qualifier);
  });
}

export function describeNode(node: PlanNode): string {
  const type = `${node["Parallel Aware"] ? "Parallel " : ""}${node["Node Type"]}`;
  if (node["Relation Name"]) {
    const alias = node.Alias && node.Alias !== node["Relation Name"] ? ` ${node.Alias}` : "";
    const index = node["Index Name"] ? ` using ${node["Index Name"]}` : "";
    return `${type}${index} on ${node["Relation Name"]}${alias}`;
  }
  if (node["Sort Key"]) return `${type} (${node["Sort Key"].join(", ")})`;
  if (node["Subplan Name"]) return `${type} (${node["Subplan Name"]})`;
  return type;
}

/** Nodes that pass a LIMIT above them down to their input (a top-N sort under them stays top-N). */
const keepsLimit = new Set(["Limit", "Result", "Subquery Scan", "Gather Merge"]);

/** Every node, depth first, with whether a LIMIT cuts its output (directly or through `keepsLimit` nodes). */
function* walk(node: PlanNode, limited = false): Generator<[PlanNode, boolean]> {
  yield [node, limited];
  const passes = node["Node Type"] === "Limit" || (limited && keepsLimit.has(node["Node Type"]));
  for (const child of node.Plans ?? [])
    yield* walk(
      child,
      passes && child["Parent Relationship"] !== "SubPlan" && child["Parent Relationship"] !== "InitPlan",
    );
}

/** The seq scans a join reads through pass-through nodes (a Hash Join's hashed side, ...). */
function scansFeeding(join: PlanNode): PlanNode[] {
  const out: PlanNode[] = [];
  const visit = (node: PlanNode) => {
    if (isSeqScan(node)) out.push(node);
    else if (passThrough.has(node["Node Type"])) for (const child of node.Plans ?? []) visit(child);
  };
  for (const child of join.Plans ?? []) visit(child);
  return out;
}

/**
 * The findings for one plan. `tableRows` gives a table's current row count (undefined: unknown,
 * treated as small).
 */
export function checkPlan(
  plan: PlanNode,
  tableRows: (table: string) => number | undefined,
  rules: PlanRules = planRules,
): PlanFinding[] {
  const findings: PlanFinding[] = [];
  const flagged = new Set<PlanNode>();
  const large = (node: PlanNode) => (tableRows(node["Relation Name"] ?? "") ?? 0) > rules.smallTableRows;
  /** Rows a seq scan reads: the whole table once per loop (a parallel scan shares one pass). */
  const rowsRead = (scan: PlanNode) =>
    (tableRows(scan["Relation Name"] ?? "") ?? 0) * (scan["Parallel Aware"] ? 1 : loops(scan));
  const fullScan = (scan: PlanNode, kept: number, by: string) => {
    if (flagged.has(scan)) return;
    flagged.add(scan);
    const read = rowsRead(scan);
    findings.push({
      rule: "full scan",
      node: describeNode(scan),
      detail:
        `reads all ${tableRows(scan["Relation Name"] ?? "")} rows of ${scan["Relation Name"]}` +
        `${loops(scan) > 1 ? ` ${loops(scan)} times` : ""} and keeps ${Math.round(kept)} (${by}; ` +
        `${((100 * kept) / Math.max(1, read)).toFixed(1)}% of ${read} read): an index on the ` +
        `${by === "its filter" ? `filtered columns (${scan.Filter ?? "?"})` : "join key"} would find them directly`,
    });
  };

  for (const [node, underLimit] of walk(plan)) {
    if (isSeqScan(node) && large(node) && rowsOut(node) <= rules.keptFraction * rowsRead(node)) {
      fullScan(node, rowsOut(node), "its filter");
    }
    if (joinTypes.has(node["Node Type"])) {
      for (const scan of scansFeeding(node)) {
        if (large(scan) && rowsOut(node) <= rules.keptFraction * rowsOut(scan)) {
          fullScan(scan, rowsOut(node), `the ${node["Node Type"]} above it`);
        }
      }
    }
    if (node["Node Type"] === "Sort" && node["Sort Key"] && sortsOnTableColumns(node)) {
      const input = node.Plans?.[0];
      const sorted = input ? rowsOut(input) / loops(node) : 0;
      const limited = underLimit || /top-N/i.test(node["Sort Method"] ?? "");
      if (limited && sorted > rules.sortRows) {
        findings.push({
          rule: "sort under a limit",
          node: describeNode(node),
          detail:
            `sorts ${Math.round(sorted)} rows${analysed(node) ? "" : " (estimated)"} to keep ` +
            `${Math.round(rowsOut(node) / loops(node))}: an index on (${node["Sort Key"].join(", ")}) ` +
            "after the equality conditions would return them in order",
        });
      }
    }
  }
  return findings;
}

/** The indexes a plan reads, in plan order, without repeats. */
export function indexesUsed(plan: PlanNode): string[] {
  const names = new Set<string>();
  for (const [node] of walk(plan)) if (node["Index Name"]) names.add(node["Index Name"]);
  return [...names];
}

/** The tables a plan reads with a sequential scan. */
export function seqScanned(plan: PlanNode): string[] {
  const names = new Set<string>();
  for (const [node] of walk(plan))
    if (isSeqScan(node) && node["Relation Name"]) names.add(node["Relation Name"]);
  return [...names];
}

/** A compact text rendering of a plan, one node a line, like EXPLAIN's text format. */
export function renderPlan(plan: PlanNode): string {
  const lines: string[] = [];
  const visit = (node: PlanNode, depth: number) => {
    const pad = "  ".repeat(depth);
    const actual = analysed(node)
      ? ` (actual rows=${node["Actual Rows"]} loops=${node["Actual Loops"]} time=${node["Actual Total Time"]} ms)`
      : ` (estimated rows=${node["Plan Rows"]})`;
    const buffers =
      node["Shared Hit Blocks"] || node["Shared Read Blocks"]
        ? ` buffers hit=${node["Shared Hit Blocks"] ?? 0} read=${node["Shared Read Blocks"] ?? 0}`
        : "";
    const role = node["Parent Relationship"] && depth > 0 ? `[${node["Parent Relationship"]}] ` : "";
    lines.push(`${pad}${depth ? "-> " : ""}${role}${describeNode(node)}${actual}${buffers}`);
    for (const [label, value] of [
      ["Index Cond", node["Index Cond"]],
      ["Recheck Cond", node["Recheck Cond"]],
      ["Hash Cond", node["Hash Cond"]],
      ["Join Filter", node["Join Filter"]],
      ["Filter", node.Filter],
      ["Rows Removed by Filter", node["Rows Removed by Filter"]],
      ["Sort Method", node["Sort Method"]],
    ] as const) {
      if (value !== undefined && value !== 0) lines.push(`${pad}     ${label}: ${value}`);
    }
    for (const child of node.Plans ?? []) visit(child, depth + 1);
  };
  visit(plan, 0);
  return lines.join("\n");
}
