// The SQL of the front page and of an article page, as files in review: a change in what these
// pages send to PostgreSQL (a new statement, a join, a column) shows as a diff of
// test/__snapshots__/*.sql. Both drivers must send the same text, so both compare to one file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./setup/app.ts";
import { ArticlePage, busyArticleSlug, FrontPage } from "./setup/pages.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/**
 * Key words that open a clause: each starts a line, so that a diff points at the clause.
 * (`extract(epoch from …)` is a function's argument, not a clause.)
 */
const CLAUSE =
  /(?<!epoch)\s+(?=(?:select|from|where|left join lateral|left join|inner join|join|group by|order by|limit|union all|window)\b)/gi;

/**
 * One statement, stable across drivers and runs: white space folded, each clause on its line,
 * and the parameters' numbers replaced by `$n` (their values are not in the text).
 */
function normaliseSql(text: string): string {
  return text.replace(/\s+/g, " ").trim().replace(CLAUSE, "\n").replace(/\$\d+/g, "$n");
}

const snapshot = (statements: string[]) =>
  `${statements.map((text, i) => `-- statement ${i + 1} of ${statements.length}\n${normaliseSql(text)};`).join("\n\n")}\n`;

describe("the SQL of the pages", () => {
  it("front page (20 articles, their authors, tags, counts and first comments)", async () => {
    const { result, statements } = await t.countStatements(() => t.execute(FrontPage, { first: 20 }));
    expect(result.errors).toBeUndefined();
    await expect(snapshot(statements)).toMatchFileSnapshot("__snapshots__/front-page.sql");
  });

  it("article page (body, quotes, sources, 20 comments with two levels of replies)", async () => {
    const { result, statements } = await t.countStatements(() =>
      t.execute(ArticlePage, { slug: busyArticleSlug }),
    );
    expect(result.errors).toBeUndefined();
    await expect(snapshot(statements)).toMatchFileSnapshot("__snapshots__/article-page.sql");
  });

  it("normalises white space and parameter numbers only", () => {
    expect(normaliseSql('select  "id"\n  from "articles" where "slug" = $12 limit $3')).toBe(
      'select "id"\nfrom "articles"\nwhere "slug" = $n\nlimit $n',
    );
  });
});
