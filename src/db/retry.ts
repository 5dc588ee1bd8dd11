// Bounded retries of idempotent database work across a lost connection: PostgreSQL restarting,
// failing over, or refusing connections while it starts. Only work that is harmless to run twice
// is retried: reads, and writes keyed so that a second run finds the first run's effect (an
// insert under an id chosen before the first attempt, with ON CONFLICT DO NOTHING; an upsert on
// an idempotency key). Such keys are what make the ambiguous case safe: a commit that reached the
// server while the connection dropped before its acknowledgement.
import type { Sql } from "postgres";
import { hasErrorCode } from "../infra/errors.ts";

/** The waits before the second and third attempts; jittered by up to a half. */
export const RETRY_DELAYS_MS: readonly number[] = [250, 750];

/** Counted since the process started, for /metrics. */
export const retryStats = {
  /** Attempts that failed on a lost connection and were tried again. */
  retried: 0,
  /** Work that failed on a lost connection at its last attempt. */
  exhausted: 0,
};

// The connection itself went away or could not be made: postgres.js's own codes, Node's socket
// errors, and PostgreSQL's (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now,
// class 08 connection exceptions). CONNECTION_ENDED is absent on purpose: lede closed the pool.
const CONNECTION_LOST = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_DESTROYED",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);
// Also unavailable, but not worth a retry: the wait was already as long as allowed.
const UNAVAILABLE = new Set([...CONNECTION_LOST, "CONNECT_TIMEOUT", "ETIMEDOUT", "DATABASE_BUSY"]);

/** Whether the connection was lost or could not be made: safe to retry idempotent work. */
export const isConnectionLost = (error: unknown): boolean => hasErrorCode(error, CONNECTION_LOST);

/** Whether the database could not serve at all (lost, refused, timed out, busy): a 503, not a bug. */
export const isDatabaseUnavailable = (error: unknown): boolean => hasErrorCode(error, UNAVAILABLE);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const jittered = (ms: number) => ms * (1 + Math.random() / 2);

/**
 * Runs `work`, and runs it again (at most `delaysMs.length` more times) while it fails on a lost
 * connection. Only for idempotent work; `work` gets the attempt number, from 1.
 */
export async function withRetry<T>(
  work: (attempt: number) => PromiseLike<T>,
  delaysMs: readonly number[] = RETRY_DELAYS_MS,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (error) {
      if (!isConnectionLost(error)) throw error;
      const delay = delaysMs[attempt - 1];
      if (delay === undefined) {
        retryStats.exhausted += 1;
        throw error;
      }
      retryStats.retried += 1;
      await sleep(jittered(delay));
    }
  }
}

// A statement that only reads: a SELECT outside any transaction, with no row lock and none of the
// functions that change something.
const SELECT = /^\s*select\s/i;
const NOT_ONLY_A_READ =
  /\bfor\s+(no\s+key\s+)?(update|share)\b|\b(nextval|setval|pg_advisory\w*|set_config|pg_notify)\s*\(/i;
const testPlainRead = (text: string): boolean => SELECT.test(text) && !NOT_ONLY_A_READ.test(text);

// Page statements are prepared once per shape (db/prepared.ts) and come back as the very same
// text request after request: remembered, they are not scanned again (twice per statement).
const plainReads = new Map<string, boolean>();
const MAX_REMEMBERED = 512;

export const isPlainRead = (text: string): boolean => {
  let plain = plainReads.get(text);
  if (plain === undefined) {
    plain = testPlainRead(text);
    if (plainReads.size >= MAX_REMEMBERED) plainReads.clear();
    plainReads.set(text, plain);
  }
  return plain;
};

interface PendingQuery {
  values(): PendingQuery;
  then: Promise<unknown>["then"];
}

/**
 * Gives every plain read sent outside a transaction (see isPlainRead) the retries of withRetry.
 * Statements inside a transaction are never retried here: the transaction died with its
 * connection, and only its caller knows whether running it again is harmless.
 */
export function retryReads(client: Sql, delaysMs: readonly number[] = RETRY_DELAYS_MS): Sql {
  const unsafe = client.unsafe.bind(client);
  const retryingUnsafe = ((...args: Parameters<Sql["unsafe"]>) => {
    const first = unsafe(...args) as unknown as PendingQuery;
    if (typeof args[0] !== "string" || !isPlainRead(args[0])) return first;
    // postgres.js queries are lazy and take their result format before they run: remember it,
    // so that a new attempt asks for rows the same way.
    let asValues = false;
    const values = first.values.bind(first);
    first.values = () => {
      asValues = true;
      values();
      return first;
    };
    const then = first.then.bind(first);
    let result: Promise<unknown> | null = null;
    const run = () =>
      withRetry((attempt) => {
        if (attempt === 1) return new Promise((resolve, reject) => then(resolve, reject));
        const again = unsafe(...args) as unknown as PendingQuery;
        return asValues ? again.values() : again;
      }, delaysMs);
    // biome-ignore lint/suspicious/noThenProperty: the query is a thenable; this wraps its own `then`.
    first.then = ((onFulfilled, onRejected) => {
      result ??= run();
      return result.then(onFulfilled, onRejected);
    }) as PendingQuery["then"];
    return first;
  }) as unknown as Sql["unsafe"];

  return new Proxy(client, {
    apply: (target, thisArg, args) => Reflect.apply(target, thisArg, args),
    get: (target, key, receiver) => (key === "unsafe" ? retryingUnsafe : Reflect.get(target, key, receiver)),
  });
}
