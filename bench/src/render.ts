// Re-renders the Markdown of a result file, against the latest results of the other sizes (so a
// large run's "within 20% of small" uses a small run made after it):
//   ../node_modules/.bin/node src/render.ts results/before-issue-10/2026-11-26-large.json
import { readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { latestResult, markdown, type Results } from "./report.ts";

const file = process.argv[2];
if (!file) {
  console.error("usage: node src/render.ts results/<date>-<size>.json");
  process.exit(2);
}
const results = JSON.parse(readFileSync(file, "utf8")) as Results;
const dir = dirname(file);
const table = markdown(results, {
  small: results.size === "small" ? null : latestResult(dir, "small"),
  large: results.size === "large" ? null : latestResult(dir, "large"),
});
writeFileSync(file.replace(/\.json$/, ".md"), `${table}\n`);
console.log(table);
