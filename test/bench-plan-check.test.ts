// The benchmark's plan check (bench/src/plan-check.ts) on canned EXPLAIN JSON: the two
// PostGraphile front-page plans are real ones from `npm run bench -- --quick` (pruned to the fields
// the check reads), without and with the index PostGraphile's documentation calls for.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkPlan, indexesUsed, type PlanNode, planRules } from "../bench/src/plan-check.ts";

const fixture = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`./fixtures/bench-plans/${name}.json`, import.meta.url), "utf8"),
  ) as PlanNode;

// Row counts of the quick data set (bench/src/data/sizes.ts).
const quickTables: Record<string, number> = {
  articles: 1000,
  comments: 10_000,
  article_authors: 1200,
  article_tags: 2000,
  authors: 50,
  tags: 30,
};
const rowsOf = (table: string) => quickTables[table];

const node = (type: string, fields: Partial<PlanNode> = {}, plans: PlanNode[] = []): PlanNode => ({
  "Node Type": type,
  "Plan Rows": fields["Actual Rows"] ?? 1,
  "Actual Loops": 1,
  ...fields,
  ...(plans.length && { Plans: plans }),
});

describe("bench plan check", () => {
  it("fails PostGraphile's front page without an index for its order: a sort of every published article", () => {
    const findings = checkPlan(fixture("postgraphile-q1-without-index"), rowsOf);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "sort under a limit",
      node: "Sort (__articles__.published_at DESC, __articles__.id DESC)",
    });
    expect(findings[0]?.detail).toContain("sorts 956 rows to keep 20");
  });

  it("passes the same page with the (status, published_at desc, id desc) index", () => {
    const plan = fixture("postgraphile-q1-with-index");
    expect(checkPlan(plan, rowsOf)).toEqual([]);
    expect(indexesUsed(plan)[0]).toBe("bench_postgraphile_articles_status_published_idx");
  });

  it("flags a sequential scan of a large table that keeps few of the rows it reads", () => {
    const scan = node("Seq Scan", {
      "Relation Name": "comments",
      Alias: "c",
      Filter: "(article_id = $1)",
      "Actual Rows": 12,
    });
    expect(checkPlan(node("Aggregate", {}, [scan]), rowsOf)).toEqual([
      expect.objectContaining({ rule: "full scan", node: "Seq Scan on comments c" }),
    ]);
    // Estimated plans (a write explained without ANALYZE) are judged on the planner's estimates.
    const estimated: PlanNode = { "Node Type": "Seq Scan", "Relation Name": "comments", "Plan Rows": 12 };
    expect(checkPlan(estimated, rowsOf)).toHaveLength(1);
  });

  it("leaves small tables and scans that keep most of a table alone", () => {
    const tags = node("Seq Scan", { "Relation Name": "tags", "Actual Rows": 1, "Actual Loops": 20 });
    const mostArticles = node("Seq Scan", {
      "Relation Name": "articles",
      Filter: "(status = 'published')",
      "Actual Rows": 950,
    });
    expect(checkPlan(node("Append", {}, [tags, mostArticles]), rowsOf)).toEqual([]);
  });

  it("flags a join that reads a whole large table to keep a few rows", () => {
    const plan = node("Hash Join", { "Actual Rows": 20, "Hash Cond": "(c.article_id = a.id)" }, [
      node("Seq Scan", { "Relation Name": "comments", Alias: "c", "Actual Rows": 10_000 }),
      node("Hash", { "Actual Rows": 20 }, [
        node("Index Scan", { "Relation Name": "articles", "Index Name": "articles_pkey", "Actual Rows": 20 }),
      ]),
    ]);
    expect(checkPlan(plan, rowsOf)).toEqual([
      expect.objectContaining({ rule: "full scan", node: "Seq Scan on comments c" }),
    ]);
  });

  it("leaves sorts on expressions (search ranks) and sorts no limit cuts alone", () => {
    const byRank = node("Limit", { "Actual Rows": 10 }, [
      node("Sort", { "Sort Key": ["(ts_rank_cd(a.search_vector, q.q)) DESC"], "Actual Rows": 10 }, [
        node("Bitmap Heap Scan", { "Relation Name": "articles", "Actual Rows": 600 }),
      ]),
    ]);
    const unlimited = node("Sort", { "Sort Key": ["c.created_at", "c.id"], "Actual Rows": 900 }, [
      node("Index Scan", {
        "Relation Name": "comments",
        Alias: "c",
        "Index Name": "comments_status_idx",
        "Actual Rows": 900,
      }),
    ]);
    // Raw's Q5 ranks in a CTE and sorts on its output column: a qualified key no table scan carries.
    const byCteRank = node("Limit", { "Actual Rows": 10 }, [
      node("Sort", { "Sort Key": ["matches_1.rank DESC", "matches_1.id"], "Actual Rows": 10 }, [
        node("CTE Scan", { Alias: "matches_1", "Actual Rows": 2042 }),
      ]),
    ]);
    expect(checkPlan(byRank, rowsOf)).toEqual([]);
    expect(checkPlan(byCteRank, rowsOf)).toEqual([]);
    expect(checkPlan(unlimited, rowsOf)).toEqual([]);
    // The same sort under a limit, with more input than the rule allows, is flagged.
    const limited = node("Limit", { "Actual Rows": 20 }, [{ ...unlimited, "Actual Rows": 20 }]);
    expect(checkPlan(limited, rowsOf)).toHaveLength(1);
    expect(planRules.sortRows).toBeLessThan(900);
  });
});
