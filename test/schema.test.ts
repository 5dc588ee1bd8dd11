import { readFileSync } from "node:fs";
import { buildSchema, lexicographicSortSchema, parse, printSchema, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { printedSchema, schemaPath } from "../src/graphql/print-schema.ts";

describe("schema.graphql", () => {
  it("is what the code defines (run `npm run schema:print` after changing a type)", () => {
    expect(readFileSync(schemaPath, "utf8")).toBe(printedSchema());
  });

  it("is sorted, so that diffs show only real changes", () => {
    const committed = readFileSync(schemaPath, "utf8");
    expect(`${printSchema(lexicographicSortSchema(buildSchema(committed)))}\n`).toBe(committed);
  });

  it("keeps the public contract of API.md", () => {
    const schema = buildSchema(readFileSync(schemaPath, "utf8"));
    const query = schema.getQueryType()?.getFields() ?? {};
    for (const field of [
      "node",
      "nodes",
      "article",
      "articles",
      "author",
      "authors",
      "tag",
      "tags",
      "quotes",
      "viewer",
    ]) {
      expect(query[field], field).toBeDefined();
    }
    const article = schema.getType("Article") as import("graphql").GraphQLObjectType;
    for (const field of [
      "slug",
      "language",
      "title",
      "lede",
      "body",
      "bodyHtml",
      "status",
      "publishedAt",
      "updatedAt",
      "readingTimeMinutes",
      "author",
      "authors",
      "tags",
      "quotes",
      "sources",
      "comments",
      "commentCount",
      "commentsOpen",
    ]) {
      expect(article.getFields()[field], field).toBeDefined();
    }
    for (const connection of [
      "ArticleConnection",
      "AuthorConnection",
      "CommentConnection",
      "QuoteConnection",
    ]) {
      const fields = (schema.getType(connection) as import("graphql").GraphQLObjectType).getFields();
      expect(Object.keys(fields).sort()).toEqual(["edges", "nodes", "pageInfo", "totalCount"]);
    }
  });

  it("accepts every GraphQL example of the README", () => {
    const schema = buildSchema(readFileSync(schemaPath, "utf8"));
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1] as string);
    expect(examples.length).toBeGreaterThan(4);
    for (const example of examples)
      expect(validate(schema, parse(example)).map((e) => e.message)).toEqual([]);
  });
});
