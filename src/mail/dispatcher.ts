// The mail dispatcher: sends what the outbox holds, at least once at the transport and once per
// idempotency key, with any number of dispatchers running at once, on the work queue that webhook
// deliveries use too (infra/work-queue.ts). A message goes dead after `maxAttempts` attempts, or
// at once on a permanent SMTP rejection.
import { lt } from "drizzle-orm";
import { defaults } from "../config.ts";
import type { Executor } from "../db/client.ts";
import { outbox } from "../db/schema.ts";
import {
  type RoundReport,
  type RunningQueues,
  runRound,
  startQueues,
  type WorkQueue,
} from "../infra/work-queue.ts";
import type { OutboxMessage } from "./outbox.ts";
import { isPermanentFailure, type MailTransport } from "./transports.ts";

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

export type DispatchReport = RoundReport;

/** The outbox as a work queue: its rows are emails, sent through `transport`. */
export function mailQueue(options: {
  transport: MailTransport;
  maxAttempts?: number;
  leaseMs?: number;
}): WorkQueue<OutboxMessage> {
  const maxAttempts = options.maxAttempts ?? defaults.mail.maxAttempts;
  return {
    name: "outbox",
    table: outbox,
    columns: outbox,
    leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
    triable: () => lt(outbox.attempts, maxAttempts),
    order: outbox.nextAttemptAt,
    work: (message) => options.transport.send(message),
    givesUp: (message, error) => message.attempts >= maxAttempts || isPermanentFailure(error),
    backoffMs,
    // The bodies and headers carry live confirmation and manage links, which need not outlive
    // the sending. Key, recipient, subject and times stay.
    doneValues: (now) => ({ sentAt: now, textBody: "", htmlBody: null, headers: {} }),
    describe: (message) => message.idempotencyKey,
  };
}

/** One round: claims up to a batch of due emails and sends them one by one. */
export const dispatchOnce = (options: DispatchOptions): Promise<DispatchReport> =>
  runRound(mailQueue(options), options);

export type RunningDispatcher = RunningQueues;

/** Sends emails until stopped: at once while there is a backlog, else every `intervalMs`. */
export const startDispatcher = (options: DispatchOptions & { intervalMs?: number }): RunningDispatcher =>
  startQueues([mailQueue(options)], options);
