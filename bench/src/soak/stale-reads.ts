// Stale reads under simultaneous approvals: readers on every process read an article's comment
// count (and its comment list's total) without pause, through the public API and its response
// cache, while rounds of pending comments are approved at once through all the processes. A read
// that started after a round's last approval was acknowledged must answer the new count.
import { postGraphql } from "./clients.ts";
import type { LedeProcess } from "./cluster.ts";
import { sleep } from "./fan-out.ts";

export interface StaleReadOptions {
  servers: LedeProcess[];
  /** The article's slug and global id. */
  slug: string;
  articleId: string;
  rounds: number;
  /** Comments approved at once in each round. */
  approvalsPerRound: number;
  readersPerProcess: number;
  /** Reading before each round's approvals (the caches fill) and after them (what is checked). */
  settleMs: number;
  observeMs: number;
  staffToken: string;
  runId: string;
}

export interface StaleReadResult {
  rounds: number;
  approvals: number;
  readers: number;
  reads: number;
  /** Reads that started after a round's approvals were all answered, before the next round's were sent. */
  settled: number;
  /**
   * Reads that answered less than the truth when they started (every approval answered by then
   * counted), including reads that started while the next round's approvals were in flight.
   */
  stale: number;
  /** Reads that answered more than could be true, or failed. */
  wrong: number;
  failed: number;
  /** A few stale or wrong reads, for the report. */
  examples: string[];
  baseline: number;
  final: number;
}

const COUNT = `query SoakCount($slug: String!) {
  article(slug: $slug) { commentCount comments(first: 1) { totalCount } }
}`;

const POST = `mutation SoakPending($input: PostCommentInput!) {
  postComment(input: $input) {
    __typename
    ... on PostCommentSuccess { status comment { id } }
    ... on UserError { message }
  }
}`;

const APPROVE = `mutation SoakApprove($input: ModerateCommentInput!) {
  moderateComment(input: $input) { __typename }
}`;

interface Read {
  server: number;
  start: number;
  end: number;
  commentCount: number;
  totalCount: number;
  error?: string;
}

type CountAnswer = { article: { commentCount: number; comments: { totalCount: number } } | null };

async function readCount(server: LedeProcess, slug: string): Promise<Read> {
  const start = performance.now();
  let read: Omit<Read, "end">;
  try {
    const answer = await postGraphql<CountAnswer>(server.url, COUNT, { slug });
    const article = answer.data?.article;
    read = article
      ? {
          server: server.index,
          start,
          commentCount: article.commentCount,
          totalCount: article.comments.totalCount,
        }
      : {
          server: server.index,
          start,
          commentCount: -1,
          totalCount: -1,
          error: JSON.stringify(answer.errors ?? answer.data),
        };
  } catch (error) {
    read = { server: server.index, start, commentCount: -1, totalCount: -1, error: String(error) };
  }
  return { ...read, end: performance.now() };
}

export async function runStaleReads(options: StaleReadOptions): Promise<StaleReadResult> {
  const { servers, slug } = options;
  const approvals = options.rounds * options.approvalsPerRound;

  // Comments from first-time commenters are held: pending, out of the public count until approved.
  const pending: string[] = [];
  for (let k = 0; k < approvals; k++) {
    const server = servers[k % servers.length] as LedeProcess;
    const answer = await postGraphql<{
      postComment: { __typename: string; status?: string; comment?: { id: string }; message?: string };
    }>(server.url, POST, {
      input: {
        articleId: options.articleId,
        authorName: "Soak newcomer",
        authorEmail: `soak.newcomer.${options.runId}.${k}@example.org`,
        body: `soak ${options.runId} pending #${k}`,
      },
    });
    const posted = answer.data?.postComment;
    if (posted?.status !== "PENDING" || !posted.comment) {
      throw new Error(`a first-time commenter's comment was not held: ${JSON.stringify(answer)}`);
    }
    pending.push(posted.comment.id);
  }

  // Nothing has changed the article since the processes started: all of them agree.
  const first = await Promise.all(servers.map((server) => readCount(server, slug)));
  const baseline = first[0]?.commentCount ?? -1;
  if (first.some((r) => r.error || r.commentCount !== baseline || r.totalCount !== first[0]?.totalCount)) {
    throw new Error(`the processes disagree before any approval: ${JSON.stringify(first)}`);
  }
  const baselineTotal = first[0]?.totalCount ?? -1;

  const reads: Read[] = [];
  let reading = true;
  const readers = servers.flatMap((server) =>
    Array.from({ length: options.readersPerProcess }, async () => {
      while (reading) reads.push(await readCount(server, slug));
    }),
  );

  /** From `from` on (the last approval acknowledged), reads must answer `truth` more comments. */
  const windows: { from: number; to: number; added: number }[] = [];
  const failures: string[] = [];
  let windowStart = performance.now();
  let added = 0;
  for (let round = 0; round < options.rounds; round++) {
    await sleep(options.settleMs);
    const sent = performance.now();
    windows.push({ from: windowStart, to: sent, added });
    const ids = pending.slice(round * options.approvalsPerRound, (round + 1) * options.approvalsPerRound);
    const answers = await Promise.all(
      ids.map((id, i) =>
        postGraphql<{ moderateComment: { __typename: string } }>(
          (servers[i % servers.length] as LedeProcess).url,
          APPROVE,
          { input: { commentId: id, action: "APPROVE" } },
          options.staffToken,
        ),
      ),
    );
    for (const answer of answers) {
      if (answer.data?.moderateComment.__typename !== "ModerationSuccess") {
        failures.push(`approval refused: ${JSON.stringify(answer)}`);
      }
    }
    windowStart = performance.now();
    added += ids.length;
    await sleep(options.observeMs);
  }
  windows.push({ from: windowStart, to: Number.POSITIVE_INFINITY, added });
  // One more read per process after the last window opened, whatever the readers were doing.
  reading = false;
  await Promise.all(readers);
  reads.push(...(await Promise.all(servers.map((server) => readCount(server, slug)))));

  let settledReads = 0;
  let stale = 0;
  let wrong = 0;
  let failed = 0;
  const examples: string[] = [...failures];
  for (const read of reads) {
    if (read.error) {
      failed += 1;
      if (examples.length < 10) examples.push(`process ${read.server + 1}: ${read.error}`);
      continue;
    }
    // The last round whose approvals had all been answered when the read started sets the
    // truth; a read that started while the next round's were in flight may also count those.
    const settled = windows.filter((w) => w.from <= read.start).at(-1) ?? { from: 0, to: 0, added: 0 };
    const inFlight = read.start >= settled.to;
    if (!inFlight) settledReads += 1;
    const most = settled.added + (inFlight ? options.approvalsPerRound : 0);
    const counts = [read.commentCount - baseline, read.totalCount - baselineTotal];
    const describe = `process ${read.server + 1}: commentCount ${read.commentCount}, totalCount ${read.totalCount}, truth ${baseline + settled.added} / ${baselineTotal + settled.added}, started ${(read.start - settled.from).toFixed(1)} ms after the last approval's answer${inFlight ? " (the next round's approvals in flight)" : ""}`;
    if (counts.some((c) => c > most)) {
      wrong += 1;
      if (examples.length < 10) examples.push(`more than true: ${describe}`);
    } else if (counts.some((c) => c < settled.added)) {
      stale += 1;
      if (examples.length < 10) examples.push(`stale: ${describe}`);
    }
  }
  const last = reads.at(-1);
  return {
    rounds: options.rounds,
    approvals,
    readers: servers.length * options.readersPerProcess,
    reads: reads.length,
    settled: settledReads,
    stale,
    wrong: wrong + failures.length,
    failed,
    examples,
    baseline,
    final: last?.commentCount ?? -1,
  };
}
