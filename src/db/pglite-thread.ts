// Embedded PGlite in a worker thread (src/db/pglite-worker.ts), seen from the main thread through
// the part of PGlite's interface that lede and drizzle use: query, exec, transaction, dumpDataDir and
// close. Opening PGlite costs about 0.7 s of CPU (its JavaScript, its WebAssembly, PostgreSQL's own
// start); in its own thread that runs while the main thread loads the API, instead of after or
// between it.
//
// Each statement crosses threads as a message (its rows are copied back, by structured clone). The
// worker is referenced only while a request is in flight: an idle database never keeps a finished
// process alive, as PGlite in the main thread never did.
import { Worker } from "node:worker_threads";
import type { Results } from "@electric-sql/pglite";
import type { Reply, Request, SerializedError, WorkerData, WorkerSettings } from "./pglite-worker.ts";

type Op = Request["op"];
type RequestOf<O extends Op> = Omit<Extract<Request, { op: O }>, "id">;

/** What `query` accepts: drizzle's options (row mode, types left as text). */
export interface ThreadQueryOptions {
  rowMode?: "array" | "object";
  /**
   * By type: functions cannot cross threads, so every type listed here is left as PostgreSQL's text,
   * which is what drizzle's parsers do (dates, times, intervals). Other parsers are refused.
   */
  parsers?: Record<number, (value: string, type?: number) => unknown>;
}

/** Statements inside one transaction; the shape of PGlite's `Transaction` that drizzle uses. */
export interface ThreadRunner {
  query<T = Record<string, unknown>>(
    text: string,
    params?: unknown[],
    options?: ThreadQueryOptions,
  ): Promise<Results<T>>;
  exec(text: string): Promise<Results[]>;
}

/** A PostgreSQL error from the worker, with its fields (code, detail, constraint…) as PGlite's had. */
export class EmbeddedDatabaseError extends Error {
  constructor(serialized: SerializedError) {
    super(serialized.message);
    Object.assign(this, serialized.fields);
    this.name = serialized.name;
    // The worker's stack says where PostgreSQL's error was read; the caller's says who asked.
    if (serialized.stack) this.stack = `${this.stack}\n    from the database thread: ${serialized.stack}`;
  }
}

const WORKER_URL = new URL("./pglite-worker.ts", import.meta.url);
const WORKER_DATA: WorkerData = { lede: "pglite-worker" };
const PREWARMED = Symbol.for("lede.prewarmedPgliteWorker");
type PrewarmSlot = { [PREWARMED]?: Worker };

/** A worker that starts warming up at once; referenced only while a request waits on it. */
function startWorker(): Worker {
  const worker = new Worker(WORKER_URL, { workerData: WORKER_DATA });
  worker.unref();
  return worker;
}

export class PgliteThread implements ThreadRunner {
  readonly #worker: Worker;
  readonly #pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  #nextId = 1;
  #failure: Error | null = null;

  /** Resolves once PGlite is open; rejects with why it did not open. */
  readonly opened: Promise<void>;

  /** Takes `worker` and sends it `settings` to open: its first message, so every statement waits for it. */
  private constructor(worker: Worker, settings: WorkerSettings) {
    this.#worker = worker;
    worker.on("message", (reply: Reply) => {
      const pending = this.#pending.get(reply.id);
      if (!pending) return;
      this.#pending.delete(reply.id);
      if (this.#pending.size === 0) worker.unref();
      if (reply.ok) pending.resolve(reply.value);
      else pending.reject(new EmbeddedDatabaseError(reply.error));
    });
    const fail = (error: Error) => {
      this.#failure ??= error;
      for (const { reject } of this.#pending.values()) reject(error);
      this.#pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`the embedded database's thread exited (code ${code})`)));
    this.opened = this.#send("open", { op: "open", settings }, settings.dump ? [settings.dump] : []).then(
      () => {},
    );
    // Whoever sends a statement hears the error; the promise itself may have no listener.
    this.opened.catch(() => {});
  }

  /**
   * Starts a worker now, to warm up while this thread loads the rest; the next `open` in this
   * process takes it. `npm start` calls it first thing (src/server.ts), before the server's bundle,
   * which has its own copy of this module: the worker waits for it on the global object.
   */
  static prewarm(): void {
    (globalThis as PrewarmSlot)[PREWARMED] ??= startWorker();
  }

  /**
   * Starts opening PGlite in the prewarmed worker, or a new one. Statements can be sent at once:
   * they wait in the worker until PGlite is open, and fail with its error if it does not open.
   */
  static start(settings: WorkerSettings): PgliteThread {
    const slot = globalThis as PrewarmSlot;
    const worker = slot[PREWARMED] ?? startWorker();
    delete slot[PREWARMED];
    return new PgliteThread(worker, settings);
  }

  /** Opens PGlite in a worker thread; rejects with why it did not open (the thread then ends). */
  static async open(settings: WorkerSettings): Promise<PgliteThread> {
    const thread = PgliteThread.start(settings);
    try {
      await thread.opened;
    } catch (error) {
      await thread.#worker.terminate();
      throw error;
    }
    return thread;
  }

  query<T = Record<string, unknown>>(
    text: string,
    params?: unknown[],
    options?: ThreadQueryOptions,
  ): Promise<Results<T>> {
    return this.#send("query", queryRequest(text, params, options)) as Promise<Results<T>>;
  }

  exec(text: string): Promise<Results[]> {
    return this.#send("exec", { op: "exec", text }) as Promise<Results[]>;
  }

  /** Runs `callback` in one transaction: committed when it resolves, rolled back when it throws. */
  async transaction<T>(callback: (tx: ThreadRunner) => Promise<T>): Promise<T> {
    const tx = (await this.#send("begin", { op: "begin" })) as number;
    const runner: ThreadRunner = {
      query: <R>(text: string, params?: unknown[], options?: ThreadQueryOptions) =>
        this.#send("query", { ...queryRequest(text, params, options), tx }) as Promise<Results<R>>,
      exec: (text: string) => this.#send("exec", { op: "exec", text, tx }) as Promise<Results[]>,
    };
    let result: T;
    try {
      result = await callback(runner);
    } catch (error) {
      // The caller's error is the one to hear, even if rolling back failed too.
      await this.#send("end", { op: "end", tx, commit: false }).catch(() => {});
      throw error;
    }
    await this.#send("end", { op: "end", tx, commit: true });
    return result;
  }

  /** The data directory as a tar archive, as PGlite's `dumpDataDir("none")` gives it. */
  async dumpDataDir(): Promise<Blob> {
    return new Blob([(await this.#send("dump", { op: "dump" })) as ArrayBuffer]);
  }

  async close(): Promise<void> {
    if (this.#failure) return;
    try {
      await this.#send("close", { op: "close" });
    } finally {
      await this.#worker.terminate();
    }
  }

  #send<O extends Op>(_op: O, request: RequestOf<O>, transfer: ArrayBuffer[] = []): Promise<unknown> {
    if (this.#failure) return Promise.reject(this.#failure);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      if (this.#pending.size === 0) this.#worker.ref();
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...request, id }, transfer);
    });
  }
}

/** The types each parsers object leaves as text, checked once per object (drizzle passes one). */
const textTypesOf = new WeakMap<object, number[]>();

function textTypes(parsers: NonNullable<ThreadQueryOptions["parsers"]>): number[] {
  let types = textTypesOf.get(parsers);
  if (!types) {
    for (const parser of Object.values(parsers))
      if (parser("1999-01-08") !== "1999-01-08")
        throw new Error(
          "only parsers that keep PostgreSQL's text can cross to the embedded database's thread",
        );
    types = Object.keys(parsers).map(Number);
    textTypesOf.set(parsers, types);
  }
  return types;
}

function queryRequest(text: string, params: unknown[] | undefined, options: ThreadQueryOptions | undefined) {
  return {
    op: "query" as const,
    text,
    ...(params && { params }),
    ...(options?.rowMode && { rowMode: options.rowMode }),
    ...(options?.parsers && { textTypes: textTypes(options.parsers) }),
  };
}
