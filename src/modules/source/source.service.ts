// The rules for an article's sources: whoever may edit the article may cite or drop a source; a
// source has a title and an http(s) URL; the order stays dense (0..n-1). Each change is a new
// version of the article, in the same transaction.
import { countPositions, shiftPositions } from "../../db/positions.ts";
import { sources } from "../../db/schema.ts";
import type { Article } from "../article/article.repo.ts";
import {
  type ArticleServices,
  articleWritten,
  lockEditableArticle,
  touchArticle,
} from "../article/article.versions.ts";
import { type FieldIssue, NotFoundError, ValidationError } from "../errors.ts";
import { checkText, checkWebUrl } from "../field-checks.ts";
import { deleteSourceRow, findSourceForWrite, insertSource, type Source } from "./source.repo.ts";

export const SOURCE_LIMITS = { title: 300, publisher: 200, url: 2000 } as const;

export interface AddSourceInput {
  articleId: string;
  title: string;
  publisher?: string | null | undefined;
  url: string;
  position?: number | null | undefined;
}

export interface SourceChange {
  source: Source;
  article: Article;
}

/** Appends a source, or inserts it at `position` and moves the ones from there down by one. */
export async function addSource(services: ArticleServices, input: AddSourceInput): Promise<SourceChange> {
  const issues: FieldIssue[] = [];
  const title = checkText(issues, "input.title", input.title, { max: SOURCE_LIMITS.title, required: true });
  const publisher =
    input.publisher == null
      ? null
      : checkText(issues, "input.publisher", input.publisher, { max: SOURCE_LIMITS.publisher });
  const url = checkWebUrl(issues, "input.url", input.url, SOURCE_LIMITS.url);
  if (url === null && !issues.some((issue) => issue.field === "input.url")) {
    issues.push({ field: "input.url", message: "url is required" });
  }
  if (input.position != null && input.position < 0) {
    issues.push({ field: "input.position", message: "position must be 0 or more" });
  }
  if (issues.length) throw new ValidationError(issues);
  const change = await services.db.transaction(async (tx) => {
    const locked = await lockEditableArticle(tx, services, input.articleId);
    const count = await countPositions(tx, sources, locked.article.id);
    const position = input.position ?? count;
    if (position > count) {
      throw new ValidationError([
        { field: "input.position", message: `position must be between 0 and ${count}` },
      ]);
    }
    await shiftPositions(tx, sources, locked.article.id, 1, position);
    const source = await insertSource(tx, {
      articleId: locked.article.id,
      title: title as string,
      publisher,
      url: url as string,
      position,
    });
    return { source, article: await touchArticle(tx, services, locked, "sources") };
  });
  await articleWritten(services, change.article);
  return change;
}

/** Removes a source; the ones after it move up by one. */
export async function removeSource(services: ArticleServices, sourceId: string): Promise<Article> {
  const change = await services.db.transaction(async (tx) => {
    const found = await findSourceForWrite(tx, sourceId);
    if (!found) throw new NotFoundError("No source has this id");
    const locked = await lockEditableArticle(tx, services, found.articleId);
    // Read again under the lock: its position may have moved meanwhile.
    const source = await findSourceForWrite(tx, sourceId);
    if (!source) throw new NotFoundError("No source has this id");
    await deleteSourceRow(tx, source.id);
    await shiftPositions(tx, sources, source.articleId, -1, source.position + 1);
    return touchArticle(tx, services, locked, "sources");
  });
  return articleWritten(services, change);
}
