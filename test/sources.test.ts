import { decodeGlobalID, encodeGlobalID } from "@pothos/plugin-relay";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { sources } from "../src/db/schema.ts";
import type { TestApp } from "./setup/app.ts";
import { AddSource, as, RemoveSource, useEditorialApp } from "./setup/editorial.ts";

const app = useEditorialApp();
const { create, revisionRows } = app;
let t: TestApp;
let editor: string;
beforeAll(() => {
  ({ t, editor } = app);
});

describe("sources", () => {
  it("adds at the end or at a position, removes and closes the gap", async () => {
    const article = await create();
    const addSource = async (title: string, position?: number) =>
      as(
        (
          await t.execute(
            AddSource,
            {
              input: {
                articleId: article.id,
                title,
                url: `https://example.com/${title}`,
                publisher: "Ex",
                position,
              },
            },
            { token: editor },
          )
        ).data?.addSource,
        "SourceMutationSuccess",
      );
    await addSource("second");
    const first = await addSource("first", 0);
    expect(first.article.sources.map((s) => s.title)).toEqual(["first", "second"]);
    await addSource("third");
    const removed = await t.execute(
      RemoveSource,
      { input: { sourceId: first.source.id } },
      { token: editor },
    );
    expect(
      as(removed.data?.removeSource, "ArticleMutationSuccess").article.sources.map((s) => s.title),
    ).toEqual(["second", "third"]);
    const rows = await t.db
      .select({ title: sources.title, position: sources.position })
      .from(sources)
      .where(eq(sources.articleId, decodeGlobalID(article.id).id))
      .orderBy(sources.position);
    expect(rows).toEqual([
      { title: "second", position: 0 },
      { title: "third", position: 1 },
    ]);
    expect((await revisionRows(article.id)).at(-1)?.changedFields).toEqual(["sources"]);
  });

  it("refuses a URL that is not http(s) and a missing title", async () => {
    const article = await create();
    const result = await t.execute(
      AddSource,
      { input: { articleId: article.id, title: "", url: "javascript:alert(1)" } },
      { token: editor },
    );
    expect(
      as(result.data?.addSource, "ValidationError")
        .issues.map((i) => i.field)
        .sort(),
    ).toEqual(["input.title", "input.url"]);
    expect(await t.db.$count(sources, eq(sources.articleId, decodeGlobalID(article.id).id))).toBe(0);
  });

  it("answers NotFound for an unknown source", async () => {
    const result = await t.execute(
      RemoveSource,
      { input: { sourceId: encodeGlobalID("Source", "00000000-0000-4000-8000-000000000000") } },
      { token: editor },
    );
    as(result.data?.removeSource, "NotFound");
  });
});
