// The web tests' world: lede started as an operator would (its own process, a fresh embedded
// database with the demo content, PERSISTED_DOCUMENTS_ONLY=true on the site's manifest), the built
// site in front of it, and Chromium. Nothing is mocked.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const WEB_DIR = new URL("..", import.meta.url).pathname;
export const ROOT_DIR = new URL("../..", import.meta.url).pathname;
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const RESULTS_DIR = join(WEB_DIR, "test-results");

/** Operations the tests send as staff; added to the test's manifest beside the site's own. */
export const staffDocuments = {
  moderationQueue: /* GraphQL */ `
    query TestModerationQueue($articleId: ID!) {
      moderationQueue(articleId: $articleId, first: 50) { nodes { id body status } }
    }`,
  approve: /* GraphQL */ `
    mutation TestApprove($commentId: ID!) {
      moderateComment(input: { commentId: $commentId, action: APPROVE }) { __typename }
    }`,
  // Not in any manifest: lede must refuse it.
  notPersisted: /* GraphQL */ `query TestNotPersisted { tags { slug } }`,
};

const documentKey = (text: string) => `sha256:${createHash("sha256").update(text).digest("hex")}`;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess, output: () => string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${url}: the process exited (${child.exitCode})\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms\n${output()}`);
}

function start(command: string, args: string[], cwd: string, env: Record<string, string>) {
  const child = spawn(command, args, {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output = (output + chunk).slice(-20_000);
  });
  child.stderr?.on("data", (chunk) => {
    output = (output + chunk).slice(-20_000);
  });
  return { child, output: () => output };
}

export interface World {
  lede: string;
  site: string;
  staffToken: string;
  mailDir: string;
  /** Runs a staff document (one of `staffDocuments`) by its hash, as a persisted document. */
  staff<T>(text: string, variables: Record<string, unknown>): Promise<T>;
  /** Sends a document's text, as a client without persisted documents would. */
  sendText(text: string): Promise<Response>;
  stop(): Promise<void>;
}

export async function startWorld(): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), "lede-web-test-"));
  const dataDir = join(dir, "data");
  const mailDir = join(dir, "mail");
  mkdirSync(mailDir);
  const node = join(ROOT_DIR, "node_modules/.bin/node");

  // The site's manifest, as `npm run build` wrote it, plus the tests' staff operations.
  const manifest = JSON.parse(readFileSync(join(WEB_DIR, "src/gql/persisted-documents.json"), "utf8"));
  for (const text of [staffDocuments.moderationQueue, staffDocuments.approve])
    manifest[documentKey(text)] = text;
  const manifestPath = join(dir, "persisted-documents.json");
  writeFileSync(manifestPath, JSON.stringify(manifest));

  const [ledePort, sitePort] = [await freePort(), await freePort()];
  const lede = `http://127.0.0.1:${ledePort}`;
  const site = `http://127.0.0.1:${sitePort}`;
  const server = serverDatabase();
  const ledeEnv: Record<string, string> = {
    LEDE_DATA_DIR: dataDir,
    LEDE_MAIL_DIR: mailDir,
    LOG_LEVEL: "warn",
    ...(server ? { DATABASE_URL: server.url } : {}),
    ...(process.env.TEST_REDIS_URL ? { REDIS_URL: process.env.TEST_REDIS_URL } : {}),
  };
  // With the embedded database, the CLI runs before the server (it migrates the empty database).
  const staffToken = execFileSync(
    node,
    ["src/cli.ts", "token", "create", "--role", "editor", "--name", "Web tests"],
    {
      cwd: ROOT_DIR,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...ledeEnv },
      encoding: "utf8",
    },
  ).trim();

  const ledeProcess = start(node, ["src/server.ts"], ROOT_DIR, {
    ...ledeEnv,
    PORT: String(ledePort),
    HOST: "127.0.0.1",
    PUBLIC_URL: lede,
    PERSISTED_DOCUMENTS: manifestPath,
    PERSISTED_DOCUMENTS_ONLY: "true",
    // The tests' browser sends X-Forwarded-For as a CDN in front of the site would; the site
    // appends the address it saw: two proxies, so lede counts each test reader on its own.
    TRUST_PROXY: "2",
    // Long enough that a reader's second comment meets the flood limit however slow the machine.
    COMMENT_FLOOD_SECONDS: "60",
    NEWSLETTER_ARTICLE_URL: `${site}/articles/{slug}`,
    SITE_URL: site,
  });
  await waitForHttp(`${lede}/ready`, ledeProcess.child, ledeProcess.output);
  const siteProcess = start(node, ["dist/server/entry.mjs"], WEB_DIR, {
    LEDE_URL: lede,
    PORT: String(sitePort),
    HOST: "127.0.0.1",
  });
  await waitForHttp(`${site}/newsletter/thanks`, siteProcess.child, siteProcess.output);

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${lede}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...headers },
      body: JSON.stringify(body),
    });

  return {
    lede,
    site,
    staffToken,
    mailDir,
    async staff<T>(text: string, variables: Record<string, unknown>) {
      const response = await post(
        { documentId: documentKey(text), variables },
        { authorization: `Bearer ${staffToken}` },
      );
      const body = (await response.json()) as { data?: T; errors?: unknown };
      if (!body.data || body.errors) throw new Error(`staff operation failed: ${JSON.stringify(body)}`);
      return body.data;
    },
    sendText: (text) => post({ query: text }),
    async stop() {
      for (const { child } of [siteProcess, ledeProcess]) {
        if (child.exitCode !== null) continue;
        const exited = new Promise((resolve) => child.once("close", resolve));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      }
      rmSync(dir, { recursive: true, force: true });
      server?.drop();
    },
  };
}

/**
 * With TEST_DATABASE_URL (a PostgreSQL server, as lede's own suite takes it), lede runs on a new
 * database of that server, dropped at the end; with TEST_REDIS_URL, on that Redis too, emptied
 * first: its response cache must not answer with another run's rows. Otherwise embedded PGlite.
 */
function serverDatabase(): { url: string; drop(): void } | null {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return null;
  const name = `lede_web_test_${process.pid}`;
  const psql = (sql: string) =>
    execFileSync("psql", [base, "-v", "ON_ERROR_STOP=1", "-qc", sql], { stdio: "pipe" });
  psql(`drop database if exists ${name} with (force)`);
  psql(`create database ${name}`);
  if (process.env.TEST_REDIS_URL)
    execFileSync("redis-cli", ["-u", process.env.TEST_REDIS_URL, "flushdb"], { stdio: "pipe" });
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => psql(`drop database if exists ${name} with (force)`) };
}

/** The text of an .eml's quoted-printable parts, decoded. */
export function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
