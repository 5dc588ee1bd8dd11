// Embedded PGlite in its worker thread (src/db/pglite-thread.ts, src/db/pglite-worker.ts): what
// crosses threads must come back as PGlite in the main thread gave it (rows, text types, errors with
// PostgreSQL's fields, transactions), and the thread must neither hold a finished process open nor
// lose a statement sent before the database had opened. Embedded only, so they run once: in the
// PGlite project.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMBEDDED_SHARED_BUFFERS } from "../src/db/client.ts";
import { EmbeddedDatabaseError, PgliteThread } from "../src/db/pglite-thread.ts";
import { driver } from "./setup/app.ts";

const settings = { sharedBuffers: EMBEDDED_SHARED_BUFFERS };
const SLOW = 60_000;

describe.skipIf(driver !== "pglite")("embedded PGlite in a worker thread", () => {
  let pglite: PgliteThread;
  beforeAll(async () => {
    pglite = await PgliteThread.open(settings);
    await pglite.exec(`
      create table notes (id int primary key, body text not null, at timestamptz not null default now());
      insert into notes (id, body, at) values (1, 'one', '2026-12-01 08:00:00+00');`);
  }, SLOW);
  afterAll(() => pglite?.close());

  it("returns rows as objects or arrays, with their parameters and the affected row count", async () => {
    const objects = await pglite.query<{ id: number; body: string }>(
      "select id, body from notes where id = $1",
      [1],
    );
    expect(objects.rows).toEqual([{ id: 1, body: "one" }]);
    expect(objects.fields.map((field) => field.name)).toEqual(["id", "body"]);
    const arrays = await pglite.query("select id, body from notes", [], { rowMode: "array" });
    expect(arrays.rows).toEqual([[1, "one"]]);
    const inserted = await pglite.query("insert into notes (id, body) values ($1, $2), ($3, $4)", [
      2,
      "two",
      3,
      "three",
    ]);
    expect(inserted.affectedRows).toBe(2);
    await pglite.query("delete from notes where id > 1");
  });

  it("leaves the types drizzle's parsers name as PostgreSQL's text, and refuses other parsers", async () => {
    const asText = { 1184: (value: string) => value };
    const text = await pglite.query<{ at: unknown }>("select at from notes where id = 1", [], {
      parsers: asText,
    });
    expect(text.rows[0]?.at).toBe("2026-12-01 08:00:00+00");
    const parsed = await pglite.query<{ at: unknown }>("select at from notes where id = 1");
    expect(parsed.rows[0]?.at).toEqual(new Date("2026-12-01T08:00:00Z"));
    expect(() =>
      pglite.query("select at from notes", [], { parsers: { 1184: (value: string) => new Date(value) } }),
    ).toThrow(/only parsers that keep PostgreSQL's text/);
  });

  it("fails a statement with PostgreSQL's error and its fields (SQLSTATE, constraint)", async () => {
    const error = await pglite.query("insert into notes (id, body) values (1, 'again')").catch((e) => e);
    expect(error).toBeInstanceOf(EmbeddedDatabaseError);
    expect(error).toMatchObject({ code: "23505", constraint: "notes_pkey", severity: "ERROR" });
    expect(error.message).toMatch(/duplicate key value violates unique constraint "notes_pkey"/);
    // The thread goes on serving.
    expect((await pglite.query("select count(*)::int as n from notes")).rows).toEqual([{ n: 1 }]);
  });

  it("commits a transaction that resolves and rolls back one that throws, with its own error", async () => {
    await pglite.transaction(async (tx) => {
      await tx.query("insert into notes (id, body) values (10, 'kept')");
    });
    const thrown = new Error("changed my mind");
    await expect(
      pglite.transaction(async (tx) => {
        await tx.query("insert into notes (id, body) values (11, 'dropped')");
        throw thrown;
      }),
    ).rejects.toBe(thrown);
    const ids = await pglite.query<{ id: number }>("select id from notes where id >= 10 order by id");
    expect(ids.rows).toEqual([{ id: 10 }]);
    await pglite.query("delete from notes where id >= 10");
  });

  it("runs a statement sent outside an open transaction after it, not inside it", async () => {
    const order: string[] = [];
    let outside: Promise<unknown> = Promise.resolve();
    await pglite.transaction(async (tx) => {
      await tx.query("insert into notes (id, body) values (20, 'inside')");
      outside = pglite
        .query<{ n: number }>("select count(*)::int as n from notes where id = 20")
        .then((result) => order.push(`outside saw ${result.rows[0]?.n}`));
      await tx.query("select pg_sleep(0.05)");
      order.push("committing");
    });
    await outside;
    // It waited for the commit, and so saw the row.
    expect(order).toEqual(["committing", "outside saw 1"]);
    await pglite.query("delete from notes where id = 20");
  });

  it(
    "answers statements sent before the database has opened, and dumps the data directory",
    async () => {
      const started = PgliteThread.start(settings);
      try {
        const early = started.query<{ answer: number }>("select 42 as answer");
        expect((await early).rows).toEqual([{ answer: 42 }]);
        await started.opened;
        const dump = await started.dumpDataDir();
        expect(dump.size).toBeGreaterThan(1_000_000);
      } finally {
        await started.close();
      }
    },
    SLOW,
  );

  it(
    "fails statements sent to a database that did not open with the reason it did not",
    async () => {
      const work = mkdtempSync(join(tmpdir(), "lede-thread-"));
      const notADirectory = join(work, "file");
      writeFileSync(notADirectory, "not a data directory");
      try {
        const started = PgliteThread.start({ ...settings, dataDir: notADirectory });
        const early = await started.query("select 1").catch((e) => e);
        expect(early).toBeInstanceOf(Error);
        await expect(started.opened).rejects.toThrow(early.message);
        await expect(PgliteThread.open({ ...settings, dataDir: notADirectory })).rejects.toThrow(
          early.message,
        );
        await started.close().catch(() => {});
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
    SLOW,
  );

  it(
    "does not keep a process alive once its statements are answered, and opens the prewarmed worker",
    () => {
      const thread = fileURLToPath(new URL("../src/db/pglite-thread.ts", import.meta.url));
      const script = `
      import { PgliteThread } from ${JSON.stringify(thread)};
      PgliteThread.prewarm();
      const warm = globalThis[Symbol.for("lede.prewarmedPgliteWorker")];
      const pglite = PgliteThread.start({ sharedBuffers: "16MB" });
      const taken = warm !== undefined && globalThis[Symbol.for("lede.prewarmedPgliteWorker")] === undefined;
      const { rows } = await pglite.query("select 1 as one");
      console.log(JSON.stringify({ taken, rows }));
      // No close: the process must end by itself.`;
      const work = mkdtempSync(join(tmpdir(), "lede-thread-"));
      try {
        writeFileSync(join(work, "script.mjs"), script);
        const run = spawnSync(process.execPath, [join(work, "script.mjs")], {
          encoding: "utf8",
          timeout: 30_000,
        });
        expect(run.stderr).toBe("");
        expect(run.status).toBe(0);
        expect(JSON.parse(run.stdout)).toEqual({ taken: true, rows: [{ one: 1 }] });
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
    SLOW,
  );
});
