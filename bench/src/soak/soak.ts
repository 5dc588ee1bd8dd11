// `npm run soak --prefix bench` — three lede processes on one PostgreSQL and one Redis, in
// production mode: fan-out of comments to subscribers on every process, stale reads through the
// response cache under simultaneous approvals, and processes started together on an empty
// database. Exits 1 when anything is lost, doubled, out of order, stale, or a start failed.
// See ../../README.md, "Soak: three processes".
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { type SeedComment, seedArticles } from "../../../src/db/seed-content.ts";
import { stableUuid } from "../../../src/db/stable-uuid.ts";
import { dropDatabase } from "../data/database.ts";
import { log } from "../progress.ts";
import { benchRoot, ledeRoot } from "../servers/servers.ts";
import {
  type ClusterOptions,
  createDatabase,
  createStaffToken,
  flushRedis,
  type LedeProcess,
  soakSettings,
  startCluster,
  stopCluster,
} from "./cluster.ts";
import { runFanOut } from "./fan-out.ts";
import { failuresOf, markdown, type SoakResult } from "./report.ts";
import { runStaleReads } from "./stale-reads.ts";
import { runStartRace } from "./start-race.ts";

const usage = `usage: npm run soak --prefix bench -- [options]

  --quick              500 comments, 12 subscribers, 2 approval rounds, 2 start tries (CI-sized)
  --comments N         comments posted for the fan-out (default 10000)
  --subscribers N      subscribers, split over the 3 processes, half SSE, half graphql-ws (default 60)
  --concurrency N      posts in flight at once (default 6)
  --rounds N           approval rounds of the stale-read check (default 10)
  --starts N           tries at starting 3 processes together on an empty database (default 5)
  --database NAME      the database's name; start tries use NAME_start1… (default lede_soak_run)
  --redis URL          a Redis database of the soak's own: it is emptied (default redis://127.0.0.1:6379/12)
  --out DIR            where results go (default bench/results; --quick: bench/.work/results)
  --timeout S          abort after S seconds (default 1200; --quick: 180)

Environment: DATABASE_URL, the admin connection (default postgres://postgres@127.0.0.1:5432/postgres).`;

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    comments: { type: "string" },
    subscribers: { type: "string" },
    concurrency: { type: "string" },
    rounds: { type: "string" },
    starts: { type: "string" },
    database: { type: "string" },
    redis: { type: "string" },
    out: { type: "string" },
    timeout: { type: "string" },
    help: { type: "boolean", default: false },
  },
  strict: true,
});
if (args.help) {
  console.log(usage);
  process.exit(0);
}
function fail(message: string): never {
  console.error(`soak: ${message}`);
  process.exit(2);
}
const count = (value: string | undefined, fallback: number, name: string, min = 1): number => {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min) fail(`--${name} must be an integer ≥ ${min}, got ${value}`);
  return parsed;
};

const quick = args.quick === true;
const settings = {
  comments: count(args.comments, quick ? 500 : 10_000, "comments"),
  // Bounded: the load stays on this machine and within minutes.
  subscribers: count(args.subscribers, quick ? 12 : 60, "subscribers", 2),
  concurrency: count(args.concurrency, 6, "concurrency"),
  rounds: count(args.rounds, quick ? 2 : 10, "rounds"),
  starts: count(args.starts, quick ? 2 : 5, "starts", 0),
  timeoutSeconds: count(args.timeout, quick ? 180 : 1200, "timeout"),
};
if (settings.comments > 100_000) fail("--comments is at most 100000");
if (settings.subscribers > 600) fail("--subscribers is at most 600");
const database = args.database ?? "lede_soak_run";
if (!/^[a-z_][a-z0-9_]{0,40}$/.test(database))
  fail(`--database must be a plain lower-case name: ${database}`);
const adminUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const redisUrl = args.redis ?? "redis://127.0.0.1:6379/12";
for (const url of [adminUrl, redisUrl]) {
  if (!["127.0.0.1", "localhost", "[::1]"].includes(new URL(url).hostname)) {
    fail(`the soak runs on this machine only: ${new URL(url).hostname} is not local`);
  }
}
const outDir = args.out ?? `${benchRoot}${quick ? ".work/results" : "results"}`;

// The demo articles the checks use: the last two published ones that take comments, which the
// test suite's own subscriptions (on the first ones) never listen to; Redis channels are shared by
// every database number.
const open = seedArticles.filter((a) => a.status === "published" && a.commentsOpen);
const fanOutArticle = open.at(-1);
const staleArticle = open.at(-2);
if (!fanOutArticle || !staleArticle) fail("the demo content has fewer than two open articles");
const articleId = (slug: string) => encodeGlobalID("Article", stableUuid(`article:${slug}`));
function* walk(list: readonly SeedComment[]): Generator<SeedComment> {
  for (const comment of list) {
    yield comment;
    yield* walk(comment.replies ?? []);
  }
}
// Rotating over every known commenter keeps each one's comments few: the duplicate check reads them.
const knownEmails = [
  ...new Set(
    seedArticles.flatMap((a) =>
      [...walk(a.comments)].filter((c) => c.status === "approved").map((c) => c.authorEmail),
    ),
  ),
];

const started = performance.now();
const runId = Math.random().toString(36).slice(2, 8);
const cluster: ClusterOptions = {
  adminUrl,
  database,
  redisUrl,
  settings: soakSettings(settings),
  startTimeoutMs: 90_000,
};
const git = (...gitArgs: string[]) =>
  execFileSync("git", ["-C", ledeRoot, ...gitArgs], { encoding: "utf8" }).trim();
const result: SoakResult = {
  date: new Date().toISOString().slice(0, 10),
  command: `npm run soak --prefix bench -- ${process.argv.slice(2).join(" ")}`.trim(),
  lede: {
    gitHead: git("rev-parse", "--short", "HEAD"),
    uncommittedFiles: git("status", "--porcelain", "--", "src", "drizzle").split("\n").filter(Boolean).length,
  },
  machine: { cores: cpus().length, loadAverage: { start: loadavg(), end: [] } },
  settings: cluster.settings,
  articles: { fanOut: fanOutArticle.slug, staleReads: staleArticle.slug },
  fanOut: null,
  staleReads: null,
  starts: null,
  stopCodes: [],
  failures: [],
  seconds: 0,
  stepSeconds: {},
};

let step = "starting the processes";
let stepStarted = performance.now();
/** Seconds each step took, for the result. */
const stepSeconds: Record<string, number> = {};
const enter = (next: string) => {
  stepSeconds[step] = (performance.now() - stepStarted) / 1000;
  step = next;
  stepStarted = performance.now();
};
setTimeout(() => {
  console.error(`soak: FAILED — the run took longer than ${settings.timeoutSeconds} s (stuck in: ${step})`);
  // The exit handler kills the servers; the databases are dropped by the next run.
  process.exit(1);
}, settings.timeoutSeconds * 1000).unref();

log(
  `soak ${runId}: ${settings.comments} comments, ${settings.subscribers} subscribers, ${settings.rounds} rounds, ${settings.starts} start tries; load average ${loadavg()[0]?.toFixed(2)}`,
);
let servers: LedeProcess[] = [];
try {
  await createDatabase(adminUrl, database);
  await flushRedis(redisUrl);
  const start = await startCluster(cluster);
  servers = start.servers;
  const notReady = start.outcomes.findIndex((o) => !o.ready);
  if (notReady >= 0) {
    throw new Error(`process ${notReady + 1} did not become ready:\n${servers[notReady]?.output()}`);
  }
  log(`  3 processes ready on ${database}`);

  enter("fan-out");
  result.fanOut = await runFanOut({
    servers,
    articleId: articleId(fanOutArticle.slug),
    comments: settings.comments,
    subscribers: settings.subscribers,
    concurrency: settings.concurrency,
    knownEmails,
    runId,
    idleTimeoutMs: 10_000,
  });
  log(
    `  fan-out: ${result.fanOut.delivered} of ${result.fanOut.expected} delivered, ${result.fanOut.lost} lost, ${result.fanOut.doubled} doubled, ${result.fanOut.outOfOrder} out of order`,
  );

  enter("stale reads");
  const token = await createStaffToken(cluster, "editor", "soak");
  result.staleReads = await runStaleReads({
    servers,
    slug: staleArticle.slug,
    articleId: articleId(staleArticle.slug),
    rounds: settings.rounds,
    approvalsPerRound: 4,
    readersPerProcess: 2,
    settleMs: quick ? 200 : 500,
    observeMs: quick ? 500 : 1000,
    staffToken: token,
    runId,
  });
  log(`  stale reads: ${result.staleReads.stale} of ${result.staleReads.reads} reads`);

  enter("stopping the processes");
  result.stopCodes = await stopCluster(servers);
  await dropDatabase(adminUrl, database);

  enter("start tries");
  if (settings.starts > 0) result.starts = await runStartRace(cluster, settings.starts);
} catch (error) {
  result.failures.push(`the run stopped in ${step}: ${error instanceof Error ? error.stack : String(error)}`);
  await stopCluster(servers).catch(() => []);
  await dropDatabase(adminUrl, database).catch(() => {});
}
enter("done");
await flushRedis(redisUrl).catch(() => {});
result.stepSeconds = stepSeconds;

result.machine.loadAverage.end = loadavg();
result.seconds = (performance.now() - started) / 1000;
result.failures.push(...failuresOf(result));
const table = markdown(result);
mkdirSync(outDir, { recursive: true });
const base = `${outDir}/${result.date}-soak${quick ? "-quick" : ""}`;
writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(`${base}.md`, `${table}\n`);
console.log(table);
log(`\nwritten: ${base}.json, ${base}.md`);
process.exit(result.failures.length ? 1 : 0);
