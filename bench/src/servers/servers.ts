// Starting and stopping the three servers as child processes, each on the real Node 24 binary
// (process.execPath: the harness itself runs on the root's `node` devDependency), each with a
// pool of the same size and production settings, each with a clean environment so nothing from
// the developer's shell (REDIS_URL, LOG_LEVEL, ...) changes what is measured.
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { once } from "node:events";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import type { ServerName } from "../scenarios/types.ts";

export const benchRoot = fileURLToPath(new URL("../..", import.meta.url));
export const ledeRoot = fileURLToPath(new URL("../../..", import.meta.url));

/**
 * lede runs from a copy of its src/, drizzle/ and package.json taken when the harness starts
 * (node_modules linked), so that edits made to the work tree during a run cannot mix two
 * versions of lede in one result. Returns a content hash of what was copied.
 */
export const ledeSnapshot = `${benchRoot}.work/lede-snapshot/`;
export function snapshotLede(): string {
  rmSync(ledeSnapshot, { recursive: true, force: true });
  mkdirSync(ledeSnapshot, { recursive: true });
  for (const part of ["src", "drizzle", "package.json"]) {
    cpSync(`${ledeRoot}${part}`, `${ledeSnapshot}${part}`, { recursive: true });
  }
  symlinkSync(`${ledeRoot}node_modules`, `${ledeSnapshot}node_modules`, "dir");
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else {
        hash.update(path.slice(ledeSnapshot.length));
        hash.update(readFileSync(path));
      }
    }
  };
  walk(`${ledeSnapshot}src`);
  walk(`${ledeSnapshot}drizzle`);
  return hash.digest("hex").slice(0, 12);
}

export interface StartOptions {
  databaseUrl: string;
  poolSize: number;
  /** Where lede writes a V8 CPU profile (`--cpu-prof`), if wanted. */
  cpuProfileDir?: string | undefined;
  startTimeoutMs?: number;
}

export interface RunningServer {
  name: ServerName;
  pid: number;
  url: string;
  /** The last lines the server printed, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  server.close();
  await once(server, "close");
  return port;
}

interface Launch {
  args: string[];
  cwd: string;
  env: Record<string, string>;
  ready: RegExp;
}

function launchOf(name: ServerName, port: number, options: StartOptions): Launch {
  const base = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? "/tmp" };
  switch (name) {
    case "lede":
    case "lede-cached":
      return {
        args: [
          ...(options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`] : []),
          "src/server.ts",
        ],
        cwd: ledeSnapshot,
        env: {
          ...base,
          NODE_ENV: "production",
          LEDE_SEED_DEMO: "false",
          // Production refuses to start without a secret; this one signs nothing that matters.
          LEDE_SECRET: "lede-bench-secret-0123456789abcdef0123456789",
          // Mail is not part of any read scenario: keep the dispatcher's outbox polling out of
          // the statement counts and CPU figures (production can run it as \`lede worker\`).
          LEDE_DISPATCHER: "false",
          // The measured lede answers every request: its response cache (on by default) would
          // turn a benchmark of repeated queries into a benchmark of the cache. \`lede-cached\`
          // is the same server with the cache on, for comparison.
          RESPONSE_CACHE: name === "lede-cached" ? "true" : "false",
          // Q2 as issue 3 specifies it (20 comments, 20 replies, 20 replies of replies) costs
          // 50,999 in lede's cost model, over its default limit of 50,000.
          GRAPHQL_MAX_COST: "100000",
          // The writing scenarios (Q3 postComment, Q4 subscribeToNewsletter) send thousands of
          // mutations a second from one IP (127.0.0.1). lede's abuse limits would refuse nearly
          // all of them and the benchmark would measure the refusal: the comment flood check
          // (one comment per email and per IP every 15 s) is off, and the per-IP and per-token
          // mutation limits (60 and 600 a minute) and the newsletter's subscribe limits (10 per IP
          // and 3 per address an hour) are out of reach. Their bookkeeping still runs (the
          // limiter counts every mutation; the flood check is skipped only at 0 s). Q3 also
          // rotates over many commenters' emails, so that the flood check would not be what is
          // measured even if it were on at a few seconds.
          COMMENT_FLOOD_SECONDS: "0",
          MUTATION_LIMIT_PER_IP: "100000000",
          MUTATION_LIMIT_PER_TOKEN: "100000000",
          NEWSLETTER_RATE_LIMIT_IP: "100000000",
          NEWSLETTER_RATE_LIMIT_EMAIL: "100000000",
          DATABASE_URL: options.databaseUrl,
          DATABASE_POOL_SIZE: String(options.poolSize),
          PORT: String(port),
          HOST: "127.0.0.1",
          LEDE_DATA_DIR: `${benchRoot}.work/lede-data`,
          LOG_LEVEL: "info",
        },
        ready: /lede ready/,
      };
    case "postgraphile":
      return {
        args: ["src/servers/postgraphile-server.ts"],
        cwd: benchRoot,
        env: {
          ...base,
          NODE_ENV: "production",
          GRAPHILE_ENV: "production",
          DATABASE_URL: options.databaseUrl,
          DATABASE_POOL_SIZE: String(options.poolSize),
          PORT: String(port),
        },
        ready: /postgraphile ready/,
      };
    case "raw":
      return {
        args: ["src/servers/raw-server.ts"],
        cwd: benchRoot,
        env: {
          ...base,
          NODE_ENV: "production",
          DATABASE_URL: options.databaseUrl,
          DATABASE_POOL_SIZE: String(options.poolSize),
          PORT: String(port),
        },
        ready: /raw ready/,
      };
  }
}

export async function startServer(name: ServerName, options: StartOptions): Promise<RunningServer> {
  const port = await freePort();
  const launch = launchOf(name, port, options);
  const child: ChildProcess = spawn(process.execPath, launch.args, {
    cwd: launch.cwd,
    env: launch.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let exited = false;
  child.on("exit", () => {
    exited = true;
  });
  const ready = new Promise<void>((resolve, reject) => {
    const timeoutMs = options.startTimeoutMs ?? 60_000;
    const timer = setTimeout(
      () =>
        reject(new Error(`${name} did not become ready within ${timeoutMs / 1000} s:\n${lines.join("\n")}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (!line) continue;
        lines.push(line);
        if (lines.length > 60) lines.shift();
        if (launch.ready.test(line)) {
          clearTimeout(timer);
          resolve();
        }
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(`${name} exited before it was ready (${signal ?? `code ${code}`}):\n${lines.join("\n")}`),
      );
    });
  });
  try {
    await ready;
  } catch (error) {
    if (!exited) child.kill("SIGKILL");
    throw error;
  }
  return {
    name,
    pid: child.pid as number,
    url: `http://127.0.0.1:${port}/graphql`,
    output: () => lines.join("\n"),
    stop: async () => {
      if (exited) return;
      const gone = once(child, "exit");
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await gone;
      clearTimeout(timer);
    },
  };
}
