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
  /** Reads that started after a round's last approval was acknowledged (or before the first). */
  judged: number;
  /** Judged reads that answered less than the truth. */
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

  let judged = 0;
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
    const window = windows.find((w) => read.start >= w.from && read.start < w.to);
    const counts = [read.commentCount - baseline, read.totalCount - baselineTotal];
    if (!window) {
      // Started while a round's approvals were in flight: either count is right, nothing else.
      const before = windows.filter((w) => w.from <= read.start).at(-1)?.added ?? 0;
      const maxAdded = before + options.approvalsPerRound;
      if (counts.some((c) => c < before || c > maxAdded)) wrong += 1;
      continue;
    }
    judged += 1;
    const describe = `process ${read.server + 1}: commentCount ${read.commentCount}, totalCount ${read.totalCount}, truth ${baseline + window.added} / ${baselineTotal + window.added}, started ${(read.start - window.from).toFixed(1)} ms after the last approval's answer`;
    if (counts.some((c) => c > window.added)) {
      wrong += 1;
      if (examples.length < 10) examples.push(`more than true: ${describe}`);
    } else if (counts.some((c) => c < window.added)) {
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
    judged,
    stale,
    wrong: wrong + failures.length,
    failed,
    examples,
    baseline,
    final: last?.commentCount ?? -1,
  };
}
