// Starting and stopping the servers as child processes: the Node ones on the real Node 24 binary
// (process.execPath: the harness itself runs on the root's `node` devDependency), each with a
// pool of the same size and production settings, each with a clean environment so nothing from
// the developer's shell (REDIS_URL, LOG_LEVEL, ...) changes what is measured; and nginx
// (Debian's package) with a configuration of our own, serving files from a directory.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { once } from "node:events";
import {
  accessSync,
  constants,
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { connect, createServer } from "node:net";
import { fileURLToPath } from "node:url";
import type { ServerName } from "../scenarios/types.ts";

export const benchRoot = fileURLToPath(new URL("../..", import.meta.url));
export const ledeRoot = fileURLToPath(new URL("../../..", import.meta.url));
/** lede's LEDE_DATA_DIR in the bench: its media store is the `media` directory in it. */
export const ledeDataDir = `${benchRoot}.work/lede-data`;

/** How to get nginx, said wherever it is missing. */
export const nginxInstallHint = "install Debian's package: apt-get install -y nginx";

/** The nginx binary (on PATH, or Debian's /usr/sbin/nginx, off a non-root PATH), or null. */
export function findNginx(): string | null {
  const dirs = [...(process.env.PATH ?? "").split(":").filter(Boolean), "/usr/sbin", "/usr/local/sbin"];
  for (const dir of dirs) {
    try {
      accessSync(`${dir}/nginx`, constants.X_OK);
      return `${dir}/nginx`;
    } catch {
      // not here
    }
  }
  return null;
}

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
  // `npm start` runs the server bundle made at install (src/server-bundle.ts): make the snapshot's,
  // so lede is measured as users run it (a snapshot with no bundle would run from its sources).
  mkdirSync(`${ledeSnapshot}scripts`);
  cpSync(`${ledeRoot}scripts/bundle-server.ts`, `${ledeSnapshot}scripts/bundle-server.ts`);
  const bundled = execFileSync(process.execPath, ["scripts/bundle-server.ts"], {
    cwd: ledeSnapshot,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (!bundled.includes("server bundled"))
    throw new Error("the lede snapshot's server bundle was not made (node scripts/bundle-server.ts)");
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

/**
 * The Node flags of lede's `npm start` (its production start, package.json), read from the
 * snapshot: the bench runs lede as its users run it, with no flag of its own.
 */
export function ledeStartFlags(): string[] {
  const manifest = JSON.parse(readFileSync(`${ledeSnapshot}package.json`, "utf8")) as {
    scripts?: { start?: string };
  };
  const words = (manifest.scripts?.start ?? "").trim().split(/\s+/);
  if (
    words[0] !== "node" ||
    words.at(-1) !== "src/server.ts" ||
    words.slice(1, -1).some((w) => !w.startsWith("--"))
  )
    throw new Error(
      `lede's start script is not \`node [--flags] src/server.ts\`: ${manifest.scripts?.start}`,
    );
  return words.slice(1, -1);
}

export interface StartOptions {
  databaseUrl: string;
  poolSize: number;
  /** Where lede writes a V8 CPU profile (`--cpu-prof`), if wanted. */
  cpuProfileDir?: string | undefined;
  /** The directory nginx serves (its `root`). */
  staticRoot?: string | undefined;
  startTimeoutMs?: number;
}

export interface RunningServer {
  name: ServerName;
  /** The process measured: nginx's master, whose worker is its child. */
  pid: number;
  /** The GraphQL endpoint. */
  url: string;
  /** Scheme, host and port, for GETs of paths. */
  origin: string;
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
  /** The binary; Node's by default. */
  command?: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  /** A line the server prints when ready, or "port": ready once the port takes connections. */
  ready: RegExp | "port";
}

/**
 * nginx as a plain static file server, one worker (lede is one process too), in the foreground,
 * everything it writes under `prefix`. Defaults otherwise: a strong ETag from the file's mtime
 * and size, Last-Modified, byte ranges; Cache-Control as lede sends it for a rendition.
 */
function nginxConfig(prefix: string, root: string, port: number): string {
  return `daemon off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log stderr warn;
events { worker_connections 1024; }
http {
  types { image/jpeg jpg; image/png png; image/webp webp; image/avif avif; image/gif gif; }
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  keepalive_requests 1000000;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    location /media/ { add_header Cache-Control "public, max-age=31536000, immutable"; }
  }
}
`;
}

function launchOf(name: ServerName, port: number, options: StartOptions): Launch {
  const base = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? "/tmp" };
  switch (name) {
    case "lede":
    case "lede-cached":
      return {
        args: [
          ...ledeStartFlags(),
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
          LEDE_DATA_DIR: ledeDataDir,
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
    case "nginx": {
      const command = findNginx();
      if (!command) throw new Error(`nginx is not installed: ${nginxInstallHint}`);
      if (!options.staticRoot) throw new Error("nginx needs the directory it serves (staticRoot)");
      const prefix = `${benchRoot}.work/nginx`;
      mkdirSync(prefix, { recursive: true });
      writeFileSync(`${prefix}/nginx.conf`, nginxConfig(prefix, options.staticRoot, port));
      return {
        command,
        // -e: the error log before the configuration is read (Debian's default path is root's).
        args: ["-p", prefix, "-c", `${prefix}/nginx.conf`, "-e", "stderr"],
        cwd: prefix,
        env: { PATH: process.env.PATH ?? "/usr/bin:/bin" },
        ready: "port",
      };
    }
  }
}

/** Resolves once something accepts connections on the port. */
async function portOpen(port: number, child: ChildProcess): Promise<void> {
  while (child.exitCode === null && child.signalCode === null) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function startServer(name: ServerName, options: StartOptions): Promise<RunningServer> {
  const port = await freePort();
  const launch = launchOf(name, port, options);
  const child: ChildProcess = spawn(launch.command ?? process.execPath, launch.args, {
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
        if (launch.ready !== "port" && launch.ready.test(line)) {
          clearTimeout(timer);
          resolve();
        }
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    if (launch.ready === "port") {
      portOpen(port, child).then(() => {
        clearTimeout(timer);
        resolve();
      });
    }
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
    origin: `http://127.0.0.1:${port}`,
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
