// The rules for an article's quotes: who may change them (whoever may edit the article), what a
// quote must have, and their order, which stays dense (0..n-1) through every add, move and
// removal. Each change is a new version of the article, in the same transaction.
import { countPositions, shiftPositions } from "../../db/positions.ts";
import { quotes } from "../../db/schema.ts";
import type { Article } from "../article/article.repo.ts";
import {
  type ArticleServices,
  articleWritten,
  lockEditableArticle,
  touchArticle,
} from "../article/article.versions.ts";
import { type FieldIssue, NotFoundError, ValidationError } from "../errors.ts";
import { checkText } from "../field-checks.ts";
import { deleteQuoteRow, findQuoteForWrite, insertQuote, type Quote, updateQuoteRow } from "./quote.repo.ts";

export const QUOTE_LIMITS = { speaker: 200, speakerRole: 200, text: 2000 } as const;

interface QuoteFieldsInput {
  speaker?: string | null | undefined;
  speakerRole?: string | null | undefined;
  text?: string | null | undefined;
  position?: number | null | undefined;
}

/** Checks the fields given; null or absent means unchanged, except speakerRole where null removes it. */
function cleanQuoteFields(input: QuoteFieldsInput, issues: FieldIssue[]) {
  const fields: { speaker?: string; speakerRole?: string | null; text?: string } = {};
  if (input.speaker != null) {
    fields.speaker =
      checkText(issues, "input.speaker", input.speaker, { max: QUOTE_LIMITS.speaker, required: true }) ?? "";
  }
  if (input.speakerRole !== undefined) {
    fields.speakerRole =
      input.speakerRole === null
        ? null
        : checkText(issues, "input.speakerRole", input.speakerRole, { max: QUOTE_LIMITS.speakerRole });
  }
  if (input.text != null) {
    fields.text =
      checkText(issues, "input.text", input.text, { max: QUOTE_LIMITS.text, required: true }) ?? "";
  }
  if (input.position != null && input.position < 0) {
    issues.push({ field: "input.position", message: "position must be 0 or more" });
  }
  return fields;
}

const outOfRange = (last: number) =>
  new ValidationError([{ field: "input.position", message: `position must be between 0 and ${last}` }]);

export interface QuoteChange {
  quote: Quote;
  article: Article;
}

export interface AddQuoteInput extends QuoteFieldsInput {
  articleId: string;
  speaker: string;
  text: string;
}

/** Appends a quote, or inserts it at `position` and moves the ones from there down by one. */
export async function addQuote(services: ArticleServices, input: AddQuoteInput): Promise<QuoteChange> {
  const issues: FieldIssue[] = [];
  const fields = cleanQuoteFields(input, issues);
  if (issues.length) throw new ValidationError(issues);
  const change = await services.db.transaction(async (tx) => {
    const locked = await lockEditableArticle(tx, services, input.articleId);
    const count = await countPositions(tx, quotes, locked.article.id);
    const position = input.position ?? count;
    if (position > count) throw outOfRange(count);
    await shiftPositions(tx, quotes, locked.article.id, 1, position);
    const quote = await insertQuote(tx, {
      articleId: locked.article.id,
      speaker: fields.speaker as string,
      speakerRole: fields.speakerRole ?? null,
      text: fields.text as string,
      position,
      createdAt: services.now(),
    });
    return { quote, article: await touchArticle(tx, services, locked, "quotes") };
  });
  await articleWritten(services, change.article, change.article.status === "published");
  return change;
}

/** The quote `quoteId` with its article locked for an edit; the quote is read after the lock. */
async function lockQuote(
  tx: Parameters<typeof lockEditableArticle>[0],
  services: ArticleServices,
  quoteId: string,
) {
  const found = await findQuoteForWrite(tx, quoteId);
  if (!found) throw new NotFoundError("No quote has this id");
  const locked = await lockEditableArticle(tx, services, found.articleId);
  const quote = await findQuoteForWrite(tx, quoteId);
  if (!quote) throw new NotFoundError("No quote has this id");
  return { locked, quote };
}

export interface UpdateQuoteInput extends QuoteFieldsInput {
  quoteId: string;
}

/** Changes a quote's words or speaker, or moves it to `position` (the others close up around it). */
export async function updateQuote(services: ArticleServices, input: UpdateQuoteInput): Promise<QuoteChange> {
  const issues: FieldIssue[] = [];
  const fields = cleanQuoteFields(input, issues);
  if (issues.length) throw new ValidationError(issues);
  const change = await services.db.transaction(async (tx) => {
    const { locked, quote } = await lockQuote(tx, services, input.quoteId);
    const values: Parameters<typeof updateQuoteRow>[2] = {};
    for (const key of ["speaker", "speakerRole", "text"] as const) {
      if (fields[key] !== undefined && fields[key] !== quote[key])
        Object.assign(values, { [key]: fields[key] });
    }
    const to = input.position ?? quote.position;
    if (to !== quote.position) {
      const count = await countPositions(tx, quotes, quote.articleId);
      if (to > count - 1) throw outOfRange(count - 1);
      if (to < quote.position) await shiftPositions(tx, quotes, quote.articleId, 1, to, quote.position - 1);
      else await shiftPositions(tx, quotes, quote.articleId, -1, quote.position + 1, to);
      values.position = to;
    }
    if (!Object.keys(values).length) return { quote, article: locked.article };
    const updated = await updateQuoteRow(tx, quote.id, values);
    return { quote: updated, article: await touchArticle(tx, services, locked, "quotes") };
  });
  await articleWritten(services, change.article, change.article.status === "published");
  return change;
}

/** Removes a quote; the ones after it move up by one. */
export async function removeQuote(services: ArticleServices, quoteId: string): Promise<Article> {
  const change = await services.db.transaction(async (tx) => {
    const { locked, quote } = await lockQuote(tx, services, quoteId);
    await deleteQuoteRow(tx, quote.id);
    await shiftPositions(tx, quotes, quote.articleId, -1, quote.position + 1);
    return touchArticle(tx, services, locked, "quotes");
  });
  return articleWritten(services, change, change.status === "published");
}
