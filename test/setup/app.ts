// Each test file gets its own database, cloned from the template that global.ts built, and an app
// driven through `app.fetch` with no socket. Statements are counted at the driver.

import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { type ExecutionResult, print } from "graphql";
import postgres from "postgres";
import { inject } from "vitest";
import { type App, type AppOptions, createApp } from "../../src/app.ts";
import { defaults } from "../../src/config.ts";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.ts";
import { FileMediaStore } from "../../src/modules/media/media.store.ts";
import { cloneDatabaseName, databaseUrl } from "./names.ts";

export const driver = process.env.LEDE_TEST_DRIVER === "postgres" ? "postgres" : "pglite";

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
}

export interface TestApp {
  app: App;
  handle: DatabaseHandle;
  db: DatabaseHandle["db"];
  /** Runs a typed operation over HTTP (POST /graphql) and returns the parsed result. */
  execute<R, V>(
    document: TypedDocumentNode<R, V>,
    variables?: V,
    options?: RequestOptions,
  ): Promise<ExecutionResult<R>>;
  /** Runs `work` and returns its result with the SQL statements the driver sent meanwhile. */
  countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }>;
  close(): Promise<void>;
}

async function cloneDatabase(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  if (driver === "pglite") {
    const dump = new Blob([readFileSync(inject("pgliteTemplate"))]);
    return { handle: await openDatabase({ pgliteDump: dump }), drop: async () => {} };
  }
  const serverUrl = process.env.TEST_DATABASE_URL as string;
  const name = cloneDatabaseName(serverUrl, `${process.pid}_${Math.random().toString(36).slice(2, 8)}`);
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  // Concurrent clones of one template can collide for a moment; try again briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.unsafe(`create database "${name}" template "${inject("postgresTemplate")}"`);
      break;
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
  const handle = await openDatabase({ url: databaseUrl(serverUrl, name), poolSize: 5 });
  return {
    handle,
    drop: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/** A test app on its own cloned database; `options` are createApp's, less the database. */
export async function createTestApp(options: Omit<AppOptions, "db"> = {}): Promise<TestApp> {
  const { handle, drop } = await cloneDatabase();
  // A media directory of its own, holding the demo covers like a seeded install.
  const mediaDir = mkdtempSync(join(tmpdir(), "lede-media-"));
  cpSync(inject("mediaTemplate"), mediaDir, { recursive: true });
  // Production settings, but for two that would get in the way of testing behaviour: the response
  // cache (tests read right after they write, often straight through the database) and the cost
  // limit (tests read whole threads in one query). test/cache.test.ts and test/limits.test.ts
  // cover those two with their real defaults.
  const app = createApp({
    ...options,
    graphql: {
      responseCache: { enabled: false, ttlMs: 0 },
      limits: { ...defaults.graphql.limits, maxCost: Number.MAX_SAFE_INTEGER },
      ...options.graphql,
    },
    mediaStore: options.mediaStore ?? new FileMediaStore(mediaDir),
    db: handle.db,
  });
  const execute: TestApp["execute"] = async (document, variables, requestOptions = {}) => {
    const response = await app.fetch("http://lede.test/graphql", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json",
        ...(requestOptions.token && { authorization: `Bearer ${requestOptions.token}` }),
        ...requestOptions.headers,
      },
      body: JSON.stringify({ query: print(document), variables: variables ?? {} }),
    });
    return (await response.json()) as ExecutionResult<never>;
  };
  return {
    app,
    handle,
    db: handle.db,
    execute,
    async countStatements(work) {
      const statements: string[] = [];
      const stop = handle.onStatement((text) => statements.push(text));
      try {
        return { result: await work(), statements };
      } finally {
        stop();
      }
    },
    async close() {
      await handle.close();
      await drop();
      rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}

/** `app` on a real port of the loopback, for tests that need a socket (a browser, raw HTTP). */
export async function listenOnLoopback(
  app: App,
): Promise<{ server: Server; base: string; close: () => Promise<void> }> {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    server,
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
