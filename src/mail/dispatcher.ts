// The dispatcher: sends what the outbox holds, at least once at the transport and once per
// idempotency key, with any number of dispatchers running at once.
//
// A round claims due rows in one statement (`FOR UPDATE SKIP LOCKED`, so concurrent dispatchers
// take disjoint rows) that also counts the attempt and pushes next_attempt_at past a lease. It
// then sends each row outside any transaction and records the outcome. A dispatcher that dies
// mid-round leaves its rows to come due again when the lease ends, and another one retries them.
// A row goes dead after `maxAttempts` attempts, or at once on a permanent SMTP rejection.
import { and, eq, inArray, lt, lte, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { outbox } from "../db/schema.ts";
import type { OutboxMessage } from "./outbox.ts";
import { isPermanentFailure, type MailTransport } from "./transports.ts";

export const DEFAULT_MAX_ATTEMPTS = 8;
export const DEFAULT_BATCH_SIZE = 20;
/** How long a claimed row is left to its dispatcher; SMTP timeouts are well under it. */
export const DEFAULT_LEASE_MS = 5 * 60 * 1000;

/**
 * The wait after the n-th failed attempt: 1 min, 2, 4, 8, 16, 32, then every hour. With the default
 * 8 attempts a message is retried for about two hours before it goes dead.
 */
export const backoffMs = (attempt: number): number =>
  Math.min(60_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);

export interface DispatchOptions {
  db: Executor;
  transport: MailTransport;
  now?: () => Date;
  maxAttempts?: number;
  batchSize?: number;
  leaseMs?: number;
  /** Checked before each row: once true, the rows not yet sent are handed back at once. */
  shouldStop?: () => boolean;
  log?: (line: string) => void;
}

export interface DispatchReport {
  claimed: number;
  sent: number;
  retried: number;
  dead: number;
  /** Claimed but handed back unsent because the dispatcher is stopping. */
  released: number;
}

/** One round: claims up to a batch of due rows and sends them one by one. */
export async function dispatchOnce(options: DispatchOptions): Promise<DispatchReport> {
  const { db, transport } = options;
  const clock = options.now ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const log = options.log ?? (() => {});
  const report: DispatchReport = { claimed: 0, sent: 0, retried: 0, dead: 0, released: 0 };

  report.dead += await buryAbandoned(db, clock(), maxAttempts);
  const claimed = await claimDue(db, {
    now: clock(),
    limit: options.batchSize ?? DEFAULT_BATCH_SIZE,
    leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
    maxAttempts,
  });
  report.claimed = claimed.length;

  for (const [index, message] of claimed.entries()) {
    if (options.shouldStop?.()) {
      report.released = await release(db, claimed.slice(index), clock());
      break;
    }
    try {
      await transport.send(message);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const dead = message.attempts >= maxAttempts || isPermanentFailure(error);
      await recordFailure(db, message, reason.slice(0, 2000), dead, clock());
      if (dead) report.dead += 1;
      else report.retried += 1;
      log(
        `outbox: ${message.idempotencyKey} ${dead ? "is dead" : "failed"} (attempt ${message.attempts}): ${reason}`,
      );
      continue;
    }
    if (await recordSent(db, message, clock())) report.sent += 1;
    else
      log(
        `outbox: ${message.idempotencyKey} was sent, but the row was no longer this dispatcher's (lease over, or withdrawn)`,
      );
  }
  return report;
}

function claimDue(
  db: Executor,
  options: { now: Date; limit: number; leaseMs: number; maxAttempts: number },
): Promise<OutboxMessage[]> {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        eq(outbox.status, "pending"),
        lte(outbox.nextAttemptAt, options.now),
        lt(outbox.attempts, options.maxAttempts),
      ),
    )
    .orderBy(outbox.nextAttemptAt)
    .limit(options.limit)
    .for("update", { skipLocked: true });
  return db
    .update(outbox)
    .set({
      attempts: sql`${outbox.attempts} + 1`,
      nextAttemptAt: new Date(options.now.getTime() + options.leaseMs),
    })
    .where(and(inArray(outbox.id, due), eq(outbox.status, "pending")))
    .returning();
}

/** The row is still ours if nobody claimed it since: same attempt count, still pending. */
const stillClaimed = (message: OutboxMessage) =>
  and(eq(outbox.id, message.id), eq(outbox.status, "pending"), eq(outbox.attempts, message.attempts));

/**
 * Marks a row sent. Its content goes: the bodies and headers carry live confirmation and manage
 * links, which need not outlive the sending. Key, recipient, subject and times stay.
 */
async function recordSent(db: Executor, message: OutboxMessage, now: Date): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({ status: "sent", sentAt: now, lastError: null, textBody: "", htmlBody: null, headers: {} })
    .where(stillClaimed(message))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

async function recordFailure(
  db: Executor,
  message: OutboxMessage,
  reason: string,
  dead: boolean,
  now: Date,
): Promise<void> {
  await db
    .update(outbox)
    .set(
      dead
        ? { status: "dead", lastError: reason }
        : { lastError: reason, nextAttemptAt: new Date(now.getTime() + backoffMs(message.attempts)) },
    )
    .where(stillClaimed(message));
}

/** Hands back rows claimed but not tried: due now, and the attempt not counted. */
async function release(db: Executor, messages: OutboxMessage[], now: Date): Promise<number> {
  let released = 0;
  for (const message of messages) {
    const rows = await db
      .update(outbox)
      .set({ attempts: sql`${outbox.attempts} - 1`, nextAttemptAt: now })
      .where(stillClaimed(message))
      .returning({ id: outbox.id });
    released += rows.length;
  }
  return released;
}

/** Rows whose last allowed attempt was claimed and never finished (the sender died): dead. */
async function buryAbandoned(db: Executor, now: Date, maxAttempts: number): Promise<number> {
  const rows = await db
    .update(outbox)
    .set({
      status: "dead",
      lastError: sql`coalesce(${outbox.lastError}, 'the dispatcher stopped during the last attempt')`,
    })
    .where(
      and(
        eq(outbox.status, "pending"),
        lte(outbox.nextAttemptAt, now),
        sql`${outbox.attempts} >= ${maxAttempts}`,
      ),
    )
    .returning({ id: outbox.id });
  return rows.length;
}

export interface RunningDispatcher {
  /** Finishes the row in flight, hands back the rest of the round, and stops. */
  stop(): Promise<void>;
}

/** Runs rounds until stopped: at once while there is a backlog, else every `intervalMs`. */
export function startDispatcher(options: DispatchOptions & { intervalMs?: number }): RunningDispatcher {
  const log = options.log ?? (() => {});
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  let stopping = false;
  let wake: (() => void) | null = null;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = async () => {
    while (!stopping) {
      let backlog = false;
      try {
        const report = await dispatchOnce({ ...options, shouldStop: () => stopping });
        backlog = report.claimed === batchSize;
      } catch (error) {
        log(`outbox: dispatch round failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!stopping && !backlog) await pause(options.intervalMs ?? 5000);
    }
  };
  const running = loop();
  return {
    async stop() {
      stopping = true;
      (wake as (() => void) | null)?.();
      await running;
    },
  };
}
