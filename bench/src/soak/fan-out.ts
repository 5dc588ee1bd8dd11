// Fan-out: comments posted round-robin through the processes, each approved on posting (a known
// commenter's email, the honeypot left empty), reach every subscriber of the article, whichever
// process and transport it is on. Each subscriber's events are checked for loss, duplicates and
// order, and timed from the post's acknowledgement.
import { log, Progress } from "../progress.ts";
import { type OnPayload, postGraphql, type Subscription, subscribeSse, subscribeWs } from "./clients.ts";
import type { LedeProcess } from "./cluster.ts";

export interface FanOutOptions {
  servers: LedeProcess[];
  /** The article's global id. */
  articleId: string;
  comments: number;
  subscribers: number;
  /** Posts in flight at once. */
  concurrency: number;
  /** Commenters with an approved comment: COMMENT_AUTO_APPROVE_KNOWN approves what they post. */
  knownEmails: string[];
  runId: string;
  /** How long the run waits for missing events after the last one came. */
  idleTimeoutMs: number;
}

export interface FanOutResult {
  posted: number;
  approved: number;
  /** Posts not answered PostCommentSuccess APPROVED, by answer. */
  refused: Record<string, number>;
  postingSeconds: number;
  postsPerSecond: number;
  subscribers: { sse: number; ws: number; perProcess: number[] };
  /** approved × subscribers. */
  expected: number;
  delivered: number;
  lost: number;
  doubled: number;
  /** Events that came after one whose post was sent only after theirs was acknowledged. */
  outOfOrder: number;
  /** Events that were no comment of this run. */
  foreign: number;
  /** Events received before their post's answer (counted as latency 0). */
  beforeAck: number;
  latencyMs: { p50: number; p99: number; max: number };
  /** Subscriptions that ended before the run closed them, and why. */
  endedEarly: string[];
  /** Error payloads received on subscriptions. */
  errorPayloads: number;
}

const POST = `mutation SoakPost($input: PostCommentInput!) {
  postComment(input: $input) {
    __typename
    ... on PostCommentSuccess { status }
    ... on UserError { message }
  }
}`;

const FEED = `subscription SoakFeed($articleId: ID!) { commentAdded(articleId: $articleId) { id body } }`;

interface Listener {
  name: string;
  subscription?: Subscription;
  /** Comment numbers in the order they came, and when (performance.now()). */
  numbers: number[];
  times: number[];
  /** Distinct comments received, for knowing when everything came. */
  seen: Uint8Array;
  distinct: number;
  warmedUp: boolean;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}

export async function runFanOut(options: FanOutOptions): Promise<FanOutResult> {
  const { servers, comments: total, runId } = options;
  const bodyPattern = new RegExp(`^soak ${runId} #(\\d+)$`);
  const warmUpBody = `soak ${runId} warm-up`;
  let foreign = 0;
  let errorPayloads = 0;
  let lastEventAt = performance.now();

  const listeners: Listener[] = [];
  const transports = { sse: 0, ws: 0 };
  const perProcess = servers.map(() => 0);
  for (let i = 0; i < options.subscribers; i++) {
    const server = servers[i % servers.length] as LedeProcess;
    // Alternating per round of processes: each process gets as many of one kind as of the other.
    const transport = Math.floor(i / servers.length) % 2 === 0 ? "sse" : "ws";
    const listener: Listener = {
      name: `${transport} #${i} on process ${server.index + 1}`,
      numbers: [],
      times: [],
      seen: new Uint8Array(total),
      distinct: 0,
      warmedUp: false,
    };
    const onPayload: OnPayload<{ commentAdded: { id: string; body: string } }> = (payload) => {
      const at = performance.now();
      lastEventAt = at;
      const body = payload.data?.commentAdded.body;
      if (!body) {
        errorPayloads += 1;
        return;
      }
      const match = bodyPattern.exec(body);
      if (!match) {
        if (body === warmUpBody) listener.warmedUp = true;
        else foreign += 1;
        return;
      }
      const n = Number(match[1]);
      listener.numbers.push(n);
      listener.times.push(at);
      if (!listener.seen[n]) {
        listener.seen[n] = 1;
        listener.distinct += 1;
      }
    };
    const subscribe = transport === "sse" ? subscribeSse : subscribeWs;
    listener.subscription = await subscribe(
      transport === "sse" ? server.url : server.wsUrl,
      FEED,
      { articleId: options.articleId },
      onPayload,
    );
    transports[transport] += 1;
    perProcess[server.index] = (perProcess[server.index] ?? 0) + 1;
    listeners.push(listener);
  }

  const post = (server: LedeProcess, body: string, email: string) =>
    postGraphql<{ postComment: { __typename: string; status?: string; message?: string } }>(
      server.url,
      POST,
      {
        input: { articleId: options.articleId, authorName: "Soak reader", authorEmail: email, body },
      },
    );

  // One comment that every subscriber must receive before the run: every subscription is live.
  const warmUp = await post(servers[0] as LedeProcess, warmUpBody, options.knownEmails[0] as string);
  if (warmUp.data?.postComment.status !== "APPROVED") {
    throw new Error(`the warm-up comment was not approved on posting: ${JSON.stringify(warmUp)}`);
  }
  const warmUpDeadline = performance.now() + 30_000;
  while (listeners.some((l) => !l.warmedUp) && performance.now() < warmUpDeadline) await sleep(50);
  const cold = listeners.filter((l) => !l.warmedUp);
  if (cold.length > 0) {
    throw new Error(
      `${cold.length} subscribers never received the warm-up comment: ${cold
        .slice(0, 5)
        .map((l) => `${l.name} (${l.subscription?.ended() ?? "still open"})`)
        .join(", ")}`,
    );
  }

  const sentAt = new Float64Array(total);
  const ackAt = new Float64Array(total);
  const approved = new Uint8Array(total);
  const refused: Record<string, number> = {};
  let next = 0;
  const progress = new Progress("posting", total);
  const postingStarted = performance.now();
  const lane = async () => {
    for (let n = next++; n < total; n = next++) {
      const server = servers[n % servers.length] as LedeProcess;
      const email = options.knownEmails[n % options.knownEmails.length] as string;
      sentAt[n] = performance.now();
      let outcome: string;
      try {
        const answer = await post(server, `soak ${runId} #${n}`, email);
        const result = answer.data?.postComment;
        outcome = result
          ? result.__typename === "PostCommentSuccess"
            ? (result.status ?? "?")
            : `${result.__typename}: ${result.message}`
          : `errors: ${answer.errors?.map((e) => e.message).join("; ")}`;
      } catch (error) {
        outcome = `request failed: ${error instanceof Error ? error.message : String(error)}`;
      }
      ackAt[n] = performance.now();
      if (outcome === "APPROVED") approved[n] = 1;
      else refused[outcome] = (refused[outcome] ?? 0) + 1;
      progress.add(1);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, lane));
  const postingSeconds = (performance.now() - postingStarted) / 1000;
  progress.finish();
  const approvedCount = approved.reduce((sum, a) => sum + a, 0);

  // Every subscriber has every comment, or nothing has come for idleTimeoutMs.
  const live = () => listeners.filter((l) => l.subscription?.ended() === null);
  lastEventAt = Math.max(lastEventAt, performance.now());
  while (
    live().some((l) => l.distinct < approvedCount) &&
    performance.now() - lastEventAt < options.idleTimeoutMs
  ) {
    await sleep(100);
  }
  const endedEarly = listeners.flatMap((l) => {
    const why = l.subscription?.ended();
    return why ? [`${l.name}: ${why}`] : [];
  });
  await Promise.all(listeners.map((l) => l.subscription?.close()));
  if (endedEarly.length) log(`  ${endedEarly.length} subscriptions ended early: ${endedEarly[0]}`);

  let delivered = 0;
  let doubled = 0;
  let outOfOrder = 0;
  let beforeAck = 0;
  const latencies: number[] = [];
  for (const listener of listeners) {
    const counted = new Uint8Array(total);
    // The latest send among the comments received so far: a comment acknowledged before it
    // was sent should have come first.
    let latestSent = Number.NEGATIVE_INFINITY;
    listener.numbers.forEach((n, i) => {
      if (!approved[n]) return;
      if (counted[n]) {
        doubled += 1;
        return;
      }
      counted[n] = 1;
      delivered += 1;
      if ((ackAt[n] as number) < latestSent) outOfOrder += 1;
      latestSent = Math.max(latestSent, sentAt[n] as number);
      const latency = (listener.times[i] as number) - (ackAt[n] as number);
      if (latency < 0) beforeAck += 1;
      latencies.push(Math.max(0, latency));
    });
  }
  const sorted = Float64Array.from(latencies).sort();
  const expected = approvedCount * listeners.length;
  return {
    posted: total,
    approved: approvedCount,
    refused,
    postingSeconds,
    postsPerSecond: total / postingSeconds,
    subscribers: { ...transports, perProcess },
    expected,
    delivered,
    lost: expected - delivered,
    doubled,
    outOfOrder,
    foreign,
    beforeAck,
    latencyMs: {
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
      max: sorted.at(-1) ?? Number.NaN,
    },
    endedEarly,
    errorPayloads,
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
