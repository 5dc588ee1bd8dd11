// postgres.js queues a statement forever when every connection is busy. These wrappers give the
// queue a deadline: a statement or transaction that has not got a connection in time fails with
// DatabaseBusyError instead, and never runs later.
import type { Sql } from "postgres";

export class DatabaseBusyError extends Error {
  readonly code = "DATABASE_BUSY";
  constructor(waitMs: number) {
    super(`No database connection became free within ${waitMs} ms`);
  }
}

/** What the pool is doing, for /metrics: read-only to everyone but the wrapper. */
export interface PoolStats {
  /** The most connections the pool opens. */
  readonly max: number;
  /** Statements outside a transaction, and transactions, that are running or waiting for a connection. */
  readonly inFlight: number;
  /** Transactions waiting for a connection. */
  readonly waitingTransactions: number;
  /** Statements and transactions refused with DatabaseBusyError since start. */
  readonly busyTimeouts: number;
}

interface PendingQuery {
  state?: unknown;
  cancel(): unknown;
  then: Promise<unknown>["then"];
}

const statsByClient = new WeakMap<Sql, PoolStats>();

/** The counters of a client made by boundQueueWait. */
export const poolStatsOf = (client: Sql): PoolStats | undefined => statsByClient.get(client);

export function boundQueueWait(client: Sql, waitMs: number): Sql {
  const counters = { max: client.options.max, inFlight: 0, waitingTransactions: 0, busyTimeouts: 0 };
  const unsafe = client.unsafe.bind(client);
  const begin = client.begin.bind(client) as unknown as (
    fn: (tx: Sql) => Promise<unknown>,
  ) => Promise<unknown>;

  const boundedUnsafe = ((...args: Parameters<Sql["unsafe"]>) => {
    const query = unsafe(...args) as unknown as PendingQuery;
    let timedOut = false;
    const timer = setTimeout(() => {
      // `state` is set once a connection has taken the query; before that, cancel() only
      // removes it from the queue.
      if (!query.state) {
        timedOut = true;
        query.cancel();
      }
    }, waitMs);
    const then = query.then.bind(query);
    let counted = false;
    const settle = () => {
      clearTimeout(timer);
      if (counted) counters.inFlight -= 1;
      counted = false;
    };
    // biome-ignore lint/suspicious/noThenProperty: the query is a thenable; this wraps its own `then`.
    query.then = ((onFulfilled, onRejected) => {
      // postgres.js runs a query when it is first awaited.
      if (!counted) counters.inFlight += 1;
      counted = true;
      return then(
        (value) => {
          settle();
          return onFulfilled ? onFulfilled(value) : value;
        },
        (error) => {
          settle();
          if (timedOut) counters.busyTimeouts += 1;
          const reason = timedOut ? new DatabaseBusyError(waitMs) : error;
          if (onRejected) return onRejected(reason);
          throw reason;
        },
      );
    }) as PendingQuery["then"];
    return query;
  }) as Sql["unsafe"];

  const boundedBegin = (fn: (tx: Sql) => Promise<unknown>) => {
    let abandoned = false;
    let waiting = true;
    counters.inFlight += 1;
    counters.waitingTransactions += 1;
    const stopWaiting = () => {
      if (waiting) counters.waitingTransactions -= 1;
      waiting = false;
    };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        abandoned = true;
        counters.busyTimeouts += 1;
        reject(new DatabaseBusyError(waitMs));
      }, waitMs);
      begin((tx) => {
        clearTimeout(timer);
        stopWaiting();
        // The caller has already been told the database was busy: roll back at once.
        if (abandoned) throw new DatabaseBusyError(waitMs);
        return fn(tx);
      })
        .finally(() => {
          stopWaiting();
          counters.inFlight -= 1;
        })
        .then(resolve, reject);
    });
  };

  const bounded = new Proxy(client, {
    apply: (target, thisArg, args) => Reflect.apply(target, thisArg, args),
    get: (target, key, receiver) => {
      if (key === "unsafe") return boundedUnsafe;
      if (key === "begin") return boundedBegin;
      return Reflect.get(target, key, receiver);
    },
  });
  statsByClient.set(bounded, counters);
  return bounded;
}
