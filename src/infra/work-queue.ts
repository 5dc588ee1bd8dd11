// The one mechanism behind lede's outboxes (emails in `outbox`, webhook deliveries in
// `webhook_deliveries`): rows written in the same transaction as the change that causes them,
// then worked through by any number of dispatchers, at least once each.
//
// A round claims due rows in one statement (`FOR UPDATE SKIP LOCKED`, so concurrent dispatchers
// take disjoint rows) that also counts the attempt and pushes next_attempt_at past a lease. It
// then works each row outside any transaction and records the outcome. A dispatcher that dies
// mid-round leaves its rows to come due again when the lease ends, and another one retries them.
// A row goes dead when its queue says it may not be tried again, or at once on a permanent failure.
import { and, eq, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "../db/client.ts";
import { errorMessage } from "./errors.ts";
import { type PeriodicLoop, startPeriodic } from "./periodic.ts";

/** The columns every queue table has (same names in TypeScript): its queue state. */
export interface QueueColumns {
  id: PgColumn;
  status: PgColumn;
  attempts: PgColumn;
  nextAttemptAt: PgColumn;
  lastError: PgColumn;
}

export interface QueuedRow {
  id: string;
  attempts: number;
}

export interface WorkQueue<Row extends QueuedRow> {
  /** For logs: "outbox", "webhooks". */
  name: string;
  table: PgTable;
  columns: QueueColumns;
  /** How long a claimed row is left to its dispatcher; well over the longest `work`. */
  leaseMs: number;
  /** What else a due row must meet (e.g. no earlier row of the same stream still pending). */
  dueAlso?: (now: Date) => SQL | undefined;
  /** The rows that may still be tried; the others go dead once due. */
  triable: (now: Date) => SQL;
  /** The order rows are claimed in. */
  order: SQL | PgColumn;
  /** Does the work; throws when it did not succeed. */
  work(row: Row): Promise<void>;
  /** Whether this failure ends the row (no more attempts, or a permanent failure). */
  givesUp(row: Row, error: unknown, now: Date): boolean;
  /** The wait after the row's n-th failed attempt. */
  backoffMs(attempt: number): number;
  /** Columns set besides status = 'sent' once the work succeeded. */
  doneValues(now: Date): Record<string, unknown>;
  /** A short name of the row for logs (never a secret, never a recipient's address). */
  describe(row: Row): string;
}

export interface RoundOptions {
  db: Executor;
  now?: () => Date;
  batchSize?: number;
  /** Checked before each row: once true, the rows not yet worked are handed back at once. */
  shouldStop?: () => boolean;
  log?: (line: string) => void;
}

export interface RoundReport {
  claimed: number;
  sent: number;
  retried: number;
  dead: number;
  /** Claimed but handed back unworked because the dispatcher is stopping. */
  released: number;
}

export const DEFAULT_BATCH_SIZE = 20;

/** One round of one queue: claims up to a batch of due rows and works them one by one. */
export async function runRound<Row extends QueuedRow>(
  queue: WorkQueue<Row>,
  options: RoundOptions,
): Promise<RoundReport> {
  const { db } = options;
  const clock = options.now ?? (() => new Date());
  const log = options.log ?? (() => {});
  const report: RoundReport = { claimed: 0, sent: 0, retried: 0, dead: 0, released: 0 };
  const c = queue.columns;

  report.dead += await buryAbandoned(db, queue, clock());
  const now = clock();
  const due = db
    .select({ id: c.id })
    .from(queue.table)
    .where(and(eq(c.status, "pending"), lte(c.nextAttemptAt, now), queue.triable(now), queue.dueAlso?.(now)))
    .orderBy(queue.order)
    .limit(options.batchSize ?? DEFAULT_BATCH_SIZE)
    .for("update", { skipLocked: true });
  const claimed = (await db
    .update(queue.table)
    .set({
      attempts: sql`${c.attempts} + 1`,
      nextAttemptAt: new Date(now.getTime() + queue.leaseMs),
    } as never)
    .where(and(inArray(c.id, due), eq(c.status, "pending")))
    .returning()) as unknown as Row[];
  report.claimed = claimed.length;

  // The row is still ours if nobody claimed it since: same attempt count, still pending.
  const stillClaimed = (row: Row) =>
    and(eq(c.id, row.id), eq(c.status, "pending"), eq(c.attempts, row.attempts));
  const update = (row: Row, values: Record<string, unknown>) =>
    db
      .update(queue.table)
      .set(values as never)
      .where(stillClaimed(row))
      .returning({ id: c.id }) as unknown as Promise<unknown[]>;

  for (const [index, row] of claimed.entries()) {
    if (options.shouldStop?.()) {
      // Handed back untried: due now, and the attempt not counted.
      for (const unworked of claimed.slice(index)) {
        const rows = await update(unworked, { attempts: sql`${c.attempts} - 1`, nextAttemptAt: clock() });
        report.released += rows.length;
      }
      break;
    }
    try {
      await queue.work(row);
    } catch (error) {
      const reason = errorMessage(error);
      const at = clock();
      const dead = queue.givesUp(row, error, at);
      await update(
        row,
        dead
          ? { status: "dead", lastError: reason.slice(0, 2000) }
          : {
              lastError: reason.slice(0, 2000),
              nextAttemptAt: new Date(at.getTime() + queue.backoffMs(row.attempts)),
            },
      );
      if (dead) report.dead += 1;
      else report.retried += 1;
      log(
        `${queue.name}: ${queue.describe(row)} ${dead ? "is dead" : "failed"} (attempt ${row.attempts}): ${reason}`,
      );
      continue;
    }
    const at = clock();
    if ((await update(row, { status: "sent", lastError: null, ...queue.doneValues(at) })).length)
      report.sent += 1;
    else
      log(
        `${queue.name}: ${queue.describe(row)} was done, but the row was no longer this dispatcher's (lease over, or withdrawn)`,
      );
  }
  return report;
}

/** Rows due again that may not be tried any more (their last attempt's worker died): dead. */
async function buryAbandoned<Row extends QueuedRow>(db: Executor, queue: WorkQueue<Row>, now: Date) {
  const c = queue.columns;
  const rows = (await db
    .update(queue.table)
    .set({
      status: "dead",
      lastError: sql`coalesce(${c.lastError}, 'the dispatcher stopped during the last attempt')`,
    } as never)
    .where(and(eq(c.status, "pending"), lte(c.nextAttemptAt, now), sql`not (${queue.triable(now)})`))
    .returning({ id: c.id })) as unknown as unknown[];
  return rows.length;
}

export type RunningQueues = PeriodicLoop;

/**
 * Runs rounds of each queue until stopped: at once while any queue had work, else every
 * `intervalMs`. A queue whose rows wait for one another (in order per stream) may claim less than
 * a batch and still have more due: any claim means looking again.
 */
export function startQueues(
  queues: readonly WorkQueue<never>[],
  options: Omit<RoundOptions, "shouldStop"> & { intervalMs?: number },
): RunningQueues {
  const log = options.log ?? (() => {});
  return startPeriodic({
    name: queues.map((queue) => queue.name).join("+"),
    intervalMs: options.intervalMs ?? 5000,
    log,
    run: async (stopping) => {
      let backlog = false;
      for (const queue of queues) {
        if (stopping()) break;
        try {
          const report = await runRound(queue as WorkQueue<QueuedRow>, { ...options, shouldStop: stopping });
          if (report.claimed > 0) backlog = true;
        } catch (error) {
          log(`${queue.name}: dispatch round failed: ${errorMessage(error)}`);
        }
      }
      return backlog;
    },
  });
}
