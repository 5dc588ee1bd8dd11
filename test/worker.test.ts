// `npm run lede -- worker`: the dispatcher (and the digest scheduler) on its own, as an operator
// runs it beside web processes started with LEDE_DISPATCHER=false.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { outbox } from "../src/db/schema.ts";
import { enqueueEmails } from "../src/mail/outbox.ts";
import { emlFileName } from "../src/mail/transports.ts";
import { createTestApp, driver, type TestApp } from "./setup/app.ts";
import { readMailDir } from "./setup/mail.ts";

let t: TestApp;
let dir: string;
beforeAll(async () => {
  t = await createTestApp();
  dir = mkdtempSync(join(tmpdir(), "lede-worker-"));
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The worker's database: this file's PostgreSQL clone, or a PGlite directory of its own. */
async function workerDatabase(): Promise<{ handle: DatabaseHandle; env: Record<string, string> }> {
  const mailDir = join(dir, "mail");
  if (driver === "postgres") {
    return {
      handle: t.handle,
      env: { DATABASE_URL: t.handle.url as string, LEDE_DATA_DIR: dir, LEDE_MAIL_DIR: mailDir },
    };
  }
  const dataDir = join(dir, "pglite");
  const handle = await openDatabase({ dataDir });
  await migrateDatabase(handle);
  return { handle, env: { LEDE_DATA_DIR: dataDir, LEDE_MAIL_DIR: mailDir } };
}

describe("npm run lede -- worker", () => {
  it("sends the outbox as .eml files, and stops cleanly on SIGTERM", async () => {
    const { handle, env } = await workerDatabase();
    const key = `worker-test:${Date.now()}`;
    await enqueueEmails(
      handle.db,
      [
        {
          idempotencyKey: key,
          kind: "test",
          recipient: "ops@example.com",
          subject: "From the worker",
          text: "Hello",
        },
      ],
      new Date(),
    );
    // PGlite has one writer: the worker opens the directory only once this process has let go.
    if (handle !== t.handle) await handle.close();

    const child = spawn(process.execPath, ["src/cli.ts", "worker"], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    const file = join(env.LEDE_MAIL_DIR as string, emlFileName({ idempotencyKey: key }));
    for (let i = 0; i < 1200 && !existsSync(file); i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill("SIGTERM");
    expect(await exited, stderr).toBe(0);
    expect(stderr).toContain("lede worker: mail written as .eml files to");
    expect(stderr).toContain("SIGTERM: finishing the message in flight");

    const [mail] = readMailDir(env.LEDE_MAIL_DIR as string);
    expect(mail?.headers).toMatchObject({ to: "ops@example.com", subject: "From the worker" });
    const after = driver === "postgres" ? t.handle : await openDatabase({ dataDir: env.LEDE_DATA_DIR });
    try {
      const [row] = await after.db.select().from(outbox).where(eq(outbox.idempotencyKey, key));
      expect(row).toMatchObject({ status: "sent", attempts: 1 });
    } finally {
      if (after !== t.handle) await after.close();
    }
    // Child processes starting PGlite (initdb, WebAssembly) take seconds, more on a busy machine.
  }, 90_000);
});
