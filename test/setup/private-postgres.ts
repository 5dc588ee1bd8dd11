// A PostgreSQL server of the test's own, in a temporary folder, that the test may stop, restart
// and crash at will: initdb and pg_ctl from the machine's PostgreSQL binaries. As root they run as
// the `postgres` OS user (PostgreSQL refuses to run as root), which then owns the folder.
import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The folder holding initdb and pg_ctl: LEDE_TEST_PG_BIN, else the newest /usr/lib/postgresql/<n>/bin; null when absent. */
export function postgresBinaries(): string | null {
  const given = process.env.LEDE_TEST_PG_BIN;
  if (given) return existsSync(join(given, "pg_ctl")) ? given : null;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "pg_ctl")) && existsSync(join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], "bin") : null;
}

/** A TCP port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface PrivatePostgres {
  /** postgres://postgres@127.0.0.1:<port>/<database> */
  url(database?: string): string;
  port: number;
  stop(mode?: "smart" | "fast" | "immediate"): Promise<void>;
  start(): Promise<void>;
  /** Stops (`mode`) and starts again; resolves once it accepts connections. */
  restart(mode?: "smart" | "fast" | "immediate"): Promise<void>;
  /** The server's own log so far. */
  log(): string;
  /** Stops it at once and removes its folder. */
  destroy(): Promise<void>;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = postgresBinaries();
  if (!bin) throw new Error("no PostgreSQL binaries (initdb, pg_ctl) on this machine");
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), "lede-pg-"));
  if (asRoot) chownSync(dir, ...postgresIds());
  const dataDir = join(dir, "data");
  const logFile = join(dir, "server.log");
  const port = await freePort();
  const as = (command: string, args: string[]) =>
    asRoot
      ? run("runuser", ["-u", "postgres", "--", join(bin, command), ...args], { timeout: 60_000 })
      : run(join(bin, command), args, { timeout: 60_000 });

  await as("initdb", [
    "-D",
    dataDir,
    "-U",
    "postgres",
    "-A",
    "trust",
    "-E",
    "UTF8",
    "--no-locale",
    "--no-sync",
  ]);
  // Durability against a crash of the machine is not what these tests are about: no fsync. A crash
  // of PostgreSQL itself (`-m immediate`) still recovers from the WAL.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  const pgCtl = (args: string[]) => as("pg_ctl", ["-D", dataDir, "-l", logFile, "-t", "30", ...args]);
  const start = async () => {
    await pgCtl(["-o", options, "-w", "start"]);
  };
  const stop = async (mode: "smart" | "fast" | "immediate" = "fast") => {
    await pgCtl(["-m", mode, "-w", "stop"]);
  };
  await start();

  return {
    port,
    url: (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start,
    stop,
    restart: async (mode = "fast") => {
      await stop(mode);
      await start();
    },
    log: () => (existsSync(logFile) ? readFileSync(logFile, "utf8") : ""),
    destroy: async () => {
      await stop("immediate").catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresIds(): [number, number] {
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((entry) => entry.startsWith("postgres:"));
  const [, , uid, gid] = line?.split(":") ?? [];
  if (!uid || !gid) throw new Error("running as root, but there is no postgres OS user to run PostgreSQL");
  return [Number(uid), Number(gid)];
}
