// What "public" means for an article, in SQL: every module that reads articles for readers (lists,
// quotes, search, the digest) uses this one condition.
import { and, eq, isNull } from "drizzle-orm";
import { articles } from "./schema.ts";

/** Published and not deleted. */
export const isPublicArticle = and(eq(articles.status, "published"), isNull(articles.deletedAt));
