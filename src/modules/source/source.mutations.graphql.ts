// Citing sources in an article: addSource and removeSource, for whoever may edit the article.
import { builder } from "../../graphql/builder.ts";
import { servicesOf } from "../../graphql/context.ts";
import { ArticleRef } from "../article/article.graphql.ts";
import { ArticleMutationSuccessRef } from "../article/article.mutations.graphql.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import { SourceRef } from "./source.graphql.ts";
import { addSource, removeSource, SOURCE_LIMITS, type SourceChange } from "./source.service.ts";

const SourceMutationSuccessRef = builder.objectRef<SourceChange>("SourceMutationSuccess").implement({
  description: "The source as written, and its article (with every source in order).",
  fields: (t) => ({
    source: t.field({ type: SourceRef, resolve: (change) => change.source }),
    article: t.field({ type: ArticleRef, resolve: (change) => change.article }),
  }),
});

const AddSourceInput = builder.inputType("AddSourceInput", {
  fields: (t) => ({
    articleId: t.globalID({ required: true, for: ArticleRef }),
    title: t.string({ required: true, description: `At most ${SOURCE_LIMITS.title} characters.` }),
    publisher: t.string({ description: `At most ${SOURCE_LIMITS.publisher} characters.` }),
    url: t.string({ required: true, description: "An http(s) URL." }),
    position: t.int({ description: "Where to insert it, 0 being first. Absent: at the end." }),
  }),
});

builder.mutationField("addSource", (t) =>
  t.field({
    type: SourceMutationSuccessRef,
    authScopes: { staff: true },
    args: { input: t.arg({ type: AddSourceInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: (_root, { input }, ctx) =>
      addSource(servicesOf(ctx), { ...input, articleId: input.articleId.id }),
  }),
);

const RemoveSourceInput = builder.inputType("RemoveSourceInput", {
  fields: (t) => ({ sourceId: t.globalID({ required: true, for: SourceRef }) }),
});

builder.mutationField("removeSource", (t) =>
  t.field({
    type: ArticleMutationSuccessRef,
    authScopes: { staff: true },
    description: "Removes a source; the ones after it move up.",
    args: { input: t.arg({ type: RemoveSourceInput, required: true }) },
    errors: { types: [NotFoundError] },
    resolve: (_root, { input }, ctx) => removeSource(servicesOf(ctx), input.sourceId.id),
  }),
);
