import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMBEDDED_SHARED_BUFFERS, openDatabase } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { articles } from "../src/db/schema.ts";
import { seedArticles } from "../src/db/seed-content.ts";
import { stableUuid } from "../src/db/stable-uuid.ts";
import { createTestApp, driver, type TestApp } from "./setup/app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("the database", () => {
  it("applies migrations idempotently", async () => {
    await migrateDatabase(t.handle);
    await migrateDatabase(t.handle);
    const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(sql`articles`);
    expect(row?.n).toBe(seedArticles.length);
  });

  // A start on an up-to-date embedded database: one query instead of the migrator's catalog checks.
  it.skipIf(driver !== "pglite")(
    "checks an up-to-date embedded database with one statement, and migrates one that lacks a migration",
    async () => {
      const sent: string[] = [];
      const stop = t.handle.onStatement((text) => sent.push(text));
      try {
        await migrateDatabase(t.handle);
        expect(sent).toEqual(["select name from drizzle.__drizzle_migrations"]);
        // The newest migration unrecorded: drizzle's migrator runs (and finds its work done or fails on it).
        await t.db.execute(sql`
          update drizzle.__drizzle_migrations set name = name || '-unrecorded'
          where id = (select max(id) from drizzle.__drizzle_migrations)`);
        sent.length = 0;
        await migrateDatabase(t.handle).catch(() => {});
        expect(sent.length).toBeGreaterThan(1);
        expect(sent).toContain('CREATE SCHEMA IF NOT EXISTS "drizzle"');
      } finally {
        stop();
      }
    },
  );

  // Zeroing PostgreSQL's default 128 MB at every start was 0.35 s of opening the embedded database.
  it.skipIf(driver !== "pglite")("opens embedded PGlite with small shared buffers", async () => {
    const rows = await t.db.execute(sql`select current_setting('shared_buffers') as shared_buffers`);
    const [row] = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as {
      shared_buffers: string;
    }[];
    expect(row?.shared_buffers).toBe(EMBEDDED_SHARED_BUFFERS);
  });

  it("seeds deterministic ids, so global ids are the same on every install", async () => {
    const slug = seedArticles[0]?.slug as string;
    const [row] = await t.db.query.articles.findMany({ where: { slug }, columns: { id: true } });
    expect(row?.id).toBe(stableUuid(`article:${slug}`));
  });

  // PGlite runs statements on the caller's thread and cannot interrupt one: the timeout is a
  // server feature.
  it.skipIf(driver !== "postgres")("cancels a statement that runs past the statement timeout", async () => {
    const handle = await openDatabase({ url: t.handle.url, statementTimeoutMs: 200, poolSize: 1 });
    try {
      await expect(handle.db.execute(sql`select pg_sleep(2)`)).rejects.toThrow();
      // and the connection is still usable afterwards
      expect(await handle.db.execute(sql`select 1 as one`)).toBeTruthy();
    } finally {
      await handle.close();
    }
  });
});

describe.skipIf(driver !== "postgres")("statements sent to PostgreSQL", () => {
  it("prepare plain reads once per connection, and leave writes unnamed", async () => {
    const handle = await openDatabase({ url: t.handle.url, poolSize: 1 });
    const prepared = async () => {
      const rows = await handle.db.execute<{ statement: string }>(
        sql`select statement from pg_prepared_statements where not from_sql`,
      );
      return [...rows].map((row) => row.statement);
    };
    try {
      const slug = seedArticles[0]?.slug as string;
      for (let i = 0; i < 3; i++) {
        const [row] = await handle.db
          .select({ id: articles.id })
          .from(articles)
          .where(eq(articles.slug, slug));
        expect(row?.id).toBe(stableUuid(`article:${slug}`));
      }
      await handle.db
        .update(articles)
        .set({ version: sql`${articles.version}` })
        .where(eq(articles.slug, slug));
      const statements = await prepared();
      // The read, once for its three runs (and the listing's own read); not the update.
      expect(statements.filter((text) => /^select "id" from "articles"/.test(text))).toHaveLength(1);
      expect(statements.filter((text) => /^update/.test(text))).toHaveLength(0);
    } finally {
      await handle.close();
    }
  });
});

// The busy pool (a request that cannot get a connection in time) is pinned in faults.test.ts.

describe.skipIf(driver !== "postgres")("a read replica (READ_DATABASE_URL)", () => {
  it("serves queries, while mutations and what they read stay on the primary", async () => {
    // The clone stands in for both: what matters is which connection each statement takes.
    const handle = await openDatabase({ url: t.handle.url, readUrl: t.handle.url });
    const { createApp } = await import("../src/app.ts");
    const app = createApp({
      db: handle.db,
      readDb: handle.readDb,
      graphql: { responseCache: { enabled: false, ttlMs: 0 } },
    });
    const sources: string[] = [];
    const stop = handle.onStatement((_text, source) => sources.push(source));
    const post = (query: string) =>
      app.fetch("http://lede.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      });
    try {
      await post("{ articles(first: 3) { totalCount nodes { slug author { name } commentCount } } }");
      expect(sources.length).toBe(2); // the page with its parts, and the count
      expect(new Set(sources)).toEqual(new Set(["replica"]));
      sources.length = 0;
      await post(
        'mutation { subscribeToNewsletter(input: { email: "replica@example.org", topics: [], language: EN, consent: true }) { __typename } }',
      );
      expect(sources.length).toBeGreaterThan(0);
      expect(new Set(sources)).toEqual(new Set(["primary"]));
    } finally {
      stop();
      await handle.close();
    }
  });

  it("needs the primary's URL too", async () => {
    const { loadConfig } = await import("../src/config.ts");
    expect(() => loadConfig({ READ_DATABASE_URL: "postgres://replica/lede" })).toThrow(/READ_DATABASE_URL/);
  });
});
