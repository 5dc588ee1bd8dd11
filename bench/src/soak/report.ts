// The soak's result: what it ran with, the three checks' figures, and what failed. Rendered as a
// Markdown summary (also printed) and kept as JSON.
import { n } from "../progress.ts";
import type { FanOutResult } from "./fan-out.ts";
import type { StaleReadResult } from "./stale-reads.ts";
import type { StartRaceResult } from "./start-race.ts";

export interface SoakResult {
  date: string;
  command: string;
  lede: { gitHead: string; uncommittedFiles: number };
  machine: { cores: number; loadAverage: { start: number[]; end: number[] } };
  /** lede's settings that the soak changed from production's defaults. */
  settings: Record<string, string>;
  articles: { fanOut: string; staleReads: string };
  fanOut: FanOutResult | null;
  staleReads: StaleReadResult | null;
  starts: StartRaceResult | null;
  /** Exit codes of the fan-out and stale-read processes after SIGTERM. */
  stopCodes: (number | string)[];
  failures: string[];
  seconds: number;
  stepSeconds: Record<string, number>;
}

/** What makes the run fail: anything lost, doubled, out of order, stale, refused, or a start. */
export function failuresOf(result: SoakResult): string[] {
  const failures: string[] = [];
  const fan = result.fanOut;
  if (fan) {
    const refused = Object.entries(fan.refused);
    if (refused.length)
      failures.push(`posts not approved: ${refused.map(([k, v]) => `${v}× ${k}`).join(", ")}`);
    if (fan.lost) failures.push(`fan-out: ${fan.lost} events lost`);
    if (fan.doubled) failures.push(`fan-out: ${fan.doubled} events doubled`);
    if (fan.outOfOrder) failures.push(`fan-out: ${fan.outOfOrder} events out of order`);
    if (fan.errorPayloads) failures.push(`fan-out: ${fan.errorPayloads} error payloads on subscriptions`);
    for (const ended of fan.endedEarly.slice(0, 5))
      failures.push(`fan-out: subscription ended early: ${ended}`);
  }
  const reads = result.staleReads;
  if (reads) {
    if (reads.stale) failures.push(`stale reads: ${reads.stale} of ${reads.reads}`);
    if (reads.wrong || reads.failed)
      failures.push(`reads: ${reads.wrong} impossible counts or refused approvals, ${reads.failed} failed`);
    failures.push(...reads.examples.map((example) => `  ${example}`));
  }
  if (result.starts) failures.push(...result.starts.failures);
  result.stopCodes.forEach((code, i) => {
    if (code !== 0) failures.push(`process ${i + 1} exited ${code} after SIGTERM`);
  });
  return failures;
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "n/a");

export function markdown(result: SoakResult): string {
  const lines = [
    `# Soak: three lede processes, one PostgreSQL, one Redis (${result.date})`,
    "",
    `\`${result.command}\` — lede ${result.lede.gitHead}${result.lede.uncommittedFiles ? ` + ${result.lede.uncommittedFiles} uncommitted file(s)` : ""}, ${n(result.seconds)} s (${Object.entries(
      result.stepSeconds,
    )
      .map(([step, seconds]) => `${step} ${seconds.toFixed(1)} s`)
      .join(", ")}).`,
    `Machine: ${result.machine.cores} cores, load average (1, 5, 15 min) ${result.machine.loadAverage.start.map((l) => l.toFixed(2)).join(", ")} at the start, ${result.machine.loadAverage.end.map((l) => l.toFixed(2)).join(", ")} at the end (shared: latencies include other work).`,
    "",
    "Production mode: `NODE_ENV=production`, a 48-character `LEDE_SECRET`, `TRUST_PROXY` unset, `RESPONSE_CACHE=true`, `REDIS_URL` set, `LOG_LEVEL=warn`, `LEDE_SEED_DEMO=true`, `LEDE_DISPATCHER=false`. Raised for the load: " +
      Object.entries(result.settings)
        .map(([key, value]) => `\`${key}=${value}\``)
        .join(", ") +
      "; subscription limits at their defaults unless listed (20 per connection, 100 per address, 100 queued events per subscriber).",
    "",
  ];
  const fan = result.fanOut;
  if (fan) {
    lines.push(
      `## 1. Fan-out (article \`${result.articles.fanOut}\`)`,
      "",
      `${n(fan.posted)} comments posted round-robin through the 3 processes (${n(fan.postsPerSecond)}/s over ${fan.postingSeconds.toFixed(1)} s), ${n(fan.approved)} approved on posting; ${fan.subscribers.sse + fan.subscribers.ws} subscribers (${fan.subscribers.sse} SSE, ${fan.subscribers.ws} graphql-ws; ${fan.subscribers.perProcess.join(" / ")} per process).`,
      "",
      "| expected | delivered | lost | doubled | out of order | p50 ms | p99 ms | max ms |",
      "|---:|---:|---:|---:|---:|---:|---:|---:|",
      `| ${n(fan.expected)} | ${n(fan.delivered)} | ${n(fan.lost)} | ${n(fan.doubled)} | ${n(fan.outOfOrder)} | ${ms(fan.latencyMs.p50)} | ${ms(fan.latencyMs.p99)} | ${ms(fan.latencyMs.max)} |`,
      "",
      `Latency: post acknowledged → event received, in the harness (${n(fan.beforeAck)} events came before their post's answer: 0). Out of order: an event received after one whose post was sent only once its own was acknowledged. Subscriptions ended early: ${fan.endedEarly.length}; foreign events: ${fan.foreign}.`,
      "",
    );
  }
  const reads = result.staleReads;
  if (reads) {
    lines.push(
      `## 2. Stale reads under simultaneous approvals (article \`${result.articles.staleReads}\`)`,
      "",
      `${reads.readers} readers (2 per process) read \`commentCount\` and \`comments { totalCount }\` without pause; each round approves ${reads.approvals / Math.max(1, reads.rounds)} pending comments at once, spread over the processes. A read is stale when it answers less than the truth as it was when the read started: every approval answered by then counted (a read that started while a round's approvals were in flight may count them or not; "settled" reads started between rounds).`,
      "",
      "| rounds | approvals | reads | settled | stale | impossible | failed | count before → after |",
      "|---:|---:|---:|---:|---:|---:|---:|---|",
      `| ${reads.rounds} | ${reads.approvals} | ${n(reads.reads)} | ${n(reads.settled)} | ${reads.stale} | ${reads.wrong} | ${reads.failed} | ${reads.baseline} → ${reads.final} |`,
      "",
    );
  }
  const starts = result.starts;
  if (starts) {
    lines.push(
      "## 3. Three processes started together on a fresh empty database",
      "",
      `The demo seed writes ${starts.seed.articles} articles and ${starts.seed.authors} authors.`,
      "",
      "| try | ready | not ready (exit) | articles | authors | seeded once | exit codes after SIGTERM | seconds to ready |",
      "|---:|---:|---|---:|---:|---|---|---:|",
      ...starts.tries.map(
        (t, i) =>
          `| ${i + 1} | ${t.ready}/3 | ${t.notReady.join(", ") || "—"} | ${t.articles} | ${t.authors} | ${t.seededOnce ? "yes" : "**no**"} | ${t.stopCodes.join(", ")} | ${t.seconds.toFixed(1)} |`,
      ),
      "",
    );
  }
  lines.push(
    "## Verdict",
    "",
    result.failures.length
      ? ["**FAILED**", "", ...result.failures.map((f) => `- ${f.replaceAll("\n", "\n  ")}`)].join("\n")
      : "Passed: nothing lost, doubled, out of order or stale; every start ready, seeded once.",
  );
  return lines.join("\n");
}
