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

interface PendingQuery {
  state?: unknown;
  cancel(): unknown;
  then: Promise<unknown>["then"];
}

export function boundQueueWait(client: Sql, waitMs: number): Sql {
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
    // biome-ignore lint/suspicious/noThenProperty: the query is a thenable; this wraps its own `then`.
    query.then = ((onFulfilled, onRejected) =>
      then(
        (value) => {
          clearTimeout(timer);
          return onFulfilled ? onFulfilled(value) : value;
        },
        (error) => {
          clearTimeout(timer);
          const reason = timedOut ? new DatabaseBusyError(waitMs) : error;
          if (onRejected) return onRejected(reason);
          throw reason;
        },
      )) as PendingQuery["then"];
    return query;
  }) as Sql["unsafe"];

  const boundedBegin = (fn: (tx: Sql) => Promise<unknown>) => {
    let abandoned = false;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        abandoned = true;
        reject(new DatabaseBusyError(waitMs));
      }, waitMs);
      begin((tx) => {
        clearTimeout(timer);
        // The caller has already been told the database was busy: roll back at once.
        if (abandoned) throw new DatabaseBusyError(waitMs);
        return fn(tx);
      }).then(resolve, reject);
    });
  };

  return new Proxy(client, {
    apply: (target, thisArg, args) => Reflect.apply(target, thisArg, args),
    get: (target, key, receiver) => {
      if (key === "unsafe") return boundedUnsafe;
      if (key === "begin") return boundedBegin;
      return Reflect.get(target, key, receiver);
    },
  });
}
