// Writing an article's quotes: add (append or insert), update (words, speaker, or a move), remove.
// Whoever may edit the article may change its quotes; the rules live in quote.service.ts.
import { builder } from "../../graphql/builder.ts";
import { servicesOf } from "../../graphql/context.ts";
import { ArticleRef } from "../article/article.graphql.ts";
import { ArticleMutationSuccessRef } from "../article/article.mutations.graphql.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import { QuoteRef } from "./quote.graphql.ts";
import { addQuote, QUOTE_LIMITS, type QuoteChange, removeQuote, updateQuote } from "./quote.service.ts";

const QuoteMutationSuccessRef = builder.objectRef<QuoteChange>("QuoteMutationSuccess").implement({
  description: "The quote as written, and its article (with every quote in order).",
  fields: (t) => ({
    quote: t.field({ type: QuoteRef, resolve: (change) => change.quote }),
    article: t.field({ type: ArticleRef, resolve: (change) => change.article }),
  }),
});

const AddQuoteInput = builder.inputType("AddQuoteInput", {
  fields: (t) => ({
    articleId: t.globalID({ required: true, for: ArticleRef }),
    speaker: t.string({
      required: true,
      description: `Who said it; at most ${QUOTE_LIMITS.speaker} characters.`,
    }),
    speakerRole: t.string({
      description: `Such as "VP international de Xiaomi"; at most ${QUOTE_LIMITS.speakerRole} characters.`,
    }),
    text: t.string({ required: true, description: `At most ${QUOTE_LIMITS.text} characters.` }),
    position: t.int({
      description: "Where to insert it, 0 being first; the quotes from there move down. Absent: at the end.",
    }),
  }),
});

builder.mutationField("addQuote", (t) =>
  t.field({
    type: QuoteMutationSuccessRef,
    authScopes: { staff: true },
    args: { input: t.arg({ type: AddQuoteInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: (_root, { input }, ctx) =>
      addQuote(servicesOf(ctx), { ...input, articleId: input.articleId.id }),
  }),
);

const UpdateQuoteInput = builder.inputType("UpdateQuoteInput", {
  fields: (t) => ({
    quoteId: t.globalID({ required: true, for: QuoteRef }),
    speaker: t.string(),
    speakerRole: t.string({ description: "null removes it." }),
    text: t.string(),
    position: t.int({ description: "Moves the quote there, 0 being first; the others close up around it." }),
  }),
});

builder.mutationField("updateQuote", (t) =>
  t.field({
    type: QuoteMutationSuccessRef,
    authScopes: { staff: true },
    args: { input: t.arg({ type: UpdateQuoteInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: (_root, { input }, ctx) => updateQuote(servicesOf(ctx), { ...input, quoteId: input.quoteId.id }),
  }),
);

const RemoveQuoteInput = builder.inputType("RemoveQuoteInput", {
  fields: (t) => ({ quoteId: t.globalID({ required: true, for: QuoteRef }) }),
});

builder.mutationField("removeQuote", (t) =>
  t.field({
    type: ArticleMutationSuccessRef,
    authScopes: { staff: true },
    description: "Removes a quote; the ones after it move up.",
    args: { input: t.arg({ type: RemoveQuoteInput, required: true }) },
    errors: { types: [NotFoundError] },
    resolve: (_root, { input }, ctx) => removeQuote(servicesOf(ctx), input.quoteId.id),
  }),
);
