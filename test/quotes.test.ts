import { decodeGlobalID } from "@pothos/plugin-relay";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { quotes } from "../src/db/schema.ts";
import type { TestApp } from "./setup/app.ts";
import { AddQuote, as, errorCode, RemoveQuote, UpdateQuote, useEditorialApp } from "./setup/editorial.ts";

const app = useEditorialApp();
const { create, rowOf, revisionRows } = app;
let t: TestApp;
let editor: string;
let priya: string;
let daniel: string;
beforeAll(() => {
  ({ t, editor, priya, daniel } = app);
});

describe("quotes", () => {
  const quoteTexts = async (articleId: string) =>
    (
      await t.db
        .select({ text: quotes.text, position: quotes.position })
        .from(quotes)
        .where(eq(quotes.articleId, decodeGlobalID(articleId).id))
        .orderBy(quotes.position)
    ).map((q) => `${q.position}:${q.text}`);

  const add = async (articleId: string, text: string, position?: number, token = editor) =>
    as(
      (
        await t.execute(
          AddQuote,
          { input: { articleId, text, speaker: "Inès Marchetti", position } },
          { token },
        )
      ).data?.addQuote,
      "QuoteMutationSuccess",
    );

  it("appends, inserts, moves and removes, keeping positions 0..n-1 in order", async () => {
    const article = await create();
    await add(article.id, "B");
    await add(article.id, "D");
    const first = await add(article.id, "A", 0);
    expect(first.article.quotes.map((q) => q.text)).toEqual(["A", "B", "D"]);
    const c = await add(article.id, "C", 2);
    expect(await quoteTexts(article.id)).toEqual(["0:A", "1:B", "2:C", "3:D"]);

    const moved = await t.execute(
      UpdateQuote,
      { input: { quoteId: first.quote.id, position: 3 } },
      { token: editor },
    );
    expect(as(moved.data?.updateQuote, "QuoteMutationSuccess").article.quotes.map((q) => q.text)).toEqual([
      "B",
      "C",
      "D",
      "A",
    ]);
    await t.execute(UpdateQuote, { input: { quoteId: first.quote.id, position: 1 } }, { token: editor });
    expect(await quoteTexts(article.id)).toEqual(["0:B", "1:A", "2:C", "3:D"]);

    const removed = await t.execute(RemoveQuote, { input: { quoteId: c.quote.id } }, { token: editor });
    expect(as(removed.data?.removeQuote, "ArticleMutationSuccess").article.quotes.map((q) => q.text)).toEqual(
      ["B", "A", "D"],
    );
    expect(await quoteTexts(article.id)).toEqual(["0:B", "1:A", "2:D"]);
    const revisions = await revisionRows(article.id);
    expect(revisions.at(-1)?.changedFields).toEqual(["quotes"]);
    expect((await rowOf(article.id)).version).toBe(revisions.length);
  });

  it("updates the words, speaker and role of a quote", async () => {
    const article = await create();
    const { quote } = await add(article.id, "Old words");
    const result = await t.execute(
      UpdateQuote,
      {
        input: {
          quoteId: quote.id,
          text: "New words",
          speaker: "Jiang Wei",
          speakerRole: "VP international de Xiaomi",
        },
      },
      { token: editor },
    );
    expect(as(result.data?.updateQuote, "QuoteMutationSuccess").quote).toEqual({
      text: "New words",
      speaker: "Jiang Wei",
      speakerRole: "VP international de Xiaomi",
    });
  });

  it("refuses a position out of range, an empty speaker, and someone else's draft", async () => {
    const article = await create({ authorSlugs: ["priya-nair"] }, priya);
    await add(article.id, "Only one", undefined, priya);
    const far = await t.execute(
      AddQuote,
      { input: { articleId: article.id, text: "Far", speaker: "X", position: 5 } },
      { token: priya },
    );
    expect(as(far.data?.addQuote, "ValidationError").issues).toEqual([
      { field: "input.position", message: "position must be between 0 and 1" },
    ]);
    const empty = await t.execute(
      AddQuote,
      { input: { articleId: article.id, text: "Hm", speaker: " " } },
      { token: priya },
    );
    expect(as(empty.data?.addQuote, "ValidationError").issues[0]?.field).toBe("input.speaker");
    const stranger = await t.execute(
      AddQuote,
      { input: { articleId: article.id, text: "Not mine", speaker: "X" } },
      { token: daniel },
    );
    expect(errorCode(stranger)).toBe("FORBIDDEN");
    expect(await quoteTexts(article.id)).toEqual(["0:Only one"]);
  });
});
