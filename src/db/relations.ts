// Relations for drizzle's relational queries, which read an article with its parts in one
// statement (JSON aggregated by PostgreSQL, mapped back to typed rows by drizzle).
import { defineRelations } from "drizzle-orm";
import * as schema from "./schema.ts";

export const relations = defineRelations(schema, (r) => ({
  articles: {
    bylines: r.many.articleAuthors({ from: r.articles.id, to: r.articleAuthors.articleId }),
    tagLinks: r.many.articleTags({ from: r.articles.id, to: r.articleTags.articleId }),
    quotes: r.many.quotes({ from: r.articles.id, to: r.quotes.articleId }),
    sources: r.many.sources({ from: r.articles.id, to: r.sources.articleId }),
  },
  articleAuthors: {
    author: r.one.authors({ from: r.articleAuthors.authorId, to: r.authors.id, optional: false }),
  },
  articleTags: {
    tag: r.one.tags({ from: r.articleTags.tagId, to: r.tags.id, optional: false }),
  },
}));
