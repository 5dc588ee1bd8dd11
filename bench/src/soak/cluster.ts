// Three lede processes on one PostgreSQL database and one Redis, as an operator runs replicas:
// `node src/server.ts` from the repository root on the project's Node 24, production settings, a
// clean environment. Ready means GET /ready answers 200 (LOG_LEVEL=warn prints no "ready" line).
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import { Redis } from "ioredis";
import postgres from "postgres";
import { databaseUrl, dropDatabase } from "../data/database.ts";
import { benchRoot, freePort, ledeRoot } from "../servers/servers.ts";

/** What the soak changes from lede's production defaults, and why; recorded in the result. */
export function soakSettings(options: { comments: number; subscribers: number }): Record<string, string> {
  const perProcess = Math.ceil(options.subscribers / 3);
  return {
    // Every comment and approval comes from 127.0.0.1: the per-address limit (60 a minute) would
    // refuse nearly all of them, and the run would measure the refusal.
    MUTATION_LIMIT_PER_IP: String(Math.max(1_000_000, options.comments * 10)),
    // The flood check allows one comment per email and per address every 15 s.
    COMMENT_FLOOD_SECONDS: "0",
    // Every subscriber of a process comes from 127.0.0.1: past 100 per process (the default
    // limit per address), the limit is raised. Each subscriber has its own connection (the
    // default 20 per connection is out of reach) and the queues keep their default (100 events).
    ...(perProcess > 100 && { SUBSCRIPTIONS_PER_IP: String(perProcess) }),
  };
}

export interface ClusterOptions {
  adminUrl: string;
  database: string;
  redisUrl: string;
  settings: Record<string, string>;
  startTimeoutMs: number;
}

export interface LedeProcess {
  index: number;
  pid: number;
  /** http://127.0.0.1:<port>/graphql */
  url: string;
  /** ws://127.0.0.1:<port>/graphql */
  wsUrl: string;
  /** The exit code (or signal name) once the process ended; null while it runs. */
  exit(): number | string | null;
  /** The last lines it printed. */
  output(): string;
  /** SIGTERM, and its exit code (SIGKILL after 20 s: then "SIGKILL"). */
  stop(): Promise<number | string>;
}

const run = promisify(execFile);

const SECRET = "lede-soak-secret-0123456789abcdef0123456789abcdef";

function environment(options: ClusterOptions, port: number): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? "/tmp",
    NODE_ENV: "production",
    LEDE_SECRET: SECRET,
    DATABASE_URL: databaseUrl(options.adminUrl, options.database),
    REDIS_URL: options.redisUrl,
    RESPONSE_CACHE: "true",
    LOG_LEVEL: "warn",
    LEDE_SEED_DEMO: "true",
    // Mail is not what the soak checks; off, nothing is written under the repository.
    LEDE_DISPATCHER: "false",
    LEDE_DATA_DIR: `${benchRoot}.work/soak-data`,
    HOST: "127.0.0.1",
    PORT: String(port),
    ...options.settings,
  };
}

const children = new Set<ChildProcess>();
// A harness that dies (an exception, the time bound) leaves no server running.
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

function launch(options: ClusterOptions, index: number, port: number): LedeProcess {
  const child = spawn(process.execPath, ["src/server.ts"], {
    cwd: ledeRoot,
    env: environment(options, port),
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  const lines: string[] = [];
  let exit: number | string | null = null;
  const exited = new Promise<number | string>((resolve) =>
    child.on("exit", (code, signal) => {
      children.delete(child);
      exit = code ?? signal ?? "unknown";
      resolve(exit);
    }),
  );
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line) continue;
      lines.push(line);
      if (lines.length > 40) lines.shift();
    }
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return {
    index,
    pid: child.pid as number,
    url: `http://127.0.0.1:${port}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    exit: () => exit,
    output: () => lines.join("\n"),
    stop: async () => {
      if (exit !== null) return exit;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Resolves true once GET /ready answers 200, false if the process exits or the time is up. */
async function becomesReady(server: LedeProcess, timeoutMs: number): Promise<boolean> {
  const ready = server.url.replace(/\/graphql$/, "/ready");
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline && server.exit() === null) {
    const ok = await fetch(ready, { signal: AbortSignal.timeout(2000) }).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

export interface ClusterStart {
  servers: LedeProcess[];
  /** Per process: ready, or why not (its exit code, or a timeout). */
  outcomes: ({ ready: true } | { ready: false; exit: number | string | null })[];
}

/** Starts the three processes at once and waits for each to be ready (or not). */
export async function startCluster(options: ClusterOptions, count = 3): Promise<ClusterStart> {
  const ports: number[] = [];
  for (let i = 0; i < count; i++) ports.push(await freePort());
  const servers = ports.map((port, index) => launch(options, index, port));
  const outcomes = await Promise.all(
    servers.map(async (server) =>
      (await becomesReady(server, options.startTimeoutMs))
        ? ({ ready: true } as const)
        : ({ ready: false, exit: server.exit() } as const),
    ),
  );
  return { servers, outcomes };
}

/** Stops every process (at once, as an orchestrator would) and returns their exit codes. */
export const stopCluster = (servers: LedeProcess[]) => Promise.all(servers.map((server) => server.stop()));

export async function createDatabase(adminUrl: string, name: string): Promise<void> {
  await dropDatabase(adminUrl, name);
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
}

/**
 * Empties the soak's Redis database. Every run starts a new PostgreSQL database whose demo rows
 * have the same ids as the last one's, so a response cached by an earlier run would be served
 * as this run's answer.
 */
export async function flushRedis(url: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    await redis.flushdb();
  } finally {
    redis.disconnect();
  }
}

/** A staff token from the CLI, run against the database while the servers run. */
export async function createStaffToken(
  options: ClusterOptions,
  role: "editor",
  name: string,
): Promise<string> {
  const { stdout } = await run("npx", ["--no", "lede", "token", "create", "--role", role, "--name", name], {
    cwd: ledeRoot,
    env: environment(options, 0),
  });
  const token = stdout.trim();
  if (!/^lede_\S+$/.test(token)) throw new Error(`npx lede token create printed no token: ${stdout}`);
  return token;
}

export async function countRows(
  adminUrl: string,
  database: string,
): Promise<{ articles: number; authors: number; comments: number }> {
  const sql = postgres(databaseUrl(adminUrl, database), { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ articles: number; authors: number; comments: number }[]>`
      select (select count(*)::int from articles) as articles,
             (select count(*)::int from authors) as authors,
             (select count(*)::int from comments) as comments`;
    return row ?? { articles: 0, authors: 0, comments: 0 };
  } finally {
    await sql.end();
  }
}
