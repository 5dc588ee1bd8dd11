// The public comment count is a column (articles.visible_comment_count) kept by triggers on
// comments. Whatever writes comments (posting, moderation, deletion, a bulk import), the column
// must equal a count made afresh with the public rule: approved, and every comment above approved.
import { readFileSync } from "node:fs";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articles, comments } from "../src/db/schema.ts";
import { createTestApp, type TestApp } from "./setup/app.ts";

let t: TestApp;
let first: string;
let second: string;

beforeAll(async () => {
  t = await createTestApp();
  const published = await t.db
    .select({ id: articles.id })
    .from(articles)
    .where(eq(articles.status, "published"))
    .orderBy(articles.id)
    .limit(2);
  [first, second] = published.map((row) => row.id) as [string, string];
});

afterAll(() => t.close());

/** The column and a count made afresh with the rule, for `articleId`. */
async function counts(articleId: string): Promise<{ kept: number; counted: number }> {
  const rows = await t.db.execute<{ kept: number; counted: number }>(sql`
    select a.visible_comment_count as kept, (
      select count(*)::int from comments c
      where c.article_id = a.id and c.status = 'approved'
        and not exists (select 1 from comments p where p.id = any(c.ancestor_ids) and p.status <> 'approved')
    ) as counted
    from articles a where a.id = ${articleId}`);
  const row = (rows as unknown as { rows?: unknown[] }).rows?.[0] ?? (rows as unknown as unknown[])[0];
  const { kept, counted } = row as { kept: number; counted: number };
  return { kept: Number(kept), counted: Number(counted) };
}

/** Asserts the column is exact, and returns it. */
async function keptCount(articleId: string): Promise<number> {
  const { kept, counted } = await counts(articleId);
  expect(kept).toBe(counted);
  return kept;
}

let serial = 0;
async function insertComment(
  articleId: string,
  status: "approved" | "pending" | "spam" | "trash",
  parent?: { id: string; ancestorIds: string[] },
): Promise<{ id: string; ancestorIds: string[] }> {
  serial += 1;
  const [row] = await t.db
    .insert(comments)
    .values({
      articleId,
      parentId: parent?.id ?? null,
      ancestorIds: parent ? [...parent.ancestorIds, parent.id] : [],
      authorName: `Counter ${serial}`,
      authorEmail: `counter-${serial}@example.org`,
      body: `Comment number ${serial}.`,
      status,
    })
    .returning({ id: comments.id, ancestorIds: comments.ancestorIds });
  if (!row) throw new Error("no comment inserted");
  return row;
}

const setStatus = (id: string, status: "approved" | "pending" | "spam" | "trash") =>
  t.db.update(comments).set({ status }).where(eq(comments.id, id));

describe("articles.visible_comment_count", () => {
  it("starts exact on the seeded articles", async () => {
    const all = await t.db.select({ id: articles.id }).from(articles);
    for (const { id } of all) await keptCount(id);
  });

  it("counts an approved comment when posted and a pending one only once approved", async () => {
    const before = await keptCount(first);
    const pending = await insertComment(first, "pending");
    expect(await keptCount(first)).toBe(before);
    await insertComment(first, "approved");
    expect(await keptCount(first)).toBe(before + 1);
    await setStatus(pending.id, "approved");
    expect(await keptCount(first)).toBe(before + 2);
  });

  it("hides a thread when its parent is rejected or marked spam, and shows it again when restored", async () => {
    const parent = await insertComment(first, "approved");
    const reply = await insertComment(first, "approved", parent);
    await insertComment(first, "approved", reply);
    await insertComment(first, "pending", reply);
    const shown = await keptCount(first);

    await setStatus(parent.id, "spam");
    expect(await keptCount(first)).toBe(shown - 3);
    await setStatus(parent.id, "approved");
    expect(await keptCount(first)).toBe(shown);
    await setStatus(reply.id, "trash");
    expect(await keptCount(first)).toBe(shown - 2);
    await setStatus(reply.id, "approved");
    expect(await keptCount(first)).toBe(shown);
  });

  it("does not change on an edit, and drops a deleted comment with the replies it takes along", async () => {
    const parent = await insertComment(first, "approved");
    await insertComment(first, "approved", parent);
    const shown = await keptCount(first);
    await t.db.update(comments).set({ body: "Edited." }).where(eq(comments.id, parent.id));
    expect(await keptCount(first)).toBe(shown);
    // The reply goes with its parent (on delete cascade), in a statement of its own.
    await t.db.delete(comments).where(eq(comments.id, parent.id));
    expect(await keptCount(first)).toBe(shown - 2);
  });

  it("keeps every article a statement touches exact: bulk inserts, updates and moves", async () => {
    const [a, b] = [await keptCount(first), await keptCount(second)];
    const rows = await t.db
      .insert(comments)
      .values(
        [first, second, second].map((articleId, i) => ({
          articleId,
          authorName: `Bulk ${i}`,
          authorEmail: `bulk-${i}@example.org`,
          body: `Imported comment ${i}.`,
          status: "approved" as const,
        })),
      )
      .returning({ id: comments.id });
    expect([await keptCount(first), await keptCount(second)]).toEqual([a + 1, b + 2]);

    const ids = rows.map((row) => row.id);
    await t.db.update(comments).set({ status: "pending" }).where(inArray(comments.id, ids));
    expect([await keptCount(first), await keptCount(second)]).toEqual([a, b]);

    await t.db
      .update(comments)
      .set({ status: "approved", articleId: second })
      .where(inArray(comments.id, ids));
    expect([await keptCount(first), await keptCount(second)]).toEqual([a, b + 3]);
  });

  it("stays exact when two transactions comment on one article at once", async () => {
    const before = await keptCount(second);
    // The first writer holds its transaction open after its trigger ran; the second, started
    // meanwhile, must wait for it and count its comment (on PGlite they simply run in turn).
    const writer = (name: string, hold: number) =>
      t.db.transaction(async (tx) => {
        await tx.insert(comments).values({
          articleId: second,
          authorName: name,
          authorEmail: `${name}@example.org`,
          body: `${name} was here.`,
          status: "approved",
        });
        await tx.execute(sql`select pg_sleep(${hold})`);
      });
    await Promise.all([
      writer("early", 0.4),
      new Promise((r) => setTimeout(r, 100)).then(() => writer("late", 0)),
    ]);
    expect(await keptCount(second)).toBe(before + 2);
  });

  it("is backfilled by its migration from the comments already there", async () => {
    const migration = readFileSync(
      new URL("../drizzle/20261201045907_visible_comment_count/migration.sql", import.meta.url),
      "utf8",
    );
    const backfill = migration.split("--> statement-breakpoint").at(-1)?.trim();
    expect(backfill).toMatch(/^-- Existing comments[\s\S]*SELECT lede_count_visible_comments/);
    const all = await t.db.select({ id: articles.id }).from(articles);
    const expected = await Promise.all(all.map(({ id }) => keptCount(id)));
    expect(expected.some((n) => n > 0)).toBe(true);

    // As the column was when the migration added it; the triggers cannot be the ones counting.
    await t.db.execute(sql`alter table comments disable trigger user`);
    try {
      await t.db.update(articles).set({ visibleCommentCount: 0 });
      await t.db.execute(sql.raw(backfill ?? ""));
    } finally {
      await t.db.execute(sql`alter table comments enable trigger user`);
    }
    expect(await Promise.all(all.map(({ id }) => keptCount(id)))).toEqual(expected);
  });
});
