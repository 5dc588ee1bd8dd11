// The worker thread that holds embedded PGlite (src/db/pglite-thread.ts is the other side). It
// starts warming up at once (PGlite's modules, its WebAssembly compiled, its file bundle read), then
// opens the database when the main thread sends `open`, and answers the main thread's requests one
// message at a time; PGlite's own queue orders them, and a transaction's statements go to that
// transaction's object.
import { readFile } from "node:fs/promises";
import { enableCompileCache } from "node:module";
import { parentPort, workerData } from "node:worker_threads";

enableCompileCache();

type PGlite = import("@electric-sql/pglite").PGlite;
type Results = import("@electric-sql/pglite").Results;
type Transaction = import("@electric-sql/pglite").Transaction;
/** WebAssembly's own types come with the DOM library, which lede's configuration does not load. */
type WasmModule = NonNullable<import("@electric-sql/pglite").PGliteOptions["pgliteWasmModule"]>;
const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WasmModule> } })
  .WebAssembly;

export interface WorkerSettings {
  dataDir?: string | undefined;
  /** A data directory dump (tar) to start from. */
  dump?: ArrayBuffer | undefined;
  sharedBuffers: string;
}

/** What the worker is told at its start: it serves PGlite (other workers of lede's are not this one). */
export interface WorkerData {
  lede: "pglite-worker";
}

export type Request =
  | {
      id: number;
      op: "query";
      tx?: number;
      text: string;
      params?: unknown[];
      rowMode?: "array" | "object";
      textTypes?: number[];
    }
  | { id: number; op: "exec"; tx?: number; text: string }
  | { id: number; op: "begin" }
  | { id: number; op: "end"; tx: number; commit: boolean }
  | { id: number; op: "open"; settings: WorkerSettings }
  | { id: number; op: "dump" }
  | { id: number; op: "close" };

export type Reply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: SerializedError };

/** An error as it crosses threads: message, name, and PostgreSQL's fields (code, detail, constraint…). */
export interface SerializedError {
  message: string;
  name: string;
  stack?: string | undefined;
  fields: Record<string, unknown>;
}

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { message: String(error), name: "Error", fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === undefined || typeof value === "function" || key === "cause") continue;
    // Only what structured clone carries: plain values.
    if (value === null || ["string", "number", "boolean", "bigint"].includes(typeof value))
      fields[key] = value;
  }
  return { message: error.message, name: error.name, stack: error.stack, fields };
}

const port = parentPort;
if (port && (workerData as WorkerData | undefined)?.lede === "pglite-worker") serve();

/** PGlite's modules and what `PGlite.create` would otherwise read and compile on the way. */
async function warmUp() {
  const [pgliteModule, { pg_trgm }, { unaccent }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
    import("@electric-sql/pglite/contrib/unaccent"),
  ]);
  const dist = (name: string) => new URL(name, import.meta.resolve("@electric-sql/pglite"));
  const [pgliteWasmModule, fsBundle] = await Promise.all([
    readFile(dist("pglite.wasm")).then((bytes) => wasm.compile(bytes)),
    readFile(dist("pglite.data")).then((bytes) => new Blob([bytes])),
  ]);
  return { PGlite: pgliteModule.PGlite, extensions: { unaccent, pg_trgm }, pgliteWasmModule, fsBundle };
}

function open(warm: Awaited<ReturnType<typeof warmUp>>, settings: WorkerSettings): Promise<PGlite> {
  const { PGlite } = warm;
  return PGlite.create({
    // The contrib extensions the migrations create (search: accent folding and trigrams).
    extensions: warm.extensions,
    pgliteWasmModule: warm.pgliteWasmModule,
    fsBundle: warm.fsBundle,
    // PostgreSQL's default 128 MB of shared buffers is zeroed on every start (0.35 s of a 0.8 s
    // open); an embedded database of a newsroom's demo or development content needs far less.
    startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${settings.sharedBuffers}`],
    ...(settings.dataDir && { dataDir: settings.dataDir }),
    ...(settings.dump && { loadDataDir: new Blob([settings.dump]) }),
  });
}

function serve(): void {
  if (!port) return;
  const warming = warmUp();
  // A failed warm-up is `open`'s answer; until then it must not end the thread as unhandled.
  warming.catch(() => {});
  // Until `open` has answered, every other request waits on it (the main thread sends none).
  let opened: Promise<PGlite> | null = null;
  const database = () => {
    if (!opened) throw new Error("the embedded database is not open");
    return opened;
  };

  // Open transactions by number: each waits on `finish`, which the main thread's `end` settles;
  // `ended` holds each one's outcome (committed, rolled back, or the error COMMIT met).
  const transactions = new Map<number, { tx: Transaction; finish: (commit: boolean) => void }>();
  const ended = new Map<number, Promise<unknown>>();
  let nextTransaction = 1;
  const runnerOf = async (tx: number | undefined) => {
    if (tx === undefined) return database();
    const entry = transactions.get(tx);
    if (!entry) throw new Error(`transaction ${tx} is not open`);
    return entry.tx;
  };
  /** Rolls a transaction back without it being an error of the caller's. */
  const ROLLBACK = Symbol("rollback");

  const handle = async (request: Request): Promise<unknown> => {
    switch (request.op) {
      case "query": {
        // Parsers are functions, which cannot cross threads: the main thread names the types it
        // wants left as PostgreSQL's text (drizzle's: dates, times and intervals).
        const parsers = request.textTypes
          ? Object.fromEntries(request.textTypes.map((type) => [type, (value: string) => value]))
          : undefined;
        const result: Results = await (await runnerOf(request.tx)).query(request.text, request.params, {
          ...(request.rowMode && { rowMode: request.rowMode }),
          ...(parsers && { parsers }),
        });
        return result;
      }
      case "exec":
        return (await runnerOf(request.tx)).exec(request.text);
      case "open":
        opened = warming.then((warm) => open(warm, request.settings));
        await opened;
        return null;
      case "begin": {
        const id = nextTransaction++;
        const pglite = await database();
        return new Promise<number>((started, failed) => {
          const done = pglite
            .transaction(
              (tx) =>
                new Promise<void>((committed, rolledBack) => {
                  transactions.set(id, {
                    tx,
                    finish: (commit) => (commit ? committed() : rolledBack(ROLLBACK)),
                  });
                  started(id);
                }),
            )
            .finally(() => transactions.delete(id));
          done.catch(failed);
          ended.set(id, done);
        });
      }
      case "end": {
        const entry = transactions.get(request.tx);
        const done = ended.get(request.tx);
        ended.delete(request.tx);
        if (!entry || !done) throw new Error(`transaction ${request.tx} is not open`);
        entry.finish(request.commit);
        try {
          await done;
        } catch (error) {
          if (error !== ROLLBACK) throw error;
        }
        return null;
      }
      case "dump": {
        const dump = await (await database()).dumpDataDir("none");
        return dump.arrayBuffer();
      }
      case "close":
        await (await database()).close();
        return null;
    }
  };

  port.on("message", (request: Request) => {
    handle(request).then(
      (value) => {
        const transfer = value instanceof ArrayBuffer ? [value] : [];
        port.postMessage({ id: request.id, ok: true, value } satisfies Reply, transfer);
      },
      (error: unknown) =>
        port.postMessage({ id: request.id, ok: false, error: serializeError(error) } satisfies Reply),
    );
  });
}
