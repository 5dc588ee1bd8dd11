import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { openDatabase } from "../src/db/client.ts";
import { revokeToken } from "../src/modules/staff/staff.repo.ts";
import { graphql } from "./generated/gql.ts";
import { createTestApp, driver, type TestApp } from "./setup/app.ts";
import { runCli } from "./setup/cli.ts";
import { staffToken } from "./setup/factories.ts";

const Viewer = graphql(`
  query Viewer {
    viewer { id name role }
  }
`);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function post(body: unknown, headers: Record<string, string> = {}) {
  return t.app.fetch("http://lede.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

describe("signing in with a staff token", () => {
  it("answers viewer: null to an anonymous request", async () => {
    const { data, errors } = await t.execute(Viewer);
    expect(errors).toBeUndefined();
    expect(data?.viewer).toBeNull();
  });

  it("resolves the viewer from Authorization: Bearer", async () => {
    const token = await staffToken(t, "author");
    const { data } = await t.execute(Viewer, undefined, { token });
    expect(data?.viewer).toMatchObject({ role: "AUTHOR" });
    expect(data?.viewer?.name).toMatch(/^Test author/);
  });

  it.each([
    ["an unknown token", "Bearer lede_not-a-real-token"],
    ["a malformed header", "Basic dXNlcjpwYXNz"],
    ["a bearer with no token", "Bearer "],
  ])("rejects %s with 401 and UNAUTHENTICATED", async (_label, authorization) => {
    const response = await post({ query: "{ viewer { name } }" }, { authorization });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const body = (await response.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });

  it("rejects a revoked token", async () => {
    const token = await staffToken(t, "editor");
    expect((await t.execute(Viewer, undefined, { token })).data?.viewer?.role).toBe("EDITOR");
    expect(await revokeToken(t.db, token, new Date())).toBe(true);
    const response = await post({ query: "{ viewer { name } }" }, { authorization: `Bearer ${token}` });
    expect(response.status).toBe(401);
  });

  it("stores only a hash of each token", async () => {
    const token = await staffToken(t, "admin");
    const rows = await t.db.query.staffTokens.findMany();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain(token.slice(5, 25));
  });
});

describe("npm run lede -- token create", () => {
  // The CLI works on its own database: a fresh PGlite directory, or this file's PostgreSQL clone.
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), "lede-cli-"));
    env =
      driver === "postgres"
        ? { DATABASE_URL: t.handle.url as string, LEDE_DATA_DIR: dataDir }
        : { LEDE_DATA_DIR: dataDir };
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("prints the new token and nothing else, and the token signs in", async () => {
    const result = await runCli(["token", "create", "--role", "editor", "--name", "Ada Lovelace"], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^lede_[A-Za-z0-9_-]{43}\n$/);
    const token = result.stdout.trim();

    const handle = driver === "postgres" ? t.handle : await openDatabase({ dataDir });
    try {
      const response = await createApp({ db: handle.db }).fetch("http://lede.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: "{ viewer { name role } }" }),
      });
      expect(await response.json()).toEqual({ data: { viewer: { name: "Ada Lovelace", role: "EDITOR" } } });
    } finally {
      if (handle !== t.handle) await handle.close();
    }
  });

  it("refuses an unknown role with a clear message and no token", async () => {
    const result = await runCli(["token", "create", "--role", "owner", "--name", "X"], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("--role must be one of admin, editor, author");
  });

  it("refuses to seed a database that has content", async () => {
    const result = await runCli(["seed"], driver === "postgres" ? env : { LEDE_DATA_DIR: dataDir });
    if (driver === "postgres") {
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("already has content");
    } else {
      // The PGlite directory of the CLI tests holds only staff so far: seeding it works once...
      expect(result.code).toBe(0);
      const again = await runCli(["seed"], { LEDE_DATA_DIR: dataDir });
      expect(again.code).toBe(1);
      expect(again.stderr).toContain("already has content");
    }
  });
});
