// lede as processes: one process at a time on an embedded data directory (a second is refused in
// one line naming the first, a dead one's lock is taken over), a busy port, and `npx lede`.
// They start real processes, so they run once: in the PGlite project.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/client.ts";
import { DataDirectoryInUseError, LOCK_FILE, lockDataDirectory } from "../src/db/data-dir-lock.ts";
import { driver } from "./setup/app.ts";
import { type CliResult, runCli, runCommand } from "./setup/cli.ts";
import { freePort } from "./setup/private-postgres.ts";
import { type ServerProcess, startServerProcess } from "./setup/server-process.ts";

const TOKEN = /^lede_[A-Za-z0-9_-]{43}\n$/;
// Child processes starting PGlite (initdb, WebAssembly) take seconds, more on a busy machine.
const SLOW = 90_000;

const onlyLine = (stderr: string) => stderr.trim().split("\n");

async function inTempDir(prefix: string, work: (dir: string) => Promise<void> | void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(driver !== "pglite")("one process at a time on an embedded database", () => {
  let dataDir: string;
  let server: ServerProcess;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "lede-lock-"));
    server = startServerProcess({
      LEDE_DATA_DIR: dataDir,
      PORT: String(await freePort()),
      HOST: "127.0.0.1",
      LEDE_SEED_DEMO: "false",
      LEDE_DISPATCHER: "false",
    });
    await server.logs.waitFor((line) => line.msg.startsWith("lede ready"), 60_000);
  }, SLOW);
  afterAll(async () => {
    server.child.kill("SIGTERM");
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  const namesTheServer = (result: CliResult | string) =>
    expect(onlyLine(typeof result === "string" ? result : result.stderr)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^lede: the embedded database in .+ is in use by the lede server \\(pid ${server.child.pid}, `,
        ),
      ),
    ]);

  it(
    "refuses a CLI command while the server runs, in one line naming the server and its pid",
    async () => {
      const result = await runCli(["token", "create", "--role", "editor", "--name", "While Running"], {
        LEDE_DATA_DIR: dataDir,
      });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe("");
      namesTheServer(result);
    },
    SLOW,
  );

  it(
    "refuses a second server on the same directory the same way",
    async () => {
      const second = startServerProcess({
        LEDE_DATA_DIR: dataDir,
        PORT: String(await freePort()),
        HOST: "127.0.0.1",
        LEDE_DISPATCHER: "false",
      });
      expect(await second.exited).toBe(1);
      namesTheServer(second.logs.stderr());
    },
    SLOW,
  );

  it("names a CLI command that holds the directory, and refuses another in this process too", async () => {
    await inTempDir("lede-lock-", (other) => {
      const lock = lockDataDirectory(other, "lede token create");
      expect(() => lockDataDirectory(other, "the lede server")).toThrow(DataDirectoryInUseError);
      expect(() => lockDataDirectory(other, "the lede server")).toThrow(
        new RegExp(`in use by lede token create \\(pid ${process.pid}, `),
      );
      lock.release();
      expect(existsSync(join(other, LOCK_FILE))).toBe(false);
      lockDataDirectory(other, "the lede server").release();
    });
  });
});

describe.skipIf(driver !== "pglite")("a lock left by a process that is gone", () => {
  it(
    "is taken over: the command runs, writes, and lets go",
    async () => {
      await inTempDir("lede-stale-", async (dataDir) => {
        // The pid of a process that has exited: what a crashed server leaves behind.
        const gone = spawn(process.execPath, ["-e", ""]);
        await new Promise((resolve) => gone.on("close", resolve));
        const stale = { pid: gone.pid, role: "the lede server", since: "2026-11-30T08:00:00.000Z" };
        writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify(stale));

        const result = await runCli(["token", "create", "--role", "editor", "--name", "After A Crash"], {
          LEDE_DATA_DIR: dataDir,
        });
        expect(result.stderr).toBe("");
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(TOKEN);
        expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
        const handle = await openDatabase({ dataDir });
        try {
          const staff = await handle.db.query.staff.findMany({ columns: { name: true } });
          expect(staff).toEqual([{ name: "After A Crash" }]);
        } finally {
          await handle.close();
        }
      });
    },
    SLOW,
  );
});

describe.skipIf(driver !== "pglite")("a port in use", () => {
  it(
    "stops the server with one line naming the port, exit 1, the database let go",
    async () => {
      const holder = createServer();
      const port = await new Promise<number>((resolve) =>
        holder.listen(0, "127.0.0.1", () => resolve((holder.address() as { port: number }).port)),
      );
      await inTempDir("lede-port-", async (dataDir) => {
        try {
          const server = startServerProcess({
            LEDE_DATA_DIR: dataDir,
            PORT: String(port),
            HOST: "127.0.0.1",
            LEDE_SEED_DEMO: "false",
          });
          expect(await server.exited).toBe(1);
          expect(onlyLine(server.logs.stderr())).toEqual([
            `lede: port ${port} is in use on 127.0.0.1: stop what holds it, or set PORT`,
          ]);
          expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
        } finally {
          holder.close();
        }
      });
    },
    SLOW,
  );
});

describe.skipIf(driver !== "pglite")("npx lede", () => {
  it(
    "runs the CLI on the project's Node 24 and prints only the token, so that TOKEN=$(npx lede …) works",
    async () => {
      // The machine's PATH without node_modules/.bin: npx itself must put the project's Node 24 first
      // (the machine's own Node is older and cannot run TypeScript). `--no` keeps npx from ever
      // looking for a package named lede in the registry.
      const path = (process.env.PATH ?? "")
        .split(delimiter)
        .filter((entry) => !entry.includes("node_modules"))
        .join(delimiter);
      await inTempDir("lede-npx-", async (dataDir) => {
        const result = await runCommand(
          "npx",
          ["--no", "lede", "token", "create", "--role", "editor", "--name", "Npx"],
          { PATH: path, LEDE_DATA_DIR: dataDir },
        );
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout).toMatch(TOKEN);
      });
    },
    SLOW,
  );
});
